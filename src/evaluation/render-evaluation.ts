import { SECTION_KEYS } from "../domain/sections.ts";
import type { DealDetails, EvaluationReport } from "./run-evaluation.ts";

/** A plain-text report: totals first, then one row per section and per gold file. */
export function renderEvaluation(report: EvaluationReport): string {
  const pct = (value: number | null) => (value === null ? "   -" : `${(value * 100).toFixed(0).padStart(3)}%`);
  const e = report.extractor;
  const lines = [
    `extractor: ${e.kind}${e.model ? ` (${e.model})` : ""}${e.promptVersion ? `, prompt ${e.promptVersion}` : ""}`,
    `recall ${pct(report.recall)}   precision ${pct(report.precision)}   (per section; precision counts only gold-annotated spans)`,
    `recall counting every section a gold item lists: ${pct(report.recallInEveryListedSection)}`,
    `draft: ${report.items} items, ${report.wordsPerSourceWord.toFixed(3)} words per source word, ` +
      `${report.repeatedQuotes} quotes cited again by another item`,
    `citations: ${report.citations.verified} verified, ${pct(report.citations.exactShare)} exact, ` +
      `${pct(report.citations.validShare)} satisfy quote === text.slice, ${report.citations.unverified} unverified`,
    `expected gaps reported: ${report.gaps.reported} of ${report.gaps.expected}`,
    `usage: ${report.usage.llmCalls} LLM calls (${report.usage.cachedCalls} cached), ` +
      `${report.usage.promptTokens} prompt + ${report.usage.completionTokens} completion tokens` +
      (report.cost === null ? "" : `, cost ${report.cost.toFixed(4)}`),
    "",
    "section                recall  precision  gold  drafted  every-listed",
  ];
  for (const section of SECTION_KEYS) {
    const s = report.bySection[section];
    lines.push(
      `${section.padEnd(22)} ${pct(s.recall)}     ${pct(s.precision)}  ${String(s.goldItems).padStart(4)}  ${String(s.draftItems).padStart(7)}` +
        `  ${pct(s.recallInEveryListedSection).padStart(12)}`,
    );
  }
  lines.push("", "deal                                      items  words/source word  repeated quotes");
  for (const deal of report.deals) {
    const ratio = deal.sourceWords === 0 ? 0 : deal.draftWords / deal.sourceWords;
    lines.push(
      `${deal.deal.padEnd(42)}${String(deal.items).padStart(5)}  ${ratio.toFixed(3).padStart(17)}  ${String(deal.repeatedQuotes).padStart(15)}`,
    );
  }
  lines.push("", "file                                      found/gold  correct/drafted");
  for (const file of report.files) {
    const s = file.score;
    lines.push(
      `${file.gold.padEnd(42)}${`${s.goldFound}/${s.goldItems}`.padStart(10)}  ${`${s.draftCorrect}/${s.draftItems}`.padStart(15)}`,
    );
    for (const quote of s.goldQuotesMissing) lines.push(`  ! gold quote not in source: ${quote.slice(0, 80)}`);
  }
  for (const deal of report.details ?? []) lines.push(...renderDealDetails(deal));
  return `${lines.join("\n")}\n`;
}

/** Each drafted item no gold item supports (section, label, first quote, where), then each gold item missed. */
function renderDealDetails(deal: DealDetails): string[] {
  const lines = ["", `${deal.deal}: ${deal.unmatched.length} drafted items match no gold item`];
  for (const item of deal.unmatched) {
    lines.push(`  - [${item.section}] ${oneLine(item.label)}`, `      “${oneLine(item.quote)}” — ${item.where} (${item.gold})`);
  }
  lines.push(`${deal.deal}: ${deal.missed.length} gold items missed`);
  for (const item of deal.missed) {
    lines.push(`  - [${item.sections.join(", ")}] ${oneLine(item.statement)}`, `      “${oneLine(item.quote)}” (${item.gold})`);
  }
  return lines;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
