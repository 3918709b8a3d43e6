import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { readBrief } from "../../services/brief-service.ts";
import { acceptsGzip } from "../accepts-gzip.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { BriefSchema } from "../schemas/brief-schema.ts";
import { chooseFormat, formatParameter } from "../schemas/format-parameter.ts";
import { DealPathSchema } from "../schemas/path-parameters.ts";

// Customer conversations: never kept by a shared cache or the browser.
const NO_STORE = { "cache-control": "private, no-store" };

const BRIEF_FORMATS = { json: "json", md: "md", markdown: "md" } as const;

const briefRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/brief",
  tag: "Brief",
  summary: "The CSM's pre-kickoff brief: what to confirm, promises, stakeholders, risks, agenda, intro email, timeline",
  description:
    "Built from the latest approved version, else from the draft, which it then says at the top and on every item. " +
    "400 for a format other than json, md and markdown. Sent gzip-compressed (made once per change of the deal) to " +
    "clients whose Accept-Encoding allows it.",
  access: { deal: "read" },
  request: {
    params: DealPathSchema,
    query: z.object({
      format: formatParameter(BRIEF_FORMATS, "md (or markdown): Markdown, also chosen by Accept: text/markdown; json: JSON"),
    }),
  },
  responses: {
    200: { description: "the brief", content: { "application/json": { schema: BriefSchema }, "text/markdown": { schema: z.string() } } },
  },
});

/** The CSM's pre-kickoff brief: readable by whoever may read the deal (its AE, its CSM, RevOps). */
export function registerBriefRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(briefRoute, (c) => {
    const format = chooseFormat(c.req.valid("query").format, BRIEF_FORMATS, c.req.header("accept"), { "text/markdown": "md" });
    const brief = readBrief(deps, actorOf(c), c.req.valid("param").dealId, format);
    // Served as cached bytes: the brief is already rendered and typed by its builder.
    const headers = {
      ...NO_STORE,
      "content-type": format === "md" ? "text/markdown; charset=utf-8" : "application/json",
      vary: "accept-encoding",
    };
    return acceptsGzip(c.req.header("accept-encoding"))
      ? c.body(brief.gzipped(), 200, { ...headers, "content-encoding": "gzip" })
      : c.body(brief.body, 200, headers);
  });
}
