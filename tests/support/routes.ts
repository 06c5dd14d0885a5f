// Calls route loaders and actions the way Remix does: a real Request, a real signed session cookie, and the
// thrown or returned Response (or data() result) normalised into something a test can assert on.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { type Database, db } from "../../app/lib/db.server";
import { createUserSession } from "../../app/lib/session.server";

export const BASE_URL = "http://localhost";

export interface RouteResult<T = unknown> {
  status: number;
  headers: Headers;
  location: string | null;
  data: T;
}

export async function cookieFor(userId: number): Promise<string> {
  const setCookie = await createUserSession(userId, new Request(BASE_URL));
  return setCookie.split(";")[0] ?? "";
}

export interface RequestOptions {
  method?: "GET" | "POST";
  /** The signed-in user; omit for a signed-out visitor. */
  userId?: number;
  form?: Record<string, string | string[]> | FormData;
  headers?: Record<string, string>;
}

export async function buildRequest(path: string, options: RequestOptions = {}): Promise<Request> {
  const headers = new Headers(options.headers);
  if (options.userId !== undefined) headers.append("Cookie", await cookieFor(options.userId));
  let body: FormData | URLSearchParams | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
    }
    body = params;
  }
  return new Request(`${BASE_URL}${path}`, {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
}

async function normalise<T>(outcome: unknown): Promise<RouteResult<T>> {
  if (outcome instanceof Response) {
    const type = outcome.headers.get("content-type") ?? "";
    const data = type.includes("json") ? await outcome.json() : await outcome.text();
    return {
      status: outcome.status,
      headers: outcome.headers,
      location: outcome.headers.get("location"),
      data: data as T,
    };
  }
  if (outcome && typeof outcome === "object" && (outcome as { type?: unknown }).type === "DataWithResponseInit") {
    const { data, init } = outcome as { data: T; init: ResponseInit | null };
    const headers = new Headers(init?.headers);
    return { status: init?.status ?? 200, headers, location: headers.get("location"), data };
  }
  return { status: 200, headers: new Headers(), location: null, data: outcome as T };
}

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export async function callRoute<T = any>(
  fn: RouteFunction | undefined,
  path: string,
  options: RequestOptions & { params?: Record<string, string> } = {},
): Promise<RouteResult<T>> {
  if (!fn) throw new Error(`route at ${path} has no such function`);
  const request = await buildRequest(path, options);
  try {
    return await normalise<T>(await fn({ request, params: options.params ?? {}, context: { cspNonce: "" } }));
  } catch (thrown) {
    if (thrown instanceof Response) return normalise<T>(thrown);
    throw thrown;
  }
}

export async function countRows(table: keyof Database): Promise<number> {
  const row = await db()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The `__session=...` pair a response sets (to send back as a Cookie header), or null when it sets none. */
export function sessionCookieFrom(headers: Headers): string | null {
  const setCookie = headers.getSetCookie().find((cookie) => cookie.startsWith("__session="));
  return setCookie?.split(";")[0] ?? null;
}
