// `baton serve` as a child process on a temp database for the benchmarks that measure a real server: it listens on a
// free port of 127.0.0.1 and resolves once it says so.
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export type BenchServer = { child: ChildProcess; base: string };

export function startBenchServer(options: {
  dbPath: string;
  /** Settings beyond the database and the offline extractor. */
  env?: Record<string, string>;
  /** Node options before the entry (e.g. `--import` of a monitor). */
  execArgv?: string[];
  /** An IPC channel to the server (for a monitor that reports back). */
  ipc?: boolean;
}): Promise<BenchServer> {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), "src/baton.js", "serve", "--port", "0"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", BATON_DB: options.dbPath, BATON_EXTRACTOR: "offline", ...options.env },
    stdio: options.ipc ? ["ignore", "pipe", "ignore", "ipc"] : ["ignore", "pipe", "ignore"],
  });
  return new Promise((resolveStart, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port) resolveStart({ child, base: `http://127.0.0.1:${port}` });
    });
    child.once("exit", (code) => reject(new Error(`baton serve exited (${code})`)));
  });
}
