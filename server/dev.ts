// Development server: Vite in middleware mode, so changes reload without a build.
import type { ServerBuild } from "@remix-run/node";
import { createServer } from "vite";
import { migrateToLatest } from "../db/migrations";
import { db } from "../app/lib/db.server";
import { env } from "../app/lib/env.server";
import { createApp } from "./app";

await migrateToLatest(db());
const vite = await createServer({ server: { middlewareMode: true } });
const app = createApp({
  mode: "development",
  before: vite.middlewares,
  build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
});
app.listen(env().PORT, () => console.info(`Dev server on http://localhost:${env().PORT}`));
