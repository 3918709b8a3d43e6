import { loadConfig } from "../config.ts";
import { buildDeps } from "../deps.ts";
import { startServer } from "../http/start-server.ts";
import { closeParseThreads } from "../ingest/parse-pool.ts";
import { closePdfWorkers } from "../ingest/pdf/run-pdf-worker.ts";
import type { CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";

const SHUTDOWN_GRACE_MS = 10_000;
/** Running extractions get this long to finish on shutdown; the rest go back to the queue for the next start. */
const JOB_GRACE_MS = 5_000;

/** `baton serve [--port N]`: the HTTP service on HOST (default 127.0.0.1) until SIGINT/SIGTERM, then a graceful shutdown. */
export async function runServeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs(args, { port: { type: "string" } });
  const config = loadConfig();
  const port = values.port === undefined ? config.port : Number(values.port);
  const deps = buildDeps(config);
  const interrupted = deps.runs.failInterrupted(deps.now());
  if (interrupted > 0) deps.logger.warn("marked interrupted extraction runs as failed", { count: interrupted });
  const { server, port: listening } = await startServer(deps, { host: config.host, port });
  // Queued jobs, and those a stopped process was running, continue here.
  deps.jobs.start();
  const shown = config.host.includes(":") ? `[${config.host}]` : config.host;
  io.stdout(`baton listening on http://${shown}:${listening} (extractor: ${config.extractor})\n`);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      deps.logger.info("shutting down", { signal });
      const force = setTimeout(() => resolve(), SHUTDOWN_GRACE_MS);
      force.unref();
      // Stop accepting connections, let in-flight requests finish, hand unfinished jobs back, end the parse threads and
      // their PDF worker processes, then close the database.
      server.close(() => {
        void Promise.all([deps.jobs.stop({ graceMs: JOB_GRACE_MS }), closeParseThreads(), closePdfWorkers()]).finally(() => {
          // Reads recorded in this last turn; every answered request's are written already.
          try {
            deps.audit.flush();
          } finally {
            deps.db.close();
          }
          clearTimeout(force);
          resolve();
        });
      });
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  return 0;
}
