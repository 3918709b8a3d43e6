import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { renderDraftMarkdown } from "../../drafting/render-draft-markdown.ts";
import { isFinished, listRuns, readRun, startBatch, startExtraction } from "../../services/extraction-service.ts";
import { readDraft } from "../../services/review-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { DealDraftSchema } from "../schemas/draft-schemas.ts";
import { chooseFormat, formatParameter } from "../schemas/format-parameter.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealIdParameter, DealPathSchema } from "../schemas/path-parameters.ts";
import { ExtractionRunSchema } from "../schemas/run-schema.ts";

const BatchInputSchema = z
  .object({ dealIds: z.array(z.string().max(64)).max(1000).optional() })
  .strict()
  .describe("the deals to extract; every deal with sources when dealIds is omitted")
  .openapi("BatchInput");

const RunEnvelopeSchema = z.object({ run: ExtractionRunSchema });

const StartedRunSchema = z
  .object({
    run: ExtractionRunSchema,
    reused: z
      .boolean()
      .describe("true when the deal already had a run queued or running: that run is answered and no second one is queued"),
  })
  .openapi("StartedRun");

const BooleanFlag = z.enum(["true", "false"]).optional();

const LOCATION_HEADER = {
  Location: { description: "the run to poll: GET /v1/deals/{dealId}/extractions/{runId}", schema: { type: "string" as const } },
};

const DRAFT_FORMATS = { json: "json", md: "md", markdown: "md" } as const;

const startRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/extractions",
  tag: "Extraction",
  summary: "Start an extraction run over the sources not extracted yet",
  description:
    "Reviewed items are kept as the AE left them; sources already processed cost no LLM call. 409 when the deal has no sources. " +
    "A deal whose run is still queued or running is not queued again: that run is answered (reused: true), 202 or, " +
    "with wait=true, as below. The run always goes on the job queue; wait=true waits for it until shortly before the request " +
    'deadline (BATON_REQUEST_TIMEOUT_MS): finished by then, 200 with the run, succeeded or failed (status "failed" and its error ' +
    "when the LLM endpoint was down, for one); still going, 202 with the run and its Location to poll, and the run carries on. " +
    "A slow model never makes this answer 504.",
  access: { deal: "extract" },
  request: {
    params: DealPathSchema,
    query: z.object({
      wait: BooleanFlag.describe("true: wait for the run until shortly before the request deadline (200 finished, 202 still going)"),
      refresh: BooleanFlag.describe(
        "true: ask the model again for this run's sources even when an answer is cached (refusals are never cached)",
      ),
    }),
  },
  responses: {
    202: { ...jsonContent(StartedRunSchema, "the queued run, or with wait=true the run still going"), headers: LOCATION_HEADER },
    200: jsonContent(StartedRunSchema, "with wait=true: the finished run, succeeded or failed"),
  },
  errors: [409],
});

const listRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/extractions",
  tag: "Extraction",
  summary: "List a deal's extraction runs",
  access: { deal: "read" },
  request: { params: DealPathSchema },
  responses: { 200: jsonContent(z.object({ runs: z.array(ExtractionRunSchema) }), "the runs, oldest first") },
});

const readRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/extractions/{runId}",
  tag: "Extraction",
  summary: "Read one extraction run: status, usage, error",
  access: { deal: "read" },
  request: { params: z.object({ dealId: DealIdParameter, runId: z.string().max(64).describe("the run's id") }) },
  responses: { 200: jsonContent(RunEnvelopeSchema, "the run") },
});

const batchRoute = defineRoute({
  method: "post",
  path: "/v1/batches/extractions",
  tag: "Extraction",
  summary: "Queue extraction runs for many deals (all deals with sources when dealIds is omitted)",
  description:
    "Deals without sources are skipped; an unknown deal id answers 404 and queues nothing. " +
    "A deal with a run still queued or running is not queued again: its run is answered and listed in reusedRunIds.",
  access: { capability: "runBatches" },
  request: { body: { required: true, content: { "application/json": { schema: BatchInputSchema } } } },
  responses: {
    202: jsonContent(
      z
        .object({
          runs: z.array(ExtractionRunSchema),
          reusedRunIds: z.array(z.string()).describe("the runs in runs that were already queued or running, not queued again"),
        })
        .openapi("BatchRuns"),
      "one run per deal with sources: queued now, or the run it already had queued or running",
    ),
  },
  errors: [404],
});

const draftRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/draft",
  tag: "Draft",
  summary: "Read the deal's current draft: items with citations and review status, items needing a check, gaps",
  access: { deal: "read" },
  request: {
    params: DealPathSchema,
    query: z.object({
      format: formatParameter(DRAFT_FORMATS, "md (or markdown): Markdown, also chosen by Accept: text/markdown; json: JSON"),
    }),
  },
  responses: {
    200: {
      description: "the draft",
      content: { "application/json": { schema: DealDraftSchema }, "text/markdown": { schema: z.string() } },
    },
  },
});

/** Extraction runs (one deal, or a RevOps batch) and the draft they produce. */
export function registerExtractionRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(startRoute, async (c) => {
    const query = c.req.valid("query");
    const dealId = c.req.valid("param").dealId;
    const started = await startExtraction(deps, actorOf(c), dealId, {
      refresh: query.refresh === "true",
      ...(query.wait === "true" ? { waitMs: c.get("answerBy") - Date.now(), signal: c.get("signal") } : {}),
    });
    if (query.wait === "true" && isFinished(started.run)) return c.json(started, 200);
    return c.json(started, 202, { Location: `/v1/deals/${dealId}/extractions/${started.run.id}` });
  });
  app.openapi(listRoute, (c) => c.json({ runs: listRuns(deps, actorOf(c), c.req.valid("param").dealId) }, 200));
  app.openapi(readRoute, (c) => {
    const { dealId, runId } = c.req.valid("param");
    return c.json({ run: readRun(deps, actorOf(c), dealId, runId) }, 200);
  });
  app.openapi(batchRoute, (c) => {
    const started = startBatch(deps, actorOf(c), c.req.valid("json").dealIds);
    return c.json({ runs: started.map((s) => s.run), reusedRunIds: started.filter((s) => s.reused).map((s) => s.run.id) }, 202);
  });
  app.openapi(draftRoute, (c) => {
    const format = chooseFormat(c.req.valid("query").format, DRAFT_FORMATS, c.req.header("accept"), { "text/markdown": "md" });
    const draft = readDraft(deps, actorOf(c), c.req.valid("param").dealId);
    if (format === "md") return c.body(renderDraftMarkdown(draft), 200, { "content-type": "text/markdown; charset=utf-8" });
    return c.json(draft, 200);
  });
}
