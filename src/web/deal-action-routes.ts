import type { Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { fileBytes, readMultipartForm } from "../workers/read-multipart-form.ts";
import { readRun, startExtraction } from "../services/extraction-service.ts";
import { MAX_FILES_PER_UPLOAD, type Upload, type UploadResult, uploadSourcesEach } from "../services/source-service.ts";
import type { ExtractionRun } from "../storage/run-repository.ts";
import { pageActor } from "./review-view.ts";
import type { WebEnv } from "./web-env.ts";
import { formGuards, runFormAction, wantsJson } from "./web-forms.ts";

// Room for multipart framing around the files.
const MULTIPART_OVERHEAD = 1024 * 1024;
// The progress stream polls the run's row; it ends when the run ends, or after this long (the page then offers a reload).
const POLL_MS = 300;
const MAX_STREAM_MS = 10 * 60 * 1000;

/** A run as the progress stream and the page script see it: status and counts, never content. */
export function describeRun(run: ExtractionRun, now: Date) {
  const started = Date.parse(run.startedAt ?? run.createdAt);
  const end = run.finishedAt === null ? now.getTime() : Date.parse(run.finishedAt);
  return {
    id: run.id,
    status: run.status,
    sources: run.sourceIds.length,
    itemsAdded: run.itemsAdded,
    elapsedMs: Math.max(0, end - started),
    error: run.error?.message ?? null,
  };
}

export type PageUploadHandler = (c: Context<WebEnv>, results: UploadResult[]) => Response;

/**
 * The deal page's actions: upload files (file by file, a result for each), start an extraction, and follow it as
 * server-sent events until it ends.
 */
export function registerDealActions(routes: Hono<WebEnv>, deps: AppDeps, showResults: PageUploadHandler): void {
  const uploadGuards = formGuards(deps.config.trustProxy, deps.config.limits.maxFileBytes * MAX_FILES_PER_UPLOAD + MULTIPART_OVERHEAD);

  routes.post("/:dealId/sources", ...uploadGuards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    return runFormAction(
      c,
      async () => {
        const body = await readMultipartForm(c.req);
        const files = Object.values(body)
          .flat()
          .filter((value): value is File => value instanceof File && value.name !== "");
        const uploads: Upload[] = await Promise.all(files.map(async (file) => ({ filename: file.name, bytes: await fileBytes(file) })));
        const results = await uploadSourcesEach(deps, pageActor(c), dealId, uploads);
        if (wantsJson(c)) return c.json({ results: results.map(presentResult) });
        return showResults(c, results);
      },
      (message) => showResults(c, [{ filename: "", outcome: "refused", error: { code: "INVALID_INPUT", message } }]),
    );
  });

  routes.post("/:dealId/extractions", ...formGuards(deps.config.trustProxy), async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    return runFormAction(
      c,
      async () => {
        const { run } = await startExtraction(deps, pageActor(c), dealId);
        const eventsUrl = `/deals/${encodeURIComponent(dealId)}/extractions/${encodeURIComponent(run.id)}/events`;
        if (wantsJson(c)) return c.json({ run: describeRun(run, deps.now()), eventsUrl }, 202);
        return c.redirect(`/deals/${encodeURIComponent(dealId)}?run=${encodeURIComponent(run.id)}#extraction`, 303);
      },
      (message) => {
        throw new AppError({ code: "CONFLICT", message });
      },
    );
  });

  routes.get("/:dealId/extractions/:runId/events", (c) => {
    const actor = pageActor(c);
    const dealId = c.req.param("dealId") ?? "";
    const runId = c.req.param("runId") ?? "";
    // Checked before the stream opens, so a reader without access gets the 404 page, not an empty stream.
    readRun(deps, actor, dealId, runId);
    return streamSSE(c, async (stream) => {
      const deadline = Date.now() + MAX_STREAM_MS;
      let last = "";
      while (!stream.aborted) {
        const run = deps.runs.get(runId);
        if (run === undefined) break;
        const state = describeRun(run, deps.now());
        const key = `${state.status}|${Math.floor(state.elapsedMs / 1000)}`;
        if (key !== last) {
          last = key;
          await stream.writeSSE({ event: "progress", data: JSON.stringify(state) });
        }
        if (run.status === "succeeded" || run.status === "failed") {
          await stream.writeSSE({ event: "done", data: JSON.stringify(state) });
          return;
        }
        if (Date.now() > deadline) {
          await stream.writeSSE({ event: "gave-up", data: JSON.stringify(state) });
          return;
        }
        await stream.sleep(POLL_MS);
      }
    });
  });
}

function presentResult(result: UploadResult) {
  return result.outcome === "refused"
    ? { filename: result.filename, outcome: result.outcome, reason: result.error.message }
    : { filename: result.filename, outcome: result.outcome, sourceId: result.source.id, format: result.source.format };
}
