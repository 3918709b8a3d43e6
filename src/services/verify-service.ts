import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { createQuoteIndex, type QuoteIndex } from "../grounding/create-quote-index.ts";
import { createFailedAnswer, toVerifyAnswer, type VerifyAnswer } from "../grounding/verify-answer.ts";
import { MAX_QUOTE_LENGTH, verifyQuote } from "../grounding/verify-quote.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal } from "./authorize.ts";

/** Checks in one batch request: enough for every citation of a large draft, bounded so one request stays short. */
export const MAX_VERIFY_CHECKS = 200;

/**
 * Quote characters one request may have checked (quotes longer than MAX_QUOTE_LENGTH are answered at once and do
 * not count): the work budget that keeps one batch from holding the CPU for many seconds against a large source.
 */
export const MAX_VERIFY_QUOTE_CHARACTERS = 50_000;

export type VerifyCheck = { source: string; segment?: string | null | undefined; quote: string };

type VerifyDeps = Pick<AppDeps, "deals" | "sources"> & AuditDeps;

/** One check against one of the deal's sources: `baton verify --json`; an unknown source is NOT_FOUND. */
export function verifyOne(deps: VerifyDeps, actor: Actor, dealId: string, check: VerifyCheck): VerifyAnswer {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const index = loadIndex(deps, deal.id, check.source);
  if (index === undefined) throw new AppError({ code: "NOT_FOUND", message: `source ${check.source} not found in this deal` });
  recordAudit(deps, actor, { action: "view", objectType: "source", objectId: check.source, dealId: deal.id });
  return answer(index, check);
}

/**
 * Many checks in order; like the CLI's batch, a check naming an unknown source is answered unverified, not fatal.
 * Each source is indexed once however many checks cite it, and the signal is honoured between checks.
 */
export async function verifyMany(
  deps: VerifyDeps,
  actor: Actor,
  dealId: string,
  checks: VerifyCheck[],
  signal?: AbortSignal,
): Promise<VerifyAnswer[]> {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const budget = checks.reduce((sum, check) => {
    const length = check.quote.trim().length;
    return sum + (length > MAX_QUOTE_LENGTH ? 0 : length);
  }, 0);
  if (budget > MAX_VERIFY_QUOTE_CHARACTERS) {
    throw new AppError({
      code: "LIMIT_EXCEEDED",
      message: `checks: the quotes to check total ${budget} characters, over the ${MAX_VERIFY_QUOTE_CHARACTERS.toLocaleString("en-US")} one request may check; split the batch`,
    });
  }
  const indexes = new Map<string, QuoteIndex | undefined>();
  const results: VerifyAnswer[] = [];
  for (const check of checks) {
    // Yield between checks so the request deadline can fire and other requests keep moving.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) {
      throw signal.reason instanceof AppError ? signal.reason : new AppError({ code: "TIMEOUT", message: "request timed out" });
    }
    if (!indexes.has(check.source)) indexes.set(check.source, loadIndex(deps, deal.id, check.source));
    const index = indexes.get(check.source);
    results.push(index === undefined ? createFailedAnswer(`source ${check.source} not found in this deal`) : answer(index, check));
  }
  for (const [sourceId, index] of indexes) {
    if (index !== undefined) recordAudit(deps, actor, { action: "view", objectType: "source", objectId: sourceId, dealId: deal.id });
  }
  return results;
}

function loadIndex(deps: Pick<AppDeps, "sources">, dealId: string, sourceId: string): QuoteIndex | undefined {
  const parsed = deps.sources.getParsed(dealId, sourceId);
  return parsed === undefined ? undefined : createQuoteIndex(parsed);
}

function answer(index: QuoteIndex, check: VerifyCheck): VerifyAnswer {
  return toVerifyAnswer(verifyQuote(index, check.quote, check.segment ? { segmentId: check.segment } : {}));
}
