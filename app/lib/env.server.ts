// Validates the environment once at boot, so a misconfiguration fails loudly instead of at the first request.
import { z } from "zod";

/** An http(s) address with nothing after the host: the portal is served at the root of its site. */
function isSiteRoot(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, pathname, search, hash } = new URL(value);
  return (protocol === "http:" || protocol === "https:") && pathname === "/" && search === "" && hash === "";
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/portal.sqlite"),
  SESSION_SECRET: z.string().min(16).default("dev-only-session-secret-change-me"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("微公益创投平台 <no-reply@weigongyi.local>"),
  UPLOAD_DIR: z.string().default("./data/uploads"),
  PORT: z.coerce.number().int().positive().default(3000),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  /** The address users reach the portal at ("https://gongyi.example.cn"): the links in emails start with it. */
  PUBLIC_URL: z
    .string()
    .refine(isSiteRoot, "must be the portal's address, http(s)://host[:port], without a path")
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** The settings in `source`, or an error that names every one that is wrong. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.SESSION_SECRET.startsWith("dev-only")) {
    throw new Error("SESSION_SECRET must be set in production (npm start generates one in data/).");
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.PUBLIC_URL) {
    throw new Error(
      "PUBLIC_URL must be set in production: the address links in emails point to (npm start uses http://localhost:PORT).",
    );
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function cookiesAreSecure(): boolean {
  const { COOKIE_SECURE, NODE_ENV } = env();
  return COOKIE_SECURE ? COOKIE_SECURE === "true" : NODE_ENV === "production";
}

/**
 * Where the links in emails (invitations, password resets, screening decisions) point. The configured PUBLIC_URL,
 * never the request's Host header: anyone can send a forgot-password request with Host: attacker.example, and the
 * victim's reset link would lead there with its token. The request's own origin serves only where PUBLIC_URL is
 * optional, in development and tests.
 */
export function emailLinkOrigin(request: Request, publicUrl: string | undefined = env().PUBLIC_URL): string {
  return new URL(publicUrl ?? request.url).origin;
}

/** The origin for links written where no request is at hand (the demo seed): PUBLIC_URL's, or this machine's. */
export function publicOrigin(): string {
  const { PUBLIC_URL, PORT } = env();
  return new URL(PUBLIC_URL ?? `http://localhost:${PORT}`).origin;
}
