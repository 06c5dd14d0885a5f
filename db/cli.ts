// Database commands: migrate, seed (demo data when empty), reset (delete the SQLite file and the attachment files,
// migrate, seed) and create-admin (an admin account from the command line, for a new deployment).
import fs from "node:fs";
import { createInterface } from "node:readline/promises";
import { createDatabase, databaseKind, sqliteFilePath } from "./connection";
import { migrateToLatest } from "./migrations";
import { DEMO_PASSWORD, demoAccounts, isSeeded, seedDemo } from "./seed";
import { hashPassword } from "../app/lib/password.server";

const url = process.env.DATABASE_URL ?? "file:./data/portal.sqlite";
const command = process.argv[2];

async function main() {
  if (command === "reset") {
    if (databaseKind(url) !== "sqlite")
      throw new Error("db:reset only deletes SQLite files; drop a PostgreSQL database by hand.");
    const file = sqliteFilePath(url);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
    // The files of the attachments the deleted database listed (the demo seed writes some); loaded only here, as
    // the app's environment is.
    const { attachmentDirectory } = await import("../app/features/proposals/attachments.server");
    fs.rmSync(attachmentDirectory(), { recursive: true, force: true });
  }
  const db = createDatabase(url);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) console.info(`Applied migrations: ${applied.join(", ")}`);
    if (command === "seed" || command === "reset") {
      if (await isSeeded(db)) console.info("The database already has users; demo data not added.");
      else {
        await seedDemo(db);
        console.info(
          `Demo data added. Accounts (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => a.email).join(", ")}`,
        );
      }
    }
    if (command === "create-admin") await createAdmin(db);
  } finally {
    await db.destroy();
  }
}

async function createAdmin(db: ReturnType<typeof createDatabase>) {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const email = (process.env.ADMIN_EMAIL ?? (await prompt.question("Admin email: "))).trim().toLowerCase();
  const name = (process.env.ADMIN_NAME ?? (await prompt.question("Name: "))).trim();
  const password = process.env.ADMIN_PASSWORD ?? (await prompt.question("Password (at least 10 characters): "));
  prompt.close();
  if (!email.includes("@") || !name || password.length < 10)
    throw new Error("A valid email, a name and a 10-character password are needed.");
  const stamp = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("user")
      .values({
        email,
        name,
        passwordHash: await hashPassword(password),
        isPlatformAdmin: 1,
        locale: null,
        phone: null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .onConflict((oc) => oc.column("email").doUpdateSet({ isPlatformAdmin: 1, updatedAt: stamp }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("auditEvent")
      .values({
        at: stamp,
        actorUserId: null,
        action: "admin.created_from_cli",
        entityType: "user",
        entityId: user.id,
        after: JSON.stringify({ email }),
      })
      .execute();
  });
  console.info(`${email} is a platform admin.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
