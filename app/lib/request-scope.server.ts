// Values worked out once per page view and shared by the loaders that run for it. Remix hands each loader its own
// copy of the Request, so the Request cannot be the key; the express server runs each GET in a scope instead
// (server/app.ts), and the loaders of that request find the scope through AsyncLocalStorage.
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = Map<symbol, unknown>;

// On globalThis: the server and the Remix build are bundled apart and would otherwise each have their own storage.
const globalForScope = globalThis as typeof globalThis & { __portalRequestScope?: AsyncLocalStorage<Scope> };
const storage = (globalForScope.__portalRequestScope ??= new AsyncLocalStorage<Scope>());

/**
 * Runs a request in a scope of its own when it only reads (GET, HEAD). A write gets none: its action may change
 * what the loaders after it must see (a membership accepted, a session ended).
 */
export function runInRequestScope<T>(method: string, handle: () => T): T {
  return method === "GET" || method === "HEAD" ? storage.run(new Map(), handle) : handle();
}

/** The value for `key` in this request's scope, computed on first use; outside a scope, computed every time. */
export function oncePerRequest<T>(key: symbol, compute: () => T): T {
  const scope = storage.getStore();
  if (!scope) return compute();
  if (!scope.has(key)) scope.set(key, compute());
  return scope.get(key) as T;
}
