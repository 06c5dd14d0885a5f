// `npm start`: build when the sources are newer than the build, migrate, seed demo data into an empty database,
// then serve and print the address and the demo accounts.
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { buildIsStale } from "./build-freshness";

function ensureSessionSecret(): void {
  if (process.env.SESSION_SECRET) return;
  const file = "data/.session-secret";
  fs.mkdirSync("data", { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  process.env.SESSION_SECRET = fs.readFileSync(file, "utf8").trim();
}

if (buildIsStale()) {
  console.info("Building the portal…");
  execSync("npx remix vite:build", { stdio: "inherit" });
}
ensureSessionSecret();
process.env.NODE_ENV = "production";
if (!process.env.PUBLIC_URL) {
  process.env.PUBLIC_URL = `http://localhost:${process.env.PORT ?? 3000}`;
  console.warn(
    `PUBLIC_URL is not set: links in emails will point to ${process.env.PUBLIC_URL}. ` +
      "On a server, set PUBLIC_URL to the address users reach the portal at.",
  );
}

const { createDatabase } = await import("../db/connection");
const { migrateToLatest } = await import("../db/migrations");
const { DEMO_PASSWORD, demoAccounts, isSeeded, seedDemo } = await import("../db/seed");
const url = process.env.DATABASE_URL ?? "file:./data/portal.sqlite";
const setupDb = createDatabase(url);
await migrateToLatest(setupDb);
if (!(await isSeeded(setupDb))) {
  await seedDemo(setupDb);
  console.info("Demo data added.");
}
await setupDb.destroy();

const { serve } = await import("../server/index");
await serve();
console.info(`\n  微公益创投平台 is running: ${process.env.PUBLIC_URL}\n`);
console.info(`  Demo accounts (password ${DEMO_PASSWORD}):`);
for (const account of demoAccounts) console.info(`    ${account.email.padEnd(28)} ${account.role}`);
console.info("");
