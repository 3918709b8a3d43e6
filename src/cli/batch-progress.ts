import type { BatchCounts, BatchDealProgress, BatchDealResult } from "../domain/batch.ts";
import type { CliIo } from "./cli-io.ts";

export type BatchProgressDisplay = {
  /** A row of the manifest was imported, planned or rejected. */
  row(result: BatchDealResult): void;
  /** A deal's extraction settled (the how-many-th of the batch's extractions); `counts` is the whole batch's now. */
  settled(deal: BatchDealProgress, counts: BatchCounts, extractions: { settled: number; of: number }): void;
  /** Clears the bar; called on success and on failure. */
  stop(): void;
};

const CLEAR_LINE = "\r\u001b[K";
const BAR_WIDTH = 24;

/**
 * `baton batch` progress on stderr: on a terminal one bar redrawn in place (deals done, failed, ETA, tokens so far);
 * otherwise one line per event, for logs. Deal keys, statuses and counts only, never content.
 */
export function createBatchProgress(io: CliIo, now: () => number = () => Date.now()): BatchProgressDisplay {
  const started = now();
  let barShown = false;
  const line = (text: string) => {
    io.stderr(`${barShown ? CLEAR_LINE : ""}${text}\n`);
    barShown = false;
  };
  const rowLine = (result: BatchDealResult) =>
    `${result.dealKey || "(no deal_key)"}: ${result.status}${result.reason === undefined ? "" : ` (${result.reason})`}`;
  if (!io.stderrIsTty) {
    return {
      row: (result) => line(rowLine(result)),
      settled: (deal, _counts, extractions) =>
        line(
          `${deal.dealKey}: ${deal.status}${deal.reason === null ? "" : ` (${deal.reason})`}, ${format(deal.promptTokens + deal.outputTokens)} tokens; extraction ${extractions.settled} of ${extractions.of}`,
        ),
      stop: () => {},
    };
  }
  return {
    // Only failures scroll above the bar; the rest shows in its counts.
    row: (result) => {
      if (result.status === "failed") line(rowLine(result));
    },
    settled: (deal, counts) => {
      if (deal.status === "failed")
        line(rowLine({ dealKey: deal.dealKey, dealId: deal.dealId, status: "failed", reason: deal.reason ?? "" }));
      io.stderr(`${CLEAR_LINE}${renderBar(counts, now() - started)}`);
      barShown = true;
    },
    stop: () => {
      if (barShown) io.stderr(CLEAR_LINE);
      barShown = false;
    },
  };
}

/** "[#######-----] 12/50 deals · 1 failed · ETA 2m 10s · 45,210 tokens" */
export function renderBar(counts: BatchCounts, elapsedMs: number): string {
  const settled = counts.done + counts.failed;
  const filled = counts.deals === 0 ? BAR_WIDTH : Math.round((settled / counts.deals) * BAR_WIDTH);
  const left = counts.deals - settled;
  const eta = settled === 0 || left === 0 ? "" : ` · ETA ${formatDuration((elapsedMs / settled) * left)}`;
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${settled}/${counts.deals} deals · ${counts.failed} failed${eta} · ${format(counts.promptTokens + counts.outputTokens)} tokens`;
}

function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${seconds % 60}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

function format(n: number): string {
  return n.toLocaleString("en-US");
}
