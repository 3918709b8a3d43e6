// GET /v1/deals/{id}/brief latency under 50 concurrent connections, against the real HTTP server
// (@hono/node-server on 127.0.0.1, a temp SQLite file) running in its own process, so the load
// generator does not share its event loop. Run by run-benchmarks.ts; prints one JSON line.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { type AppDeps, buildDeps } from "../../src/deps.ts";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { approveHandoff } from "../../src/handoff/approve-handoff.ts";
import { createApp } from "../../src/http/create-app.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { createLogger } from "../../src/logger.ts";
import type { User } from "../../src/domain/user.ts";

const SAMPLE_DEAL_DIR = resolve(import.meta.dirname, "../../fixtures/deals/kestrel-ridge-freight");
const CONCURRENCY = 50;
const REQUESTS = Number(process.argv[3] ?? 5000);
const WARM_UP = 500;
// Each row's requests are sent in this many blocks, the rows taking turns (see runLoad).
const BLOCKS = 8;
const REQUEST_TIMEOUT_MS = 10_000;

type ServerReady = { port: number; csmToken: string; aeToken: string; approvedDealId: string; draftDealId: string; items: number };

function addUser(deps: AppDeps, role: User["role"], name: string) {
  const token = generateToken();
  const user = deps.users.add({ name, email: `${role}@bench.test`, role, tokenHash: hashToken(token) }, deps.now());
  return { user, token };
}

/** Two copies of the sample deal drafted offline: one approved (the usual brief), one still a draft. */
async function seed(deps: AppDeps) {
  const ae = addUser(deps, "ae", "Dana Whitlock");
  const csm = addUser(deps, "csm", "Gloria Mendez");
  const files = ["discovery-call-2026-01-13.vtt", "email-thread.eml", "order-form.pdf", "pricing-call-2026-01-29.vtt"];
  const uploads = files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SAMPLE_DEAL_DIR, name))) }));
  const parsed = await Promise.all(uploads.map((u) => parseSource(u.bytes, u.name, deps.config.limits)));
  const draft = await createDraft(parsed, { extractor: createOfflineExtractor(), now: deps.now });
  const dealIds = [];
  for (const account of ["Kestrel Ridge Freight", "Kestrel Ridge Freight (unapproved)"]) {
    const deal = deps.deals.add(
      { account, closeDate: "2026-02-06", amount: 77040, currency: "USD", aeId: ae.user.id, csmId: csm.user.id },
      deps.now(),
    );
    for (const [index, source] of parsed.entries()) deps.sources.add(deal.id, source, uploads[index]!.bytes, ae.user.id, deps.now());
    deps.items.addIfNew(
      deal.id,
      [
        ...draft.items.map((item) => ({ item, needsChecking: false })),
        ...draft.needsChecking.map((item) => ({ item, needsChecking: true })),
      ],
      null,
      deps.now(),
    );
    dealIds.push(deal);
  }
  approveHandoff(deps, dealIds[0]!, ae.user.id);
  return { ae, csm, approvedDealId: dealIds[0]!.id, draftDealId: dealIds[1]!.id, items: draft.items.length + draft.needsChecking.length };
}

