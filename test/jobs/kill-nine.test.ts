// `baton serve` in a child process, killed with SIGKILL at random moments in the middle of a batch and restarted
// each time: at the end every deal has exactly one succeeded extraction, none is lost, and the LLM was called no
// more than once per deal plus the calls in flight at each kill. KILLS (env BATON_TEST_KILLS, default 3) kills.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { buildDeps } from "../../src/deps.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { SILENT_LOGGER } from "../../src/logger.ts";
import { openDatabase } from "../../src/storage/open-database.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const KILLS = Number(process.env.BATON_TEST_KILLS ?? "3");
// Enough deals that the batch is still running at the last kill. Each restart loads the whole service (seconds on
// a loaded machine), hence the generous timeout per kill.
const DEALS = 4 * KILLS + 4;

let dir: string | undefined;
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const callVtt = (n: number) => `WEBVTT

1
00:00:01.000 --> 00:00:05.000
<v Buyer ${n}>Account ${n} needs the pilot live before the March ${n} peak season.

2
00:00:05.000 --> 00:00:09.000
<v Seller>We will refund the onboarding fee for account ${n} if the pilot misses that date.
`;

/** Users, deals and one source each, written straight to the database the child will serve. */
async function seed(dbPath: string): Promise<{ token: string; dealIds: string[] }> {
  const deps = buildDeps(loadConfig({ BATON_DB: dbPath, BATON_EXTRACTOR: "offline" }), { logger: SILENT_LOGGER });
  const now = new Date();
  const token = generateToken();
  deps.users.add({ name: "Riley Ops", email: "riley@corvala.example", role: "revops", tokenHash: hashToken(token) }, now);
  const ae = deps.users.add(
    { name: "Dana Whitlock", email: "dana@corvala.example", role: "ae", tokenHash: hashToken(generateToken()) },
    now,
  );
  const dealIds: string[] = [];
  for (let n = 1; n <= DEALS; n++) {
    const deal = deps.deals.add(
      { account: `Account ${n}`, closeDate: "2026-02-06", amount: 1000, currency: "USD", aeId: ae.id, csmId: null },
      now,
    );
    const bytes = new TextEncoder().encode(callVtt(n));
    deps.sources.add(deal.id, await parseSource(bytes, "call.vtt", deps.config.limits), bytes, ae.id, now);
    dealIds.push(deal.id);
  }
  deps.db.close();
  return { token, dealIds };
}

/** Starts `baton serve` with msw preloaded; resolves with its port once it listens. */
function startChild(env: Record<string, string>): Promise<number> {
  const started = spawn(process.execPath, ["--import", "./test/support/child-llm-mock.ts", "src/baton.js", "serve", "--port", "0"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = started;
  let stderr = "";
  started.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolvePort, reject) => {
    let stdout = "";
    started.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = stdout.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
      if (port) resolvePort(Number(port));
    });
    started.once("exit", (code) => reject(new Error(`baton serve exited (${code}) before listening: ${stderr.slice(-2000)}`)));
  });
}

function killChild(): Promise<void> {
  const running = child!;
  child = undefined;
  return new Promise((resolveExit) => {
    running.once("exit", () => resolveExit());
    running.kill("SIGKILL");
  });
}

const pause = (ms: number) => new Promise((resolveAfter) => setTimeout(resolveAfter, ms));

function readCalls(path: string) {
  const lines = existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean) : [];
  return { started: lines.filter((line) => line.startsWith("start ")), ended: lines.filter((line) => line.startsWith("end ")).length };
}

describe("kill -9 in the middle of a batch", () => {
  it(`ends with one succeeded extraction per deal after ${KILLS} SIGKILLs and restarts`, { timeout: 60_000 + KILLS * 30_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), "baton-kill-"));
    const dbPath = join(dir, "baton.sqlite");
    const callsPath = join(dir, "llm-calls.log");
    const { token, dealIds } = await seed(dbPath);
    const env = {
      BATON_DB: dbPath,
      BATON_EXTRACTOR: "llm",
      OPENAI_BASE_URL: "http://llm.test/v1",
      OPENAI_API_KEY: "test-key",
      BATON_MODEL: "test-model",
      BATON_LLM_MAX_RETRIES: "0",
      BATON_JOB_CONCURRENCY: "2",
      // Kills on purpose are not the jobs' fault: enough attempts that no job is dead-lettered by them.
      BATON_JOB_MAX_ATTEMPTS: "50",
      BATON_TEST_LLM_CALLS: callsPath,
      BATON_TEST_LLM_DELAY_MS: "150",
    };

    let port = await startChild(env);
    const res = await fetch(`http://127.0.0.1:${port}/v1/batches/extractions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ dealIds }),
    });
    expect(res.status).toBe(202);

    const inFlightAtKills: number[] = [];
    let lostSoFar = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Kill once this process has finished at least one call, at a random moment after that.
      const endedBefore = readCalls(callsPath).ended;
      while (readCalls(callsPath).ended <= endedBefore) await pause(10);
      await pause(Math.floor(Math.random() * 250));
      await killChild();
      const db = openDatabase(dbPath);
      const answered = (db.prepare("SELECT COUNT(*) AS n FROM llm_cache").get() as { n: number }).n;
      const finished = (db.prepare("SELECT COUNT(*) AS n FROM extraction_runs WHERE status = 'succeeded'").get() as { n: number }).n;
      db.close();
      // Calls made whose answer never reached the cache (each deal makes one call): the calls this kill cut off are
      // those added since the previous kill, the only calls that may be paid for twice.
      const lost = readCalls(callsPath).started.length - answered;
      inFlightAtKills.push(lost - lostSoFar);
      lostSoFar = lost;
      if (finished === DEALS) break;
      port = await startChild(env);
    }
    if (child === undefined) port = await startChild(env);
    const db = openDatabase(dbPath);
    try {
      const succeeded = () => (db.prepare("SELECT COUNT(*) AS n FROM extraction_runs WHERE status = 'succeeded'").get() as { n: number }).n;
      while (succeeded() < DEALS) await pause(25);

      for (const dealId of dealIds) {
        const runs = db.prepare("SELECT id, status FROM extraction_runs WHERE deal_id = ?").all(dealId) as { id: string; status: string }[];
        expect(runs.map((run) => run.status)).toEqual(["succeeded"]);
        const items = db.prepare("SELECT run_id FROM items WHERE deal_id = ?").all(dealId) as { run_id: string }[];
        expect(items.map((item) => item.run_id)).toEqual([runs[0]!.id]);
      }
      const jobs = db.prepare("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status").all() as { status: string; n: number }[];
      expect(jobs.map((row) => ({ ...row }))).toEqual([{ status: "succeeded", n: DEALS }]);
      const { started } = readCalls(callsPath);
      const calledTwice = started.length - new Set(started).size;
      const inFlight = inFlightAtKills.reduce((sum, n) => sum + n, 0);
      expect(
        inFlightAtKills.every((n) => n >= 0 && n <= 2),
        `in flight at each kill (concurrency 2): ${inFlightAtKills}`,
      ).toBe(true);
      console.info(
        `kill -9 x${inFlightAtKills.length}: ${DEALS} deals, ${started.length} LLM calls, in flight at each kill ${inFlightAtKills.join(",")}, called twice ${calledTwice}`,
      );
      expect(started.length).toBeLessThanOrEqual(DEALS + inFlight);
      expect(calledTwice).toBeLessThanOrEqual(inFlight);
    } finally {
      db.close();
    }
  });
});
