// The express app around the Remix handler: security headers with a per-request CSP nonce, cross-site POST
// refusal, rate limits on the forms attackers like, a health check and static files.
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import { sql } from "kysely";
import { db } from "../app/lib/db.server";
import { runInRequestScope } from "../app/lib/request-scope.server";

export interface AppOptions {
  mode: "development" | "production";
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Extra middleware mounted before the Remix handler (Vite's dev middleware). */
  before?: express.RequestHandler;
}

function securityHeaders(mode: AppOptions["mode"]) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const dev = mode === "development";
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ""}`,
      `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src 'self'${dev ? " ws: wss:" : ""}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; ");
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  };
}

/** Refuses state-changing requests sent by another site (the browser's Origin or Sec-Fetch-Site says so). */
export function isCrossSiteWrite(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method)) return false;
  const origin = headers.origin;
  const host = headers["x-forwarded-host"] ?? headers.host;
  if (typeof origin === "string" && origin !== "null") {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  if (origin === "null") return true;
  return headers["sec-fetch-site"] === "cross-site";
}

/**
 * A URL that carries an encoded NUL (%00). No page of ours takes one, and PostgreSQL refuses NUL in a text
 * parameter, so a search for it would fail in the database; such a request is refused before it gets there.
 */
export function hasEncodedNul(url: string): boolean {
  return url.includes("%00");
}

export function looksLikePublicFile(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path) && !path.endsWith(".data");
}

const writeLimiter = rateLimit({
  windowMs: 10 * 60 * 1000,
  limit: 60,
  standardHeaders: "draft-7",
  legacyHeaders: false,
  skip: (req) => req.method !== "POST" || process.env.RATE_LIMIT === "off",
  handler: (_req, res) => {
    res
      .status(429)
      .type("text/plain; charset=utf-8")
      .send("操作过于频繁，请稍后再试。Too many requests, please try again later.");
  },
});

export function createApp(options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "true");

  app.get("/healthz", async (_req, res) => {
    try {
      await sql`select 1`.execute(db());
      res.status(200).type("text/plain").send("ok");
    } catch (error) {
      console.error("healthz: database did not answer", error);
      res.status(503).type("text/plain").send("database unavailable");
    }
  });

  app.use(securityHeaders(options.mode));
  app.use((req, res, next) => {
    if (isCrossSiteWrite(req.method, req.headers)) {
      res.status(403).type("text/plain; charset=utf-8").send("跨站请求被拒绝。Cross-site requests are refused.");
      return;
    }
    next();
  });
  app.use((req, res, next) => {
    if (hasEncodedNul(req.originalUrl)) {
      res.status(400).type("text/plain; charset=utf-8").send("请求地址无效。Bad request: the address is not valid.");
      return;
    }
    next();
  });
  app.use(["/sign-in", "/sign-up", "/forgot-password", "/reset-password"], writeLimiter);

  if (options.before) app.use(options.before);
  if (options.mode === "production") {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    // Only a path ending in a file name (favicon.ico) can be a file in build/client; pages and Remix's .data
    // requests go straight on, without a stat() of a file that is not there on every page view.
    const publicFiles = express.static("build/client", { maxAge: "1h" });
    app.use((req, res, next) => (looksLikePublicFile(req.path) ? publicFiles(req, res, next) : next()));
  }

  const handleWithRemix = createRequestHandler({
    build: options.build,
    mode: options.mode,
    // req.ip honours TRUST_PROXY, so X-Forwarded-For is believed only behind a proxy we were told about.
    getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce ?? ""), clientAddress: req.ip }),
  });
  app.all("*", (req, res, next) => runInRequestScope(req.method, () => handleWithRemix(req, res, next)));
  return app;
}
