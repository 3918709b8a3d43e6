import type { BatchResult } from "../domain/batch.ts";

/** The readable answer of `baton batch`: one line per deal, then the totals (and a dry run's estimate). */
export function renderBatchSummary(result: BatchResult, currency: string | null): string {
  const lines = result.deals.map(
    (deal) => `${deal.status.padEnd(9)}  ${deal.dealKey || "(no deal_key)"}${deal.reason === undefined ? "" : `: ${deal.reason}`}`,
  );
  const counts = new Map<string, number>();
  for (const deal of result.deals) counts.set(deal.status, (counts.get(deal.status) ?? 0) + 1);
  const totals = [...counts].map(([status, count]) => `${count} ${status}`).join(", ");
  lines.push("", result.batchId === null ? `dry run, nothing changed: ${totals}` : `batch ${result.batchId}: ${totals}`);
  const { estimate } = result;
  if (estimate !== undefined) {
    const number = (n: number) => n.toLocaleString("en-US");
    const cost =
      estimate.cost === null
        ? "cost unknown (set BATON_PRICE_PROMPT_PER_MTOK and BATON_PRICE_OUTPUT_PER_MTOK)"
        : `cost at most ${estimate.cost.toFixed(4)} ${currency ?? ""}`.trimEnd();
    lines.push(
      `estimate: ${number(estimate.calls)} LLM calls, ${number(estimate.promptTokens)} prompt tokens, at most ${number(estimate.outputTokens)} output tokens; ${cost}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
