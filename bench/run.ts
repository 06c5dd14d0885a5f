// `npm run bench`: the manager's proposal list under load. Seeds a fresh SQLite database with one program of 5,000
// proposals of realistic size from ~300 organisations (through the test factories), starts the production server
// on it in a child process, signs a manager in, and load-tests four pages with autocannon side by side: the
// signed-out sign-in page (the static baseline: the same server, layout and root loader, no data of its own), the
// list's first page, a filtered page and one proposal page. Prints requests/s, p50, p99 and the ratio to the
// baseline, and writes the figures to bench/results/. Target (issue 3): the list at ≥ 0.5× the baseline's
// requests/s with p99 < 150 ms at 10 connections.
//
// The pages are loaded in interleaved rounds (each page for --duration seconds, then the next, --rounds times) and
// each figure is the median over the rounds; the ratio is the median of the ratios within a round. A shared machine's
// speed drifts by ±15% within a minute, and a page measured only before or after a slow spell would carry it alone.
//
// Options: --proposals=N (5000), --organizations=N (300), --rounds=N (5), --duration=S (4), --connections=N (10),
// --no-build (use build/ even if stale; for when other sessions are using it), --keep (keep the temp database).
import { execFile, execSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import type autocannon from "autocannon";
import { CompiledQuery } from "kysely";
import { buildIsStale } from "../scripts/build-freshness";

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key ?? "", value ?? "true"] as const;
  }),
);
const numberArg = (name: string, fallback: number) => Number(args.get(name) ?? fallback);
const settings = {
  proposals: numberArg("proposals", 5_000),
  organizations: numberArg("organizations", 300),
  rounds: numberArg("rounds", 5),
  duration: numberArg("duration", 4),
  connections: numberArg("connections", 10),
};
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 150;

// The app reads its environment once, on first use: set it before any app module is loaded.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "weigongyi-bench-"));
const databaseUrl = `file:${path.join(workDir, "bench.sqlite")}`;
Object.assign(process.env, {
  NODE_ENV: "production",
  PUBLIC_URL: "http://localhost",
  DATABASE_URL: databaseUrl,
  SESSION_SECRET: randomBytes(32).toString("hex"),
  UPLOAD_DIR: path.join(workDir, "uploads"),
});

function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function seed() {
  const { db } = await import("../app/lib/db.server");
  const { migrateToLatest } = await import("../db/migrations");
  const factories = await import("../tests/factories");
  await migrateToLatest(db());
  const started = performance.now();
  const seeded = await db()
    .transaction()
    .execute(async (trx) => {
      const { user: manager, funderId } = await factories.createManager(trx, { name: "王晓梅" });
      const program = await factories.createProgram(trx, { funderId, title: "2026年南七街道第三届社区微公益创投大赛" });
      const applicants = [];
      for (let index = 0; index < settings.organizations; index += 1) {
        const community = factories.benchCommunities[index % factories.benchCommunities.length] ?? "南七街道幸福社区";
        const organization = await factories.createOrganization(trx, {
          name: `${community.replace(/^.*?(街道|镇)/, "")}第${index + 1}志愿服务队`,
          community: community.replace(/^.*?(街道|镇)/, ""),
        });
        const owner = await factories.createApplicant(trx, { organizationId: organization.id });
        applicants.push({ organizationId: organization.id, userId: owner.user.id });
      }
      const ids = await factories.createManyProposals(trx, {
        programId: program.id,
        applicants,
        count: settings.proposals,
      });
      const focusArea = await trx
        .selectFrom("programCategory")
        .select("id")
        .where("programId", "=", program.id)
        .orderBy("position")
        .executeTakeFirstOrThrow();
      const sample = await trx
        .selectFrom("proposal")
        .select("id")
        .where("programId", "=", program.id)
        .where("status", "=", "submitted")
        .orderBy("id")
        .limit(1)
        .offset(Math.floor(ids.length / 3))
        .executeTakeFirstOrThrow();
      return { managerId: manager.id, programId: program.id, focusAreaId: focusArea.id, proposalId: sample.id };
    });
  console.info(
    `Seeded ${settings.proposals} proposals from ${settings.organizations} organisations in ${elapsed(started)} (${databaseUrl}).`,
  );
  return seeded;
}

/** The list's queries at this size, as SQLite plans them: each should search proposal through an index. */
async function printQueryPlans(programId: number, focusAreaId: number) {
  const { db } = await import("../app/lib/db.server");
  const { parseListFilters, PROPOSAL_LIST_PAGE_SIZE } = await import("../app/features/proposals/screening");
  const { compileProposalPage, filteredStatusCountsQuery, statusCommunityCountsQuery } =
    await import("../app/features/proposals/screening.server");
  const page = { limit: PROPOSAL_LIST_PAGE_SIZE, offset: 0 };
  const first = parseListFilters(new URLSearchParams());
  const filtered = parseListFilters(
    new URLSearchParams({ status: "submitted", focusArea: String(focusAreaId), q: "探访" }),
  );
  const queries: [string, CompiledQuery][] = [
    ["first page", compileProposalPage(programId, first, page)],
    ["filtered page", compileProposalPage(programId, filtered, page)],
    ["filtered counts by status", filteredStatusCountsQuery(programId, filtered).compile()],
    ["counts by status and community", statusCommunityCountsQuery(programId).compile()],
  ];
  console.info("\nEXPLAIN QUERY PLAN at this size:");
  for (const [name, compiled] of queries) {
    const plan = await db().executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
    );
    console.info(`  ${name}:\n${plan.rows.map((row) => `    ${row.detail}`).join("\n")}`);
  }
}

