// Browser tests: build if needed, start the production server on a fresh SQLite database with demo data, run
// Playwright in Debian's Chromium against it, then stop the server.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = 4100 + Math.floor(Math.random() * 800);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
const env = {
  ...process.env,
  PORT: String(port),
  DATABASE_URL: `file:${path.join(workDir, "e2e.sqlite")}`,
  UPLOAD_DIR: path.join(workDir, "uploads"),
  SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
  COOKIE_SECURE: "false",
  RATE_LIMIT: "off",
};

// Its own process group, so stopping it also stops the node process that npx and tsx start underneath.
const server = spawn("npx", ["tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
let log = "";
server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const response = await fetch(`http://localhost:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not become healthy:\n${log}`);
}

let status = 1;
try {
  await waitForHealth();
  const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    env: { ...env, E2E_BASE_URL: `http://localhost:${port}`, E2E_DATABASE_URL: env.DATABASE_URL },
    stdio: "inherit",
  });
  status = result.status ?? 1;
} catch (error) {
  console.error(error);
} finally {
  if (server.pid !== undefined) process.kill(-server.pid, "SIGTERM");
  fs.rmSync(workDir, { recursive: true, force: true });
}
if (status !== 0) console.error(`server log:\n${log.slice(-4000)}`);
process.exit(status);
