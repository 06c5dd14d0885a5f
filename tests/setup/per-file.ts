// Gives each test file its own copy of the migrated template database, before any app module opens it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { postgresTemplateName, postgresUrlFor, testDbKind, withPostgresAdmin } from "./databases";

const suffix = randomBytes(6).toString("hex");

// Uploaded files go to a folder of this test file's own, never into the working tree's data/.
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-uploads-${suffix}-`));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

if (testDbKind === "postgres") {
  const name = `portal_test_${suffix}`;
  await withPostgresAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`));
  process.env.DATABASE_URL = postgresUrlFor(name);
  afterAll(async () => {
    const { db } = await import("../../app/lib/db.server");
    await db().destroy();
    await withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
} else {
  const template = inject("sqliteTemplate");
  const file = path.join(os.tmpdir(), `portal-test-${suffix}.sqlite`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    const { db } = await import("../../app/lib/db.server");
    await db().destroy();
    for (const end of ["", "-wal", "-shm"]) fs.rmSync(`${file}${end}`, { force: true });
  });
}
