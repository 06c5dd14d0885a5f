// Data access for programs.
import { db } from "~/lib/db.server";
import { nowIso } from "~/lib/time";

/** Published calls a visitor can see: open now, or opening later. */
export async function listPublicPrograms({ limit }: { limit: number }) {
  const now = nowIso();
  return db()
    .selectFrom("program")
    .innerJoin("funder", "funder.id", "program.funderId")
    .select([
      "program.id",
      "program.title",
      "program.summary",
      "program.opensAt",
      "program.closesAt",
      "program.grantMaxFen",
      "funder.name as funderName",
    ])
    .where("program.status", "=", "open")
    .where("program.closesAt", ">", now)
    .orderBy("program.opensAt", "asc")
    .limit(limit)
    .execute();
}
