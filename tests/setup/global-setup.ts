import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrations";
import { postgresTemplateName, postgresUrlFor, testDbKind, withPostgresAdmin } from "./databases";

export default async function setup(project: TestProject) {
  if (testDbKind === "postgres") {
    await withPostgresAdmin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${postgresTemplateName} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${postgresTemplateName}`);
    });
    const db = createDatabase(postgresUrlFor(postgresTemplateName));
    await migrateToLatest(db);
    await db.destroy();
    return;
  }
  const file = path.join(os.tmpdir(), `portal-test-template-${process.pid}.sqlite`);
  project.provide("sqliteTemplate", file);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const db = createDatabase(`file:${file}`);
  await migrateToLatest(db);
  await db.destroy();
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  };
}
