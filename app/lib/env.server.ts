// Validates the environment once at boot, so a misconfiguration fails loudly instead of at the first request.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/portal.sqlite"),
  SESSION_SECRET: z.string().min(16).default("dev-only-session-secret-change-me"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("微公益创投平台 <no-reply@weigongyi.local>"),
  UPLOAD_DIR: z.string().default("./data/uploads"),
  PORT: z.coerce.number().int().positive().default(3000),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    if (parsed.data.NODE_ENV === "production" && parsed.data.SESSION_SECRET.startsWith("dev-only")) {
      throw new Error("SESSION_SECRET must be set in production (npm start generates one in data/).");
    }
    cached = parsed.data;
  }
  return cached;
}

export function cookiesAreSecure(): boolean {
  const { COOKIE_SECURE, NODE_ENV } = env();
  return COOKIE_SECURE ? COOKIE_SECURE === "true" : NODE_ENV === "production";
}
