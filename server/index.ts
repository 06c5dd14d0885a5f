// Serves the production build. `npm start` prepares the build and the database first (scripts/start.ts).
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { env } from "../app/lib/env.server";
import { createApp } from "./app";

export async function serve(): Promise<void> {
  const buildPath = path.resolve("build/server/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createApp({ mode: "production", build });
  const port = env().PORT;
  await new Promise<void>((resolve) => {
    app.listen(port, () => resolve());
  });
  console.info(`Portal listening on http://localhost:${port}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await serve();
}
