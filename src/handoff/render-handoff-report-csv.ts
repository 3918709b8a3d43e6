import type { HandoffReport, HandoffReportDeal } from "./build-handoff-report.ts";

type Column = { header: string; value: (deal: HandoffReportDeal) => string | number | null };

const COLUMNS: Column[] = [
  { header: "deal_id", value: (d) => d.dealId },
  { header: "account", value: (d) => d.account },
  { header: "ae_name", value: (d) => d.aeName },
  { header: "csm_name", value: (d) => d.csmName },
  { header: "close_date", value: (d) => d.closeDate },
  { header: "sources", value: (d) => d.sources },
  { header: "items", value: (d) => d.items },
  { header: "extracted_items", value: (d) => d.extractedItems },
  { header: "needs_checking_items", value: (d) => d.needsCheckingItems },
  { header: "approved_version", value: (d) => d.approvedVersion },
  { header: "first_approved_at", value: (d) => d.firstApprovedAt },
  { header: "completion_basis", value: (d) => d.completionBasis },
  { header: "completion_rate", value: (d) => d.completionRate },
  { header: "hours_to_approved_handoff", value: (d) => d.hoursToApprovedHandoff },
  { header: "unverified_rate", value: (d) => d.unverifiedRate },
  { header: "gap_sections", value: (d) => d.gapSections.join(";") },
  // Added later, so at the end: columns only ever get appended.
  { header: "gap_fields", value: (d) => d.gapFields.join(";") },
  { header: "backfilled", value: (d) => (d.backfilled ? "yes" : "no") },
  { header: "handoff_clock_start", value: (d) => d.handoffClockStart },
  { header: "extraction_runs", value: (d) => d.usage.runs },
  { header: "prompt_tokens", value: (d) => d.usage.promptTokens },
  { header: "completion_tokens", value: (d) => d.usage.completionTokens },
  { header: "cost", value: (d) => d.usage.cost },
];

/**
 * One row per deal under a header row, RFC 4180 (CRLF, quotes doubled). Text that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) gets a leading apostrophe; numbers are ours and stay numbers.
 * Empty cells mean "none" (no approved version, no close date).
 */
export function renderHandoffReportCsv(report: HandoffReport): string {
  const lines = [COLUMNS.map((c) => c.header).join(",")];
  for (const deal of report.deals) lines.push(COLUMNS.map((c) => toCell(c.value(deal))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** One CSV cell: formula text neutralised, then quoted when it holds a comma, quote or line break. */
export function toCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
