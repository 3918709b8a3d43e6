import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { createQuoteIndex, type QuoteIndex } from "../../grounding/create-quote-index.ts";
import { createFailedAnswer, toVerifyAnswer, type VerifyAnswer } from "../../grounding/verify-answer.ts";
import { verifyQuote } from "../../grounding/verify-quote.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";
import { readJsonBody } from "../read-json-body.ts";

/** Checks in one batch request: enough for every citation of a large draft, bounded so one request stays short. */
export const MAX_VERIFY_CHECKS = 200;

// Quotes over MAX_QUOTE_LENGTH (2,000) are answered `unverified` with "quote too long", as `baton verify`
// does; this bound only keeps a single field from being a whole document (the CLI's line cap).
const MAX_QUOTE_FIELD = 1_000_000;

export const VerifyCheckSchema = z
  .object({
    source: z.string().min(1).max(200).describe("a source id of this deal"),
    segment: z.string().max(200).nullish().describe("the segment id the quote is said to come from"),
    quote: z.string().max(MAX_QUOTE_FIELD).describe("the quote to check; at most 2,000 characters are checked"),
  })
  .strict();
export type VerifyCheck = z.infer<typeof VerifyCheckSchema>;

/** The batch form of POST /v1/deals/{dealId}/verify; the single form is one VerifyCheck. */
export const VerifyBatchSchema = z.object({ checks: z.array(VerifyCheckSchema).min(1).max(MAX_VERIFY_CHECKS) }).strict();

// The body shape decides which schema names the problem, so a bad batch is told about its checks.
const BodyShapeSchema = z.object({ checks: z.unknown().optional() }).loose();

/** POST /v1/deals/{dealId}/verify: `baton verify --json` as a service, under the deal's read permission. */
export function createVerifyRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.post("/:dealId/verify", async (c) => {
    const deal = loadDeal(c, deps, "read");
    const shape = await readJsonBody(c, BodyShapeSchema);
    // Hono caches the parsed body, so the second read does not parse it again.
    if (shape.checks === undefined) {
      const check = await readJsonBody(c, VerifyCheckSchema);
      const index = loadIndex(deps, deal.id, check.source);
      if (index === undefined) throw new AppError({ code: "NOT_FOUND", message: `source ${check.source} not found in this deal` });
      recordAudit(c, deps, { action: "view", objectType: "source", objectId: check.source, dealId: deal.id });
      return c.json(answer(index, check));
    }

    const { checks } = await readJsonBody(c, VerifyBatchSchema);
    const signal = c.get("signal");
    // Each source is parsed and indexed once per request, however many checks cite it.
    const indexes = new Map<string, QuoteIndex | undefined>();
    const results: VerifyAnswer[] = [];
    for (const check of checks) {
      // Yield between checks so the request deadline can fire and other requests keep moving.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted)
        throw signal.reason instanceof AppError ? signal.reason : new AppError({ code: "TIMEOUT", message: "request timed out" });
      if (!indexes.has(check.source)) indexes.set(check.source, loadIndex(deps, deal.id, check.source));
      const index = indexes.get(check.source);
      // Like the CLI's batch, one unusable check is answered, not fatal to the others.
      results.push(index === undefined ? createFailedAnswer(`source ${check.source} not found in this deal`) : answer(index, check));
    }
    for (const [sourceId, index] of indexes) {
      if (index !== undefined) recordAudit(c, deps, { action: "view", objectType: "source", objectId: sourceId, dealId: deal.id });
    }
    return c.json({ results });
  });

  return routes;
}

function loadIndex(deps: AppDeps, dealId: string, sourceId: string): QuoteIndex | undefined {
  const parsed = deps.sources.getParsed(dealId, sourceId);
  return parsed === undefined ? undefined : createQuoteIndex(parsed);
}

function answer(index: QuoteIndex, check: VerifyCheck): VerifyAnswer {
  return toVerifyAnswer(verifyQuote(index, check.quote, check.segment ? { segmentId: check.segment } : {}));
}
