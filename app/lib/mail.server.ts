// Email goes through a transport interface. Every message is first written to the outbox table in the caller's
// transaction (so it is sent only if the change commits, and the admin can read it); flushOutbox then delivers it
// over SMTP when SMTP_URL is set, or to the log on a machine without mail.
import nodemailer from "nodemailer";
import type { Executor } from "./db.server";
import { db } from "./db.server";
import { env } from "./env.server";
import { nowIso } from "./time";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<void>;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

export const logTransport: MailTransport = {
  name: "log",
  async send(message) {
    console.info(`[mail] to=${message.to} subject=${message.subject}\n${message.text}`);
  },
};

function configuredTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  if (SMTP_URL) return smtpTransport(SMTP_URL, MAIL_FROM);
  return NODE_ENV === "test" ? { name: "test", send: async () => {} } : logTransport;
}

export async function enqueueEmail(trx: Executor, message: MailMessage): Promise<void> {
  await trx
    .insertInto("outboxMessage")
    .values({
      channel: "email",
      recipient: message.to,
      subject: message.subject,
      body: message.text,
      createdAt: nowIso(),
    })
    .execute();
}

let previousFlush: Promise<unknown> = Promise.resolve();

/**
 * Delivers unsent outbox messages; a failure is recorded on the row and retried on the next flush. Flushes run one
 * after another: two requests flushing at once would both read the same unsent rows while the first was still
 * talking to the mail server, and send each message twice.
 */
export function flushOutbox(transport: MailTransport = configuredTransport()): Promise<number> {
  const flush = previousFlush.then(() => deliverPending(transport));
  previousFlush = flush.catch(() => undefined);
  return flush;
}

/**
 * Starts a flush without waiting for it, for an answer that must take the same time whether or not it queued a
 * message (the mail server's round trip would tell). A failure is logged; the messages stay for the next flush.
 */
export function flushOutboxInBackground(): void {
  flushOutbox().catch((error: unknown) => console.error("outbox: delivery in the background failed", error));
}

async function deliverPending(transport: MailTransport): Promise<number> {
  const pending = await db()
    .selectFrom("outboxMessage")
    .select(["id", "recipient", "subject", "body"])
    .where("sentAt", "is", null)
    .orderBy("id")
    .limit(50)
    .execute();
  let sent = 0;
  for (const row of pending) {
    try {
      await transport.send({ to: row.recipient, subject: row.subject, text: row.body });
      await db().updateTable("outboxMessage").set({ sentAt: nowIso(), error: null }).where("id", "=", row.id).execute();
      sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db().updateTable("outboxMessage").set({ error: reason }).where("id", "=", row.id).execute();
    }
  }
  return sent;
}
