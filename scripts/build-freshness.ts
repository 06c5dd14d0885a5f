// Whether build/ is older than the sources it was built from: `npm start` and `npm run bench` rebuild only then.
import fs from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsStale(): boolean {
  const built = "build/server/index.js";
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(
    newestMtime("app"),
    newestMtime("db"),
    newestMtime("public"),
    fs.statSync("package-lock.json").mtimeMs,
  );
  return sources > fs.statSync(built).mtimeMs;
}
