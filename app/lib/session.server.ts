// Server-side sessions: the cookie carries only a signed random id; the session row says who it belongs to and
// until when, so signing out (here or everywhere) takes effect at once.
import { randomBytes } from "node:crypto";
import { createCookie, createCookieSessionStorage, redirect } from "@remix-run/node";
import { type RawBuilder, sql } from "kysely";
import { db, type Executor, isPostgres } from "./db.server";
import { cookiesAreSecure, env } from "./env.server";
import { type Param, preparedQuery } from "./prepared-query.server";
import { oncePerRequest } from "./request-scope.server";
import { addSeconds, nowIso } from "./time";

const SESSION_SECONDS = 60 * 60 * 24 * 14;

const sessionCookie = createCookie("__session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: cookiesAreSecure(),
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_SECONDS,
});

/** Starts a session and returns its Set-Cookie value; pass `executor` to make it part of a transaction. */
export async function createUserSession(userId: number, request: Request, executor: Executor = db()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const createdAt = nowIso();
  await executor
    .insertInto("session")
    .values({
      id,
      userId,
      createdAt,
      expiresAt: addSeconds(createdAt, SESSION_SECONDS),
      userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
    })
    .execute();
  return sessionCookie.serialize(id);
}

/**
 * The session id the request's cookie carries, when the cookie's signature holds: the session may have expired
 * or ended since. Only this server can have issued it.
 */
export async function signedSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("cookie"));
  return typeof value === "string" ? value : null;
}

/**
 * The user's memberships, as JSON arrays in the same row as the user: every signed-in page needs them (the actor,
 * the navigation), and one query instead of three is one round trip to PostgreSQL instead of two.
 */
function membershipsOf(executor: Executor): {
  funderIds: RawBuilder<number[] | string>;
  organizations: RawBuilder<MembershipRow[] | string>;
} {
  return isPostgres(executor)
    ? {
        funderIds: sql<
          number[]
        >`(select coalesce(json_agg(funder_id), '[]'::json) from funder_member where user_id = "user".id)`,
        organizations: sql<
          MembershipRow[]
        >`(select coalesce(json_agg(json_build_object('organizationId', organization_id, 'role', role)), '[]'::json) from organization_member where user_id = "user".id)`,
      }
    : {
        funderIds: sql<string>`(select json_group_array(funder_id) from funder_member where user_id = "user".id)`,
        organizations: sql<string>`(select json_group_array(json_object('organizationId', organization_id, 'role', role)) from organization_member where user_id = "user".id)`,
      };
}

interface MembershipRow {
  organizationId: number;
  role: string;
}

/** SQLite hands JSON back as text, PostgreSQL's driver already parsed. */
function fromJson<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/** The session's user with their memberships, while the session lasts: the first query of every signed-in page. */
const sessionUserQuery = preparedQuery((param: Param<{ sessionId: string; now: string }>) => {
  const memberships = membershipsOf(db());
  return db()
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .select(["user.id", "user.email", "user.name", "user.isPlatformAdmin", "user.locale"])
    .select([memberships.funderIds.as("funderIds"), memberships.organizations.as("organizations")])
    .where("session.id", "=", param("sessionId"))
    .where("session.expiresAt", ">", param("now"));
});

export async function findSessionUser(request: Request) {
  const sessionId = await signedSessionId(request);
  if (!sessionId) return null;
  const [row] = await sessionUserQuery.execute(db(), { sessionId, now: nowIso() });
  if (!row) return null;
  return {
    ...row,
    isPlatformAdmin: row.isPlatformAdmin === 1,
    funderIds: fromJson<number[]>(row.funderIds),
    organizations: fromJson<MembershipRow[]>(row.organizations),
  };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

const SESSION_USER = Symbol("session user");

/** The signed-in user, or null; read once per page view. */
export function optionalUser(request: Request): Promise<SessionUser | null> {
  return oncePerRequest(SESSION_USER, () => findSessionUser(request));
}

export function signInPath(request: Request): string {
  const url = new URL(request.url);
  // Loader data requests from the client router carry a ".data" suffix and _data params; send users back to the page.
  const page = url.pathname.replace(/\.data$/, "") + url.search.replace(/[?&]_routes=[^&]*/, "");
  return `/sign-in?${new URLSearchParams({ redirectTo: page })}`;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await optionalUser(request);
  if (!user) throw redirect(signInPath(request));
  return user;
}

export async function destroyCurrentSession(request: Request, executor: Executor = db()): Promise<string> {
  const sessionId = await signedSessionId(request);
  if (sessionId) await executor.deleteFrom("session").where("id", "=", sessionId).execute();
  return sessionCookie.serialize("", { maxAge: 0 });
}

export async function destroyAllSessions(userId: number, executor: Executor = db()): Promise<void> {
  await executor.deleteFrom("session").where("userId", "=", userId).execute();
}

// Flash messages survive exactly one redirect; they carry a dictionary key, translated when shown.
const flashStorage = createCookieSessionStorage({
  cookie: {
    name: "__flash",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookiesAreSecure(),
    secrets: [env().SESSION_SECRET],
  },
});

export interface Flash {
  kind: "success" | "error" | "info";
  message: string;
}

export async function redirectWithFlash(url: string, flash: Flash, headers: HeadersInit = {}): Promise<Response> {
  const session = await flashStorage.getSession();
  session.flash("flash", flash);
  const responseHeaders = new Headers(headers);
  responseHeaders.append("Set-Cookie", await flashStorage.commitSession(session));
  return redirect(url, { headers: responseHeaders });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const cookieHeader = request.headers.get("cookie");
  if (!cookieHeader?.includes("__flash=")) return { flash: null, setCookie: null };
  const session = await flashStorage.getSession(cookieHeader);
  const flash = (session.get("flash") as Flash | undefined) ?? null;
  return { flash, setCookie: await flashStorage.commitSession(session) };
}