async function runServer(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-"));
  const config = loadConfig({ BATON_DB: join(dir, "baton.sqlite"), BATON_EXTRACTOR: "offline" });
  // Access-log lines are built as in production, then dropped: the terminal is not what is measured.
  const deps = buildDeps(config, { logger: createLogger(() => {}) });
  const seeded = await seed(deps);
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((ready) => server.once("listening", () => ready()));
  const ready: ServerReady = {
    port: (server.address() as AddressInfo).port,
    csmToken: seeded.csm.token,
    aeToken: seeded.ae.token,
    approvedDealId: seeded.approvedDealId,
    draftDealId: seeded.draftDealId,
    items: seeded.items,
  };
  const stop = () => {
    server.close();
    (server as Server).closeAllConnections();
    deps.db.close();
    rmSync(dir, { recursive: true, force: true });
    process.send?.({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, () => process.exit(0));
  };
  process.on("message", (message) => message === "stop" && stop());
  process.on("disconnect", () => process.exit(0));
  process.send!(ready);
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * `total` requests over `concurrency` keep-alive connections of `agent` (a row keeps its connections from block to
 * block); each latency is request start to last body byte.
 */
async function load(url: string, headers: Record<string, string>, total: number, concurrency: number, agent: Agent) {
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  let bytes = 0;
  const get = () =>
    new Promise<{ status: number; length: number }>((resolveGet, rejectGet) => {
      const req = httpRequest(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        let length = 0;
        res.on("data", (chunk: Buffer) => {
          length += chunk.length;
        });
        res.on("end", () => resolveGet({ status: res.statusCode ?? 0, length }));
        res.on("error", rejectGet);
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", rejectGet);
      req.end();
    });
  const worker = async () => {
    for (let index = next++; index < total; index = next++) {
      const started = performance.now();
      try {
        const res = await get();
        bytes = res.length;
        if (res.status !== 200) errors += 1;
      } catch {
        errors += 1;
      }
      latencies[index] = performance.now() - started;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { latencies, errors, bytes, seconds };
}

type Block = Awaited<ReturnType<typeof load>>;

/** One row's figures over its blocks: the latencies of all of them together. */
function summarize(blocks: Block[], concurrency: number) {
  const total = blocks.reduce((sum, b) => sum + b.latencies.length, 0);
  const latencies = new Float64Array(total);
  let at = 0;
  for (const b of blocks) {
    latencies.set(b.latencies, at);
    at += b.latencies.length;
  }
  latencies.sort();
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    requests: total,
    concurrency,
    errors: blocks.reduce((sum, b) => sum + b.errors, 0),
    bytes: blocks[blocks.length - 1]?.bytes ?? 0,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[total - 1]!),
    requestsPerSecond: Math.round(total / blocks.reduce((sum, b) => sum + b.seconds, 0)),
  };
}

async function runLoad(): Promise<void> {
  const child: ChildProcess = fork(import.meta.filename, ["server"], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const ready = await new Promise<ServerReady>((resolveReady, reject) => {
    child.once("message", (message) => resolveReady(message as ServerReady));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${ready.port}/v1/deals`;
  const cases = [
    {
      bench: "brief approved (CSM, JSON)",
      url: `${base}/${ready.approvedDealId}/brief`,
      token: ready.csmToken,
      accept: "application/json",
    },
    {
      bench: "brief approved (CSM, Markdown)",
      url: `${base}/${ready.approvedDealId}/brief`,
      token: ready.csmToken,
      accept: "text/markdown",
    },
    { bench: "brief from draft (AE, JSON)", url: `${base}/${ready.draftDealId}/brief`, token: ready.aeToken, accept: "application/json" },
    // The floor the briefs are compared with, in the same run: routing, the access log and one SQLite query.
    { bench: "healthz", url: `http://127.0.0.1:${ready.port}/healthz`, token: "", accept: "application/json" },
  ];
  // Every row asks for gzip, as browsers, `curl --compressed` and fetch do; the body is read as sent.
  const headersOf = (token: string, accept: string): Record<string, string> => {
    const common = { accept, "accept-encoding": "gzip, deflate, br" };
    return token === "" ? common : { authorization: `Bearer ${token}`, ...common };
  };
  // node:http with a keep-alive agent per row: fetch's per-request overhead would be measured as server latency,
  // since the load generator shares this machine's two cores with the server.
  const agents = cases.map(() => new Agent({ keepAlive: true, maxSockets: CONCURRENCY }));
  // Every row is warmed before any is measured, so the first row measured does not pay for the server's warm-up.
  for (const [index, { url, token, accept }] of cases.entries())
    await load(url, headersOf(token, accept), WARM_UP, CONCURRENCY, agents[index]!);
  // The rows take turns in blocks, so a slow moment of the machine (another process, a collection) falls on every
  // row alike instead of on whichever row was running: the ratios compare like with like.
  const blocks = cases.map(() => [] as Block[]);
  const perBlock = Math.ceil(REQUESTS / BLOCKS);
  for (let block = 0; block < BLOCKS; block++) {
    for (const [index, { url, token, accept }] of cases.entries()) {
      const count = Math.min(perBlock, REQUESTS - block * perBlock);
      if (count > 0) blocks[index]!.push(await load(url, headersOf(token, accept), count, CONCURRENCY, agents[index]!));
    }
  }
  for (const agent of agents) agent.destroy();
  const results = cases.map(({ bench }, index) => ({ bench, items: ready.items, ...summarize(blocks[index]!, CONCURRENCY) }));
  const stopped = new Promise<{ peakRssMb: number }>((resolveStop) =>
    child.once("message", (m) => resolveStop(m as { peakRssMb: number })),
  );
  child.send("stop");
  const { peakRssMb } = await stopped;
  process.stdout.write(`${JSON.stringify({ results, peakRssMb })}\n`);
}

if (process.argv[2] === "server") await runServer();
else await runLoad();
