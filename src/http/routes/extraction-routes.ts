import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { renderDraftMarkdown } from "../../drafting/render-draft-markdown.ts";
import { listRuns, readRun, startBatch, startExtraction } from "../../services/extraction-service.ts";
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

const DRAFT_FORMATS = { json: "json", md: "md", markdown: "md" } as const;

const startRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/extractions",
  tag: "Extraction",
  summary: "Start an extraction run over the sources not extracted yet",
  description:
    "Reviewed items are kept as the AE left them; sources already processed cost no LLM call. 409 when the deal has no sources. " +
    'With wait=true a run that failed (the LLM endpoint down, for one) is answered 200 with status "failed" and its error; ' +
    "a run still going at the request deadline is answered 504.",
  access: { deal: "extract" },
  request: {
    params: DealPathSchema,
    query: z.object({
      wait: z.enum(["true", "false"]).optional().describe("true: run inside the request, under its timeout (answers 200)"),
    }),
  },
  responses: {
    202: jsonContent(RunEnvelopeSchema, "the queued run"),
    200: jsonContent(RunEnvelopeSchema, "with wait=true: the finished run, succeeded or failed"),
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
  description: "Deals without sources are skipped; an unknown deal id answers 404 and queues nothing.",
  access: { capability: "runBatches" },
  request: { body: { required: true, content: { "application/json": { schema: BatchInputSchema } } } },
  responses: { 202: jsonContent(z.object({ runs: z.array(ExtractionRunSchema) }), "the queued runs") },
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
    const wait = c.req.valid("query").wait === "true";
    const run = await startExtraction(deps, actorOf(c), c.req.valid("param").dealId, { wait, signal: c.get("signal") });
    return wait ? c.json({ run }, 200) : c.json({ run }, 202);
  });
  app.openapi(listRoute, (c) => c.json({ runs: listRuns(deps, actorOf(c), c.req.valid("param").dealId) }, 200));
  app.openapi(readRoute, (c) => {
    const { dealId, runId } = c.req.valid("param");
    return c.json({ run: readRun(deps, actorOf(c), dealId, runId) }, 200);
  });
  app.openapi(batchRoute, (c) => c.json({ runs: startBatch(deps, actorOf(c), c.req.valid("json").dealIds) }, 202));
  app.openapi(draftRoute, (c) => {
    const format = chooseFormat(c.req.valid("query").format, DRAFT_FORMATS, c.req.header("accept"), { "text/markdown": "md" });
    const draft = readDraft(deps, actorOf(c), c.req.valid("param").dealId);
    if (format === "md") return c.body(renderDraftMarkdown(draft), 200, { "content-type": "text/markdown; charset=utf-8" });
    return c.json(draft, 200);
  });
}
