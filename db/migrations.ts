// The static list of migrations, shared by the CLI, the server and the tests. Kysely's file provider cannot load
// .ts migrations inside the built server or under vitest, so every migration is imported here by name.
import type { Kysely, Migration, MigrationProvider } from "kysely";
import { Migrator } from "kysely";
import * as foundation from "./migrations/2026-11-28-01-foundation";
import * as proposals from "./migrations/2026-11-28-02-proposals";
import * as auditEntityTypeIndex from "./migrations/2026-11-28-09-audit-entity-type-index";
import * as proposalScreening from "./migrations/2026-11-28-12-proposal-screening";
import * as proposalListIndexes from "./migrations/2026-11-28-13-proposal-list-indexes";
import * as proposalStatusCommunityIndex from "./migrations/2026-11-28-14-proposal-status-community-index";
import * as proposalTallyRevision from "./migrations/2026-11-28-15-proposal-tally-revision";
import * as proposalListSearchColumns from "./migrations/2026-11-28-16-proposal-list-search-columns";
import * as proposalListRevision from "./migrations/2026-11-28-17-proposal-list-revision";
import * as proposalRevision from "./migrations/2026-11-29-18-proposal-revision";

const migrations: Record<string, Migration> = {
  "2026-11-28-01-foundation": foundation,
  "2026-11-28-02-proposals": proposals,
  "2026-11-28-09-audit-entity-type-index": auditEntityTypeIndex,
  "2026-11-28-12-proposal-screening": proposalScreening,
  "2026-11-28-13-proposal-list-indexes": proposalListIndexes,
  "2026-11-28-14-proposal-status-community-index": proposalStatusCommunityIndex,
  "2026-11-28-15-proposal-tally-revision": proposalTallyRevision,
  "2026-11-28-16-proposal-list-search-columns": proposalListSearchColumns,
  "2026-11-28-17-proposal-list-revision": proposalListRevision,
  "2026-11-29-18-proposal-revision": proposalRevision,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
