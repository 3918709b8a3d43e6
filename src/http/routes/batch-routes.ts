import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { parseManifest } from "../../batch/parse-manifest.ts";
import { MAX_BATCH_ROWS, MAX_FILES_PER_BATCH_ROW, isRejectedRow, type ManifestRow, type RejectedRow } from "../../domain/batch-row.ts";
import type { AppDeps } from "../../deps.ts";
import { fileBytes, readMultipartForm } from "../../workers/read-multipart-form.ts";
import { AppError } from "../../errors.ts";
import { importBatch, listBatches, readBatch } from "../../services/batch-service.ts";
import type { BatchFile, BatchRowInput } from "../../services/resolve-batch-row.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import type { AppEnv } from "../app-env.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { BatchProgressSchema, BatchResultResponseSchema, BatchSummarySchema } from "../schemas/batch-schemas.ts";
import { jsonContent } from "../schemas/json-content.ts";

/** Most file parts one POST /v1/batches may carry (the body's size limit applies as well). */
export const MAX_FILES_PER_BATCH_REQUEST = 1000;
const POLL_MS = 500;
const MAX_STREAM_MS = 30 * 60 * 1000;

const MULTIPART_BATCH = {
  type: "object",
  required: ["manifest"] as string[],
  properties: {
    manifest: {
      type: "string",
      description:
        "the manifest, as a text field or a file part: the CSV of `baton batch` (deal_key,account,close_date,ae_email,files; optional " +
        "amount,currency,csm_email) or a JSON array of rows with the same field names (files an array of names). " +
        `At most ${MAX_BATCH_ROWS} rows and ${MAX_FILES_PER_BATCH_ROW} files a row.`,
    },
    file: {
      type: "array",
      items: { type: "string", format: "binary" },
      maxItems: MAX_FILES_PER_BATCH_REQUEST,
      description:
        "every file the manifest names, each part's filename being the name the manifest gives it (calls/acme.vtt); any field name " +
        "but manifest counts",
    },
  },
} as const;

const BatchIdParameter = z.object({ batchId: z.string().max(64).describe("the batch's id (batch_…)") });

const importRoute = defineRoute({
  method: "post",
  path: "/v1/batches",
  tag: "Batches",
  summary: "Import deals for the AEs a manifest names, with their files, and extract them",
  description:
    "RevOps' import, the API form of `baton batch`. Each row's deal is found by its deal_key or created for the AE named by ae_email " +
    "(who owns it; csm_email assigns the CSM); its files not stored yet are stored, and an extraction is queued when the deal has a " +
    "source not extracted yet. The same manifest sent again creates no deal, stores no file and starts no extraction a second time " +
    "(status unchanged). A bad row (unknown AE, bad date, a file missing from the request or refused by the parser…) fails with its " +
    "reason and the rest go on. 202 with the batch to follow at GET /v1/batches/{batchId} and its events; with dryRun=true nothing " +
    "is stored and 200 answers what would happen, with the LLM calls, tokens and cost (BATON_PRICE_PROMPT_PER_MTOK, " +
    "BATON_PRICE_OUTPUT_PER_MTOK; cost null when unset). An unusable manifest (not CSV or JSON rows, a required column absent, over " +
    `${MAX_BATCH_ROWS} rows) is 400 or 413. The whole request is bounded by the upload limit (BATON_MAX_FILE_BYTES plus 1 MiB) ` +
    "and the request deadline: larger imports go in several requests (they are idempotent) or through `baton batch` on the server.",
  access: { capability: "runBatches" },
  request: {
    query: z.object({
      dryRun: z.enum(["true", "false"]).optional().describe("true: change nothing; answer what would happen and cost"),
    }),
    // Not "required" for the library, which would then check the form against a JSON schema; the handler reads it.
    body: { required: false, content: { "multipart/form-data": { schema: MULTIPART_BATCH } } },
  },
  responses: {
    202: {
      ...jsonContent(BatchResultResponseSchema, "the batch: each row queued, unchanged or failed with its reason"),
      headers: { Location: { description: "the batch's progress: GET /v1/batches/{batchId}", schema: { type: "string" as const } } },
    },
    200: jsonContent(BatchResultResponseSchema, "with dryRun=true: each row planned, unchanged or failed, and the estimate"),
  },
});

const listRoute = defineRoute({
  method: "get",
  path: "/v1/batches",
  tag: "Batches",
  summary: "List the latest batches with their progress",
  access: { capability: "runBatches" },
  responses: { 200: jsonContent(z.object({ batches: z.array(BatchSummarySchema) }), "the latest 50 batches, newest first") },
});

