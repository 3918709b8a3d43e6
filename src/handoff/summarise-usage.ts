import type { RunUsageInput } from "../domain/handoff-report-input.ts";
import { costOf, type TokenPricing } from "../domain/token-cost.ts";
import { sum } from "./report-math.ts";

/** Tokens and cost of a set of extraction runs: a deal's, one run's, or (given its runs) a batch's. */
export type UsageSummary = {
  runs: number;
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** At BATON_PRICE_*_PER_MTOK; null while no price is configured. */
  cost: number | null;
};

/** One run's figures, as the report lists them per deal. */
export type RunUsageSummary = UsageSummary & { runId: string; status: string };

/** Adds up what the runs recorded. For a batch, pass the batch's runs: the same sum and the same prices. */
export function summariseUsage(runs: RunUsageInput[], pricing: TokenPricing): UsageSummary {
  const tokens = { promptTokens: sum(runs.map((r) => r.promptTokens)), completionTokens: sum(runs.map((r) => r.completionTokens)) };
  return { runs: runs.length, llmCalls: sum(runs.map((r) => r.llmCalls)), ...tokens, cost: costOf(tokens, pricing) };
}

export function summariseRun(run: RunUsageInput, pricing: TokenPricing): RunUsageSummary {
  return { runId: run.runId, status: run.status, ...summariseUsage([run], pricing), runs: 1 };
}
