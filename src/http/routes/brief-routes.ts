import type { Context } from "hono";
import { Hono } from "hono";
import { buildBrief } from "../../drafting/build-brief.ts";
import { renderBriefMarkdown } from "../../drafting/render-brief-markdown.ts";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { loadBriefInput } from "../../handoff/load-brief-input.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";

// Customer conversations: never kept by a shared cache or the browser.
const NO_STORE = { "cache-control": "private, no-store" };

/** The CSM's pre-kickoff brief: readable by whoever may read the deal (its AE, its CSM, RevOps). */
export function createBriefRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.get("/:dealId/brief", (c) => {
    const deal = loadDeal(c, deps, "read");
    const markdown = wantsMarkdown(c);
    const body = deps.briefCache.get(deal, markdown ? "md" : "json", () => {
      const brief = buildBrief(loadBriefInput(deps, deal));
      return markdown ? renderBriefMarkdown(brief) : JSON.stringify(brief);
    });
    recordAudit(c, deps, { action: "export", objectType: "brief", objectId: deal.id, dealId: deal.id });
    const contentType = markdown ? "text/markdown; charset=utf-8" : "application/json";
    return c.body(body, 200, { ...NO_STORE, "content-type": contentType });
  });

  return routes;
}

function wantsMarkdown(c: Context<AppEnv>): boolean {
  const format = c.req.query("format");
  if (format === "md" || format === "markdown") return true;
  if (format === "json") return false;
  if (format !== undefined) throw new AppError({ code: "INVALID_INPUT", message: "format: expected json or md" });
  return (c.req.header("accept") ?? "").includes("text/markdown");
}
