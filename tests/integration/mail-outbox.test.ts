// The outbox: messages written in a transaction are delivered by flushOutbox after the commit, once each, even when
// two requests flush at the same moment; a failure stays on the row and is retried.
import { describe, expect, test } from "vitest";
import { db } from "~/lib/db.server";
import { enqueueEmail, flushOutbox, type MailMessage, type MailTransport } from "~/lib/mail.server";

/** A transport that takes a while per message, as an SMTP server does, and records what it was given. */
function slowTransport(options: { failFor?: string } = {}) {
  const delivered: MailMessage[] = [];
  const transport: MailTransport = {
    name: "slow test transport",
    async send(message) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (message.to === options.failFor) throw new Error("mailbox unavailable");
      delivered.push(message);
    },
  };
  return { transport, delivered };
}

async function unsentTo(recipient: string) {
  return db()
    .selectFrom("outboxMessage")
    .select(["sentAt", "error"])
    .where("recipient", "=", recipient)
    .executeTakeFirstOrThrow();
}

describe("flushOutbox", () => {
  test("two flushes at once send each message once", async () => {
    const recipients = ["a@outbox.test", "b@outbox.test", "c@outbox.test"];
    await db()
      .transaction()
      .execute(async (trx) => {
        for (const to of recipients) await enqueueEmail(trx, { to, subject: "申报书已提交", text: "正文" });
      });
    const { transport, delivered } = slowTransport();
    const [first, second] = await Promise.all([flushOutbox(transport), flushOutbox(transport)]);
    expect(first + second).toBe(3);
    expect(delivered.map((message) => message.to).sort()).toEqual(recipients);
    for (const to of recipients) expect((await unsentTo(to)).sentAt).not.toBeNull();
  });

  test("a failed delivery keeps its error, does not stop the queue, and is retried on the next flush", async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await enqueueEmail(trx, { to: "down@outbox.test", subject: "退回修改", text: "正文" });
        await enqueueEmail(trx, { to: "up@outbox.test", subject: "退回修改", text: "正文" });
      });
    const failing = slowTransport({ failFor: "down@outbox.test" });
    expect(await flushOutbox(failing.transport)).toBe(1);
    expect(await unsentTo("down@outbox.test")).toEqual({ sentAt: null, error: "mailbox unavailable" });

    const working = slowTransport();
    expect(await flushOutbox(working.transport)).toBe(1);
    expect(working.delivered.map((message) => message.to)).toEqual(["down@outbox.test"]);
    expect((await unsentTo("down@outbox.test")).error).toBeNull();
  });
});
