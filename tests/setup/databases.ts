// Test databases: one migrated template per run, copied for each test file. SQLite copies a file; PostgreSQL
// (TEST_DB=postgres with TEST_DATABASE_URL) creates a database from a template database.
import pg from "pg";

export const testDbKind = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
export const postgresTemplateName = "portal_test_template";

export function postgresServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL (a postgres:// URL the tests may create databases with)");
  return url;
}

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresServerUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withPostgresAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
  }
}
