// A save that arrives after the session expired must not lose what was typed. The posted values are kept in the
// draft_stash table; the browser gets the stash's id in a signed cookie and in the address it returns to after
// signing in (/proposals/7/edit?restore=<id>). The edit page restores the values only when the cookie, the address
// and the page match, so a stash cannot be planted in someone else's form through a link; and only for a user who
// may edit that proposal. A stash lives a week or until the restored form is saved.
//
// Only a browser holding a session cookie this server signed gets a stash, and each such session keeps one: its
// stash's id is derived from the session id with the server's secret, so a later save replaces the earlier one and a
// client cannot fill the table by posting again and again.
import { createHmac } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { cookiesAreSecure, env } from "~/lib/env.server";
import type { FormValues } from "~/lib/form-data";
import { addSeconds, nowIso } from "~/lib/time";

const STASH_SECONDS = 7 * 24 * 60 * 60;
/** Larger bodies are not stashed: no proposal form comes near it, and the table is not a file store. */
const MAX_STASH_CHARS = 1_000_000;

const stashCookie = createCookie("__draft_stash", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: cookiesAreSecure(),
  secrets: [env().SESSION_SECRET],
  maxAge: STASH_SECONDS,
});

export const RESTORE_PARAM = "restore";

/** The id of the one stash a session keeps: unguessable without the secret, the same for every save. */
function stashIdFor(sessionId: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(`draft-stash:${sessionId}`).digest("base64url");
}

/**
 * Keeps the values for the page at `path` as the session's stash, replacing what it kept before; returns the address
 * to come back to and the cookie to set.
 */
export async function stashFormValues(
  sessionId: string,
  path: string,
  values: FormValues,
): Promise<{ returnTo: string; setCookie: string } | null> {
  const json = JSON.stringify(values);
  if (json.length > MAX_STASH_CHARS) return null;
  const id = stashIdFor(sessionId);
  const createdAt = nowIso();
  const kept = { path, formValues: json, createdAt, expiresAt: addSeconds(createdAt, STASH_SECONDS) };
  await db().deleteFrom("draftStash").where("expiresAt", "<", createdAt).execute();
  await db()
    .insertInto("draftStash")
    .values({ id, ...kept })
    .onConflict((conflict) => conflict.column("id").doUpdateSet(kept))
    .execute();
  return {
    returnTo: `${path}?${new URLSearchParams({ [RESTORE_PARAM]: id })}`,
    setCookie: await stashCookie.serialize(id),
  };
}

/** The stashed values for this page, if this browser stashed them and they have not expired. */
export async function findStash(request: Request, path: string): Promise<{ id: string; values: FormValues } | null> {
  const id = new URL(request.url).searchParams.get(RESTORE_PARAM);
  if (!id) return null;
  const cookieId: unknown = await stashCookie.parse(request.headers.get("cookie"));
  if (cookieId !== id) return null;
  const row = await db()
    .selectFrom("draftStash")
    .select(["formValues"])
    .where("id", "=", id)
    .where("path", "=", path)
    .where("expiresAt", ">", nowIso())
    .executeTakeFirst();
  if (!row) return null;
  const values: FormValues = JSON.parse(row.formValues);
  return { id, values };
}

export async function deleteStash(id: string): Promise<void> {
  await db().deleteFrom("draftStash").where("id", "=", id).execute();
}