const readRoute = defineRoute({
  method: "get",
  path: "/v1/batches/{batchId}",
  tag: "Batches",
  summary: "A batch's progress: deals done, failed, queued, tokens so far, and each deal's status and reason",
  access: { capability: "runBatches" },
  request: { params: BatchIdParameter },
  responses: { 200: jsonContent(BatchProgressSchema, "the batch as it stands now (read from its runs, so it survives a restart)") },
  errors: [404],
});

const eventsRoute = defineRoute({
  method: "get",
  path: "/v1/batches/{batchId}/events",
  tag: "Batches",
  summary: "Follow a batch as server-sent events",
  description:
    "A text/event-stream: a `progress` event (data: the BatchProgress JSON) at once and whenever a deal's status or the tokens change, " +
    `then \`done\` once no deal is queued or running, or \`gave-up\` after ${MAX_STREAM_MS / 60_000} minutes (reconnect to go on).`,
  access: { capability: "runBatches" },
  request: { params: BatchIdParameter },
  responses: {
    200: {
      description: "the event stream",
      content: { "text/event-stream": { schema: z.string().describe("event: progress|done|gave-up") } },
    },
  },
  errors: [404],
});

/** RevOps' batches: import with POST, follow with GET and its event stream. */
export function registerBatchRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(importRoute, async (c) => {
    const dryRun = c.req.valid("query").dryRun === "true";
    const rows = await readBatchRequest(c);
    const result = await importBatch(deps, actorOf(c), rows, { dryRun, origin: "api" });
    if (result.batchId === null) return c.json(result, 200);
    return c.json(result, 202, { Location: `/v1/batches/${result.batchId}` });
  });
  app.openapi(listRoute, (c) => c.json({ batches: listBatches(deps, actorOf(c)).map(({ deals: _, ...summary }) => summary) }, 200));
  app.openapi(readRoute, (c) => c.json(readBatch(deps, actorOf(c), c.req.valid("param").batchId), 200));
  app.openapi(eventsRoute, (c) => {
    const actor = actorOf(c);
    const { batchId } = c.req.valid("param");
    // Checked before the stream opens, so an unknown batch or a refused caller gets its status, not an empty stream.
    readBatch(deps, actor, batchId);
    return streamSSE(c, async (stream) => {
      const deadline = Date.now() + MAX_STREAM_MS;
      let last = "";
      while (!stream.aborted) {
        const progress = readBatch(deps, actor, batchId);
        const key = JSON.stringify([progress.counts, progress.deals.map((deal) => deal.status)]);
        if (key !== last) {
          last = key;
          await stream.writeSSE({ event: "progress", data: JSON.stringify(progress) });
        }
        if (progress.counts.finished || Date.now() > deadline) {
          await stream.writeSSE({ event: progress.counts.finished ? "done" : "gave-up", data: JSON.stringify(progress) });
          return;
        }
        await stream.sleep(POLL_MS);
      }
    }) as never;
  });
}

/** The manifest's rows, each reading its files from the request's file parts by the names the manifest gives. */
async function readBatchRequest(c: Context<AppEnv>): Promise<(BatchRowInput | RejectedRow)[]> {
  const contentType = (c.req.header("content-type") ?? "").toLowerCase();
  if (!contentType.startsWith("multipart/form-data")) {
    throw new AppError({ code: "UNSUPPORTED_FORMAT", message: "send a multipart/form-data body: a manifest field and the files it names" });
  }
  const form = await readMultipartForm(c.req);
  const { manifest, ...rest } = form;
  const manifestPart = Array.isArray(manifest) ? manifest[0] : manifest;
  if (manifestPart === undefined) throw new AppError({ code: "INVALID_INPUT", message: "manifest: the field is missing" });
  const manifestBytes = manifestPart instanceof File ? await fileBytes(manifestPart) : new TextEncoder().encode(String(manifestPart));
  const files = Object.values(rest)
    .flat()
    .filter((value): value is File => value instanceof File);
  if (files.length > MAX_FILES_PER_BATCH_REQUEST) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `at most ${MAX_FILES_PER_BATCH_REQUEST} files per batch request` });
  }
  const byName = new Map(files.map((file) => [normalizeName(file.name), file]));
  return parseManifest(manifestBytes).map((row) => (isRejectedRow(row) ? row : withUploadedFiles(row, byName)));
}

function withUploadedFiles(row: ManifestRow, byName: Map<string, File>): BatchRowInput {
  return {
    ...row,
    readFiles: () =>
      Promise.all(
        row.files.map(async (path): Promise<BatchFile> => {
          const file = byName.get(normalizeName(path));
          if (file === undefined) return { path, problem: "not in the request (send it as a file part with this filename)" };
          return { path, bytes: await fileBytes(file) };
        }),
      ),
  };
}

// "./calls/a.vtt" and "calls\a.vtt" name the same part as "calls/a.vtt".
function normalizeName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}