async function sessionCookie(userId: number): Promise<string> {
  const { createUserSession } = await import("../app/lib/session.server");
  const setCookie = await createUserSession(userId, new Request("http://localhost/bench"));
  return setCookie.split(";")[0] ?? "";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The production server (server/index.ts) in its own process, so the load generator does not share its thread. */
async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error("the server did not answer /healthz within 30 s");
}

interface Target {
  name: string;
  path: string;
  cookie?: string;
}

/**
 * Loads one page with autocannon in a process of its own: this one holds the seeding's large heap, and its garbage
 * collections would stall the load generator and add their pauses to the measured latencies.
 */
async function load(port: number, target: Target, duration: number): Promise<autocannon.Result> {
  const cli = path.join(path.dirname(require.resolve("autocannon/package.json")), "autocannon.js");
  const headers = ["accept-language:zh-CN", ...(target.cookie ? [`cookie:${target.cookie}`] : [])];
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      cli,
      "--json",
      "--connections",
      String(settings.connections),
      "--duration",
      String(duration),
      ...headers.flatMap((header) => ["--headers", header]),
      `http://127.0.0.1:${port}${target.path}`,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as autocannon.Result;
}

async function main() {
  const { managerId, programId, focusAreaId, proposalId } = await seed();
  await printQueryPlans(programId, focusAreaId);
  const cookie = await sessionCookie(managerId);
  const { db } = await import("../app/lib/db.server");
  await db().destroy();

  if (buildIsStale()) {
    if (args.has("no-build")) console.warn("\nbuild/ is older than the sources; measuring it anyway (--no-build).");
    else {
      console.info("\nbuild/ is older than the sources: building…");
      execSync("npx remix vite:build", { stdio: "inherit" });
    }
  }

  const port = await freePort();
  const server = await startServer(port);
  const list = `/manage/programs/${programId}/proposals`;
  const filter = new URLSearchParams({ status: "submitted", focusArea: String(focusAreaId), q: "探访" });
  const targets: Target[] = [
    { name: "static: /sign-in (signed out)", path: "/sign-in" },
    { name: "list, first page", path: list, cookie },
    { name: "list, filtered (status + focus area + text)", path: `${list}?${filter}`, cookie },
    { name: "proposal page", path: `/manage/proposals/${proposalId}`, cookie },
  ];
  try {
    for (const target of targets) {
      const check = await fetch(`http://127.0.0.1:${port}${target.path}`, {
        headers: target.cookie ? { cookie: target.cookie } : {},
        redirect: "manual",
      });
      if (check.status !== 200) throw new Error(`${target.path} answered ${check.status}, not 200`);
    }
    console.info(
      `\nWarming up, then ${settings.rounds} rounds of ${settings.duration} s per page at ${settings.connections} connections…`,
    );
    for (const target of targets) await load(port, target, 2);
    const rounds: Awaited<ReturnType<typeof load>>[][] = [];
    for (let round = 0; round < settings.rounds; round += 1) {
      const measured = [];
      for (const target of targets) {
        const result = await load(port, target, settings.duration);
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(`${target.path}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
        }
        measured.push(result);
      }
      rounds.push(measured);
    }
    const results = targets.map((target, index) => {
      const ofTarget = rounds.map((measured) => measured[index]!);
      return {
        ...target,
        requestsPerSecond: median(ofTarget.map((result) => result.requests.average)),
        p50: median(ofTarget.map((result) => result.latency.p50)),
        p99: median(ofTarget.map((result) => result.latency.p99)),
        ratios: rounds.map((measured) => measured[index]!.requests.average / measured[0]!.requests.average),
      };
    });
    const rows = results.map((result) => ({
      page: result.name,
      "req/s": Math.round(result.requestsPerSecond),
      "p50 ms": result.p50,
      "p99 ms": result.p99,
      "× static": Number(median(result.ratios).toFixed(2)),
      // The spread over the rounds: how far one round on this machine may stray from the median.
      "× static, rounds": `${Math.min(...result.ratios).toFixed(2)}–${Math.max(...result.ratios).toFixed(2)}`,
    }));
    console.info("");
    console.table(rows);
    const verdicts = results.slice(1, 3).map((result) => ({
      page: result.name,
      met: median(result.ratios) >= TARGET_RATIO && result.p99 < TARGET_P99_MS,
    }));
    const passed = verdicts.every((verdict) => verdict.met);
    console.info(`Target for the list pages (≥ ${TARGET_RATIO}× static req/s, p99 < ${TARGET_P99_MS} ms):`);
    for (const verdict of verdicts) console.info(`  ${verdict.page}: ${verdict.met ? "met" : "NOT met"}`);
    fs.mkdirSync("bench/results", { recursive: true });
    const file = path.join("bench/results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(
      file,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          settings,
          machine: { cpus: os.cpus().length, node: process.version },
          results: rows,
          requestsPerSecondByRound: rounds.map((measured) =>
            measured.map((result) => Math.round(result.requests.average)),
          ),
          verdicts,
          passed,
        },
        null,
        2,
      )}\n`,
    );
    console.info(`Written to ${file}.`);
  } finally {
    server.kill();
    if (!args.has("keep")) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
