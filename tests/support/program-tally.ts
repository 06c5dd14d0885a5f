// The revision the database moves whenever a handed-in proposal of the program changes in a way its list shows
// (migrations 15 and 17): the list's kept counts are good only under the revision they were counted at.
import { db } from "../../app/lib/db.server";

export async function programTallyRevision(programId: number): Promise<number> {
  const row = await db()
    .selectFrom("program")
    .select("proposalTallyRevision")
    .where("id", "=", programId)
    .executeTakeFirstOrThrow();
  return row.proposalTallyRevision;
}
