// `npm run bench -- upload`: deals per minute through a real `baton serve` (a child process on a temp database):
// each deal is created (POST /v1/deals) and gets the sample deal's files in one multipart upload, DEALS deals with
// CONCURRENCY in flight, once with the four files (the PDF included) and once with the three others. Prints one
// JSON line.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { buildDeps } from "../../src/deps.ts";
import { SILENT_LOGGER } from "../../src/logger.ts";
import { startBenchServer } from "./start-bench-server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SAMPLE_DEAL = join(ROOT, "fixtures/deals/kestrel-ridge-freight");
const DEALS = Number(process.argv[2] ?? 200);
const CONCURRENCY = 4;
const WARM_UP_DEALS = 8;

type File = { name: string; bytes: Uint8Array };

/** One deal: created, then its files uploaded together; throws on any answer but 201. */
async function uploadDeal(base: string, token: string, files: File[], n: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const created = await fetch(`${base}/v1/deals`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ account: `Kestrel Ridge Freight ${n}`, closeDate: "2026-02-06", amount: 77040, currency: "USD" }),
  });
  if (created.status !== 201) throw new Error(`deal ${n}: POST /v1/deals answered ${created.status}`);
  const { id } = (await created.json()) as { id: string };
  const form = new FormData();
  for (const file of files) form.append("file", new Blob([file.bytes]), file.name);
  const uploaded = await fetch(`${base}/v1/deals/${id}/sources`, { method: "POST", headers, body: form });
  if (uploaded.status !== 201) throw new Error(`deal ${n}: upload answered ${uploaded.status} ${await uploaded.text()}`);
}

async function dealsPerMinute(base: string, token: string, files: File[], deals: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (let n = next++; n < deals; n = next++) await uploadDeal(base, token, files, n);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return deals / ((performance.now() - started) / 60_000);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "baton-upload-"));
  const dbPath = join(dir, "baton.sqlite");
  const deps = buildDeps(loadConfig({ BATON_DB: dbPath, BATON_EXTRACTOR: "offline" }), { logger: SILENT_LOGGER });
  const token = generateToken();
  deps.users.add({ name: "Dana Whitlock", email: "dana@corvala.example", role: "ae", tokenHash: hashToken(token) }, new Date());
  deps.db.close();
  const all = readdirSync(SAMPLE_DEAL).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SAMPLE_DEAL, name))) }));
  const withoutPdf = all.filter((file) => !file.name.endsWith(".pdf"));
  if (withoutPdf.length === all.length) throw new Error(`no PDF in ${SAMPLE_DEAL}`);

  const { child, base } = await startBenchServer({ dbPath });
  try {
    // Parse threads and PDF workers started, as on a server that has been up for a while.
    await dealsPerMinute(base, token, all, WARM_UP_DEALS);
    const results = [
      { bench: "with PDF", files: all.length, deals: DEALS, dealsPerMinute: Math.round(await dealsPerMinute(base, token, all, DEALS)) },
      {
        bench: "without PDF",
        files: withoutPdf.length,
        deals: DEALS,
        dealsPerMinute: Math.round(await dealsPerMinute(base, token, withoutPdf, DEALS)),
      },
    ];
    const peakRssKb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "latin1"))?.[1];
    console.log(JSON.stringify({ results, peakRssMb: peakRssKb === undefined ? 0 : Math.round(Number(peakRssKb) / 1024) }));
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolveExit) => child.once("exit", resolveExit));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
