import type { Citation } from "../domain/citation.ts";
import type { Draft } from "../domain/draft.ts";
import type { DraftItem } from "../domain/item.ts";
import { formatTimestamp } from "../domain/format-timestamp.ts";
import { SECTION_KEYS, SECTIONS } from "../domain/sections.ts";
import { escapeMarkdownText } from "./escape-markdown-text.ts";

/**
 * The draft as Markdown: sections in spec order, a citation under every item, unverified items apart.
 * Every text from a source is inert (no HTML, link or image can form from it) and on one line.
 */
export function renderDraftMarkdown(draft: Omit<Draft, "createdAt">): string {
  const lines: string[] = ["# Handoff draft", ""];
  lines.push(`_${describeExtractor(draft)}_`, "");
  lines.push(
    `**Completeness:** ${draft.completeness.sectionsFilled} of ${draft.completeness.sectionsTotal} sections ` +
      `(${Math.round(draft.completeness.score * 100)}%) · ${draft.items.length} cited items · ` +
      `${draft.needsChecking.length} need checking`,
    "",
  );
  lines.push("**Sources:**");
  for (const [i, source] of draft.sources.entries())
    lines.push(`${i + 1}. ${escapeMarkdownText(source.filename)} (${escapeMarkdownText(source.format)})`);
  lines.push("");
  for (const section of SECTION_KEYS) {
    const items = draft.items.filter((item) => item.section === section);
    lines.push(`## ${SECTIONS[section].title}`, "");
    if (items.length === 0) {
      const gap = draft.gaps.find((g) => g.section === section);
      lines.push(
        `_Not stated in the sources._ Question for the AE: ${escapeMarkdownText(gap?.question ?? SECTIONS[section].gapQuestion)}`,
        "",
      );
      continue;
    }
    for (const item of items) lines.push(...renderItem(item), "");
  }
  if (draft.needsChecking.length > 0) {
    lines.push("## Needs checking: claims the sources do not support", "");
    lines.push(
      "_These claims could not be verified against the source text, or rest on instruction-like text aimed at an AI, and are not part of the handoff._",
      "",
    );
    for (const item of draft.needsChecking) lines.push(...renderItem(item), "");
  }
  const u = draft.usage;
  lines.push(
    `---`,
    `LLM calls: ${u.llmCalls} (${u.cachedCalls} cached) · tokens: ${u.promptTokens} prompt, ${u.completionTokens} completion`,
  );
  return `${lines.join("\n")}\n`;
}

function describeExtractor(draft: Pick<Draft, "extractor" | "usage">): string {
  const e = draft.extractor;
  if (e.kind === "offline") {
    return "Extracted offline by Baton's built-in rules: every item is a verbatim sentence of a source; review before approving.";
  }
  return `Extracted by ${e.model ?? "an LLM"} (prompt ${e.promptVersion ?? "unversioned"}); every quote checked against the source text.`;
}

function renderItem(item: DraftItem): string[] {
  const flags = item.flags && item.flags.length > 0 ? ` **[${item.flags.map(escapeMarkdownText).join(", ")}]**` : "";
  const status = item.status === "draft" ? "" : ` _(${item.status})_`;
  const lines = [`- ${escapeMarkdownText(displayStatement(item))}${describeProgress(item)}${flags}${status}`];
  if (item.origin === "ae") lines.push("  - _provided by the AE; no source_");
  for (const citation of item.citations) lines.push(`  - ${renderCitation(citation)}`);
  return lines;
}

/**
 * The statement without the verbatim quotes its citation lines print right under it, so the reviewer
 * reads each quote once; a statement that is only quotes keeps them.
 */
function displayStatement(item: DraftItem): string {
  let shown = item.statement;
  for (const citation of item.citations) {
    if (citation.match === "unverified") continue;
    const quote = citation.quote.replace(/\s+/g, " ").trim();
    if (quote.length < 12) continue;
    shown = shown.replace(quote, "\u0000");
  }
  shown = shown
    .replace(/“\s*(?:\u0000\s*)+”/g, "")
    .replace(/(?:\s*\u0000)+/g, " …")
    .replace(/\s+([:,.])/g, "$1")
    .replace(/ {2,}/g, " ")
    .trim();
  const rest = shown.replace(/[\s:,.…“”]/g, "");
  if (rest === "") return item.statement;
  return shown.replace(/:$/, "");
}

/** Due date and status of a promise, next step or objection, as the settle stage read them. */
function describeProgress(item: DraftItem): string {
  const details = item.details ?? {};
  const parts: string[] = [];
  if (typeof details.dueDate === "string") parts.push(`due ${escapeMarkdownText(details.dueDate)}`);
  const evidence = details.statusEvidence as { quote?: string; filename?: string } | undefined;
  if (details.status === "done" && evidence?.quote)
    parts.push(`done: “${escapeMarkdownText(evidence.quote)}” (${escapeMarkdownText(evidence.filename ?? "a later source")})`);
  else if (typeof details.status === "string" && details.status !== "open")
    parts.push(STATUS_LABELS[details.status] ?? escapeMarkdownText(details.status));
  else if (item.section === "objections" && details.status === "open") parts.push("open");
  return parts.length === 0 ? "" : ` · ${parts.join(" · ")}`;
}

const STATUS_LABELS: Record<string, string> = {
  superseded: "superseded",
  resolved: "resolved",
  answered: "answered",
  answeredNotAccepted: "answered, not accepted",
};

function renderCitation(citation: Citation): string {
  const where = [
    citation.filename ?? citation.sourceId,
    citation.speaker ?? undefined,
    citation.startMs === null ? undefined : formatTimestamp(citation.startMs),
  ]
    .filter((part): part is string => Boolean(part))
    .map(escapeMarkdownText)
    .join(", ");
  const quote = `“${escapeMarkdownText(citation.quote)}”`;
  if (citation.match === "unverified") return `⚠ unverified (${escapeMarkdownText(citation.reason ?? "not found")}): ${quote} — ${where}`;
  const match = citation.match === "exact" ? "" : ` (${citation.match} match)`;
  return `${quote} — ${where}${match}`;
}
