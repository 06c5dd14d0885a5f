// Walks app/routes.ts the way Remix reads it (nested routes join their paths, index routes take their parent's)
// and calls each route module's loader and action, for tests that check who is let in where.
import type { RouteConfigEntry } from "@remix-run/route-config";
import routes from "~/routes";
import { callRoute, type RouteResult } from "./routes";

export interface WalkedRoute {
  /** The URL pattern, e.g. "/organizations/:organizationId/edit". */
  path: string;
  /** The module file relative to app/. */
  file: string;
}

function joinPath(parent: string, child: string | undefined): string {
  if (!child) return parent || "/";
  const joined = `${parent.replace(/\/$/, "")}/${child.replace(/^\//, "")}`;
  return joined.startsWith("/") ? joined : `/${joined}`;
}

function walk(entries: RouteConfigEntry[], parent: string): WalkedRoute[] {
  return entries.flatMap((entry) => {
    // prefix() gives index routes the prefix as their path ("admin"); a plain index route has none.
    const path = joinPath(parent, entry.path);
    // A layout route without a path adds no segment; its children carry on from the parent's path.
    const own = { path, file: entry.file };
    return [own, ...walk(entry.children ?? [], entry.path ? path : parent)];
  });
}

export function walkRoutes(): WalkedRoute[] {
  return walk(routes, "");
}

export interface RouteModule {
  loader?: unknown;
  action?: unknown;
}

export async function loadRouteModule(file: string): Promise<RouteModule> {
  // The path comes from routes.ts at run time; vitest resolves it then, so Vite need not analyse it.
  return import(/* @vite-ignore */ `~/${file}`) as Promise<RouteModule>;
}

/** The names of the dynamic segments in a pattern: "/a/:x/b/:y" → ["x", "y"]. */
export function paramNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? "");
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${path}; add one to the test's parameter table`);
    return value;
  });
}

export type Call = "loader" | "action";

/** GET the loader or POST an empty form to the action, as the given user (or signed out). */
export async function callAs(
  module: RouteModule,
  call: Call,
  route: WalkedRoute,
  target: { url: string; params: Record<string, string> },
  userId: number | undefined,
): Promise<RouteResult> {
  const fn = module[call];
  if (typeof fn !== "function") throw new Error(`${route.file} has no ${call}`);
  return callRoute(fn as Parameters<typeof callRoute>[0], target.url, {
    userId,
    params: target.params,
    method: call === "loader" ? "GET" : "POST",
    form: call === "action" ? {} : undefined,
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function redirectsToSignIn(result: RouteResult): boolean {
  return REDIRECTS.has(result.status) && (result.location ?? "").startsWith("/sign-in");
}

/** Kept out: sent to sign in, or told 401/403/404. */
export function isDenied(result: RouteResult): boolean {
  return redirectsToSignIn(result) || [401, 403, 404].includes(result.status);
}

export function describeResult(result: RouteResult): string {
  return result.location ? `${result.status} → ${result.location}` : String(result.status);
}
