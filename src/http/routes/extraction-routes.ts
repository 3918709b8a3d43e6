import { Hono } from "hono";
import { z } from "zod";
import { hasCapability } from "../../access/access-policy.ts";
import type { AppDeps } from "../../deps.ts";
import { renderDraftMarkdown } from "../../drafting/render-draft-markdown.ts";
import { AppError } from "../../errors.ts";
import { loadDealDraft } from "../../handoff/load-deal-draft.ts";
import { runExtraction } from "../../handoff/run-extraction.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";
import { readJsonBody } from "../read-json-body.ts";

export const BatchSchema = z.object({ dealIds: z.array(z.string().max(64)).max(1000).optional() }).strict();

export function createExtractionRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.post("/deals/:dealId/extractions", async (c) => {
    const deal = loadDeal(c, deps, "extract");
    if (deps.sources.listMeta(deal.id).length === 0) {
      throw new AppError({ code: "CONFLICT", message: "the deal has no sources yet: upload transcripts or emails first" });
    }
    const run = deps.runs.create(deal.id, c.get("user").id, deps.now());
    recordAudit(c, deps, { action: "extract", objectType: "extraction_run", objectId: run.id, dealId: deal.id });
    if (c.req.query("wait") === "true") {
      // Runs inside the request: the request's deadline aborts the LLM call.
      await runExtraction(deps, run.id, c.get("signal"));
      return c.json({ run: deps.runs.get(run.id) }, 200);
    }
    deps.jobs.enqueue(run.id, (signal) => runExtraction(deps, run.id, signal));
    return c.json({ run }, 202);
  });

  routes.get("/deals/:dealId/extractions", (c) => {
    const deal = loadDeal(c, deps, "read");
    return c.json({ runs: deps.runs.listForDeal(deal.id) });
  });

  routes.get("/deals/:dealId/extractions/:runId", (c) => {
    const deal = loadDeal(c, deps, "read");
    const run = deps.runs.get(c.req.param("runId"));
    if (run === undefined || run.dealId !== deal.id) throw new AppError({ code: "NOT_FOUND", message: "extraction run not found" });
    return c.json({ run });
  });

  routes.get("/deals/:dealId/draft", (c) => {
    const deal = loadDeal(c, deps, "read");
    const draft = loadDealDraft(deps, deal.id, { kind: deps.config.extractor });
    recordAudit(c, deps, { action: "view", objectType: "draft", objectId: deal.id, dealId: deal.id });
    if (c.req.query("format") === "md" || (c.req.header("accept") ?? "").includes("text/markdown")) {
      return c.body(renderDraftMarkdown(draft), 200, { "content-type": "text/markdown; charset=utf-8" });
    }
    return c.json(draft);
  });

  routes.post("/batches/extractions", async (c) => {
    const user = c.get("user");
    if (!hasCapability(user, "runBatches")) throw new AppError({ code: "FORBIDDEN", message: "only RevOps runs batches" });
    const { dealIds } = await readJsonBody(c, BatchSchema);
    const deals = dealIds === undefined ? deps.deals.listAll() : dealIds.map((id) => deps.deals.get(id));
    const missing = dealIds?.filter((_, i) => deals[i] === undefined) ?? [];
    if (missing.length > 0) throw new AppError({ code: "NOT_FOUND", message: `unknown deal ids: ${missing.slice(0, 5).join(", ")}` });
    const runs = deals
      .filter((deal) => deal !== undefined && deps.sources.listMeta(deal.id).length > 0)
      .map((deal) => {
        const run = deps.runs.create(deal!.id, user.id, deps.now());
        recordAudit(c, deps, { action: "extract", objectType: "extraction_run", objectId: run.id, dealId: deal!.id });
        deps.jobs.enqueue(run.id, (signal) => runExtraction(deps, run.id, signal));
        return run;
      });
    return c.json({ runs }, 202);
  });

  return routes;
}
