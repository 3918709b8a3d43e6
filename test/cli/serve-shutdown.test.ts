// `baton serve` in a child process: after SIGTERM it exits 0 and leaves no PDF worker process behind.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { buildDeps } from "../../src/deps.ts";
import { SILENT_LOGGER } from "../../src/logger.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const PDF = join(ROOT, "fixtures/deals/kestrel-ridge-freight/order-form.pdf");

let dir: string | undefined;
let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill("SIGKILL");
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The child processes of `pid`, whichever of its threads started them. */
function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((thread) =>
    readFileSync(`/proc/${pid}/task/${thread}/children`, "latin1").split(" ").filter(Boolean).map(Number),
  );
}

/** Running, as opposed to gone or a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "latin1"));
  } catch {
    return false;
  }
}

function start(dbPath: string): Promise<string> {
  const child = spawn(process.execPath, ["src/baton.js", "serve", "--port", "0"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", BATON_DB: dbPath, BATON_EXTRACTOR: "offline" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  server = child;
  return new Promise((resolveStart, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port) resolveStart(`http://127.0.0.1:${port}`);
    });
    child.once("exit", (code) => reject(new Error(`baton serve exited (${code})`)));
  });
}

describe.runIf(existsSync("/proc/self/task"))("baton serve shutdown", () => {
  it("ends its PDF worker processes on SIGTERM and exits 0", async () => {
    dir = mkdtempSync(join(tmpdir(), "baton-shutdown-"));
    const dbPath = join(dir, "baton.sqlite");
    const deps = buildDeps(loadConfig({ BATON_DB: dbPath, BATON_EXTRACTOR: "offline" }), { logger: SILENT_LOGGER });
    const token = generateToken();
    const ae = deps.users.add(
      { name: "Dana Whitlock", email: "dana@corvala.example", role: "ae", tokenHash: hashToken(token) },
      new Date(),
    );
    const deal = deps.deals.add(
      { account: "Kestrel Ridge Freight", closeDate: "2026-02-06", amount: null, currency: null, aeId: ae.id, csmId: null },
      new Date(),
    );
    deps.db.close();

    const base = await start(dbPath);
    const form = new FormData();
    form.append("file", new Blob([readFileSync(PDF)]), "order-form.pdf");
    const uploaded = await fetch(`${base}/v1/deals/${deal.id}/sources`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(uploaded.status, await uploaded.text()).toBe(201);
    // The PDF worker that read the file stays, idle, for the next one.
    const workers = childrenOf(server!.pid!);
    expect(workers.filter(isRunning)).toHaveLength(1);

    const exited = once(server!, "exit");
    server!.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(workers.filter(isRunning)).toEqual([]);
  });
});
