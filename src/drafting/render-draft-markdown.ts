import type { Citation } from "../domain/citation.ts";
import type { Draft } from "../domain/draft.ts";
import type { DraftItem } from "../domain/item.ts";
import { readDeliveryEvidence } from "../domain/delivery-evidence.ts";
import { formatTimestamp } from "../domain/format-timestamp.ts";
import { SECTION_KEYS, SECTIONS } from "../domain/sections.ts";
import { CONTRACT_FIELD_LABELS, type ContractField } from "../domain/gap-id.ts";
import { escapeMarkdownText } from "./escape-markdown-text.ts";
import { narrowQuote, showDeliveryWords } from "./narrow-quote.ts";
import { pickShownCitations } from "./pick-shown-citations.ts";
import { roleWords } from "../domain/stakeholder-role-words.ts";
import { callByFirstName } from "./call-by-first-name.ts";
import { statusWords } from "../domain/status-words.ts";

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
  // "call.vtt (vtt)" says the format twice: it is named only where the file name does not end with it.
  for (const [i, source] of draft.sources.entries())
    lines.push(
      `${i + 1}. ${escapeMarkdownText(source.filename)}${source.filename.toLowerCase().endsWith(`.${source.format}`) ? "" : ` (${escapeMarkdownText(source.format)})`}`,
    );
  lines.push("");
  for (const warning of draft.warnings ?? []) lines.push(`> **Warning:** ${escapeMarkdownText(warning.message)}.`, "");
  const firstNames = stakeholderFirstNames(draft.items);
  for (const section of SECTION_KEYS) {
    const items = draft.items.filter((item) => item.section === section);
    lines.push(`## ${SECTIONS[section].title}`, "");
    const gaps = draft.gaps.filter((g) => g.section === section);
    if (items.length === 0) {
      const gap = gaps.find((g) => (g.id ?? g.section) === section);
      lines.push(
        `_Not stated in the sources._ Question for the AE: ${escapeMarkdownText(gap?.question ?? SECTIONS[section].gapQuestion)}`,
        "",
      );
    } else {
      for (const item of items) {
        const others = item.section === "stakeholders" ? firstNames.filter((first) => first !== firstNameOf(item)) : [];
        lines.push(...renderItem(item, others), "");
      }
    }
    // Contract fields no source states: one gap (and question) each in JSON, one line here.
    const fields = gaps.flatMap((g) => {
      const field = g.id?.split(".")[1];
      return field !== undefined && field in CONTRACT_FIELD_LABELS ? [CONTRACT_FIELD_LABELS[field as ContractField]] : [];
    });
    if (fields.length > 0) lines.push(`_No source states, question for the AE:_ ${fields.join("? ")}?`, "");
  }
  if (draft.needsChecking.length > 0) {
    lines.push("## Needs checking: claims the sources do not support", "");
    lines.push(
      "_These claims could not be verified against the source text, rest on instruction-like text aimed at an AI, or come only from a source that looks unrelated to the deal, and are not part of the handoff._",
      "",
    );
    for (const item of draft.needsChecking) lines.push(...renderItem(item), "");
  }
  const u = draft.usage;
  // The offline extractor never calls a model: its usage line would only say zero.
  if (draft.extractor.kind !== "offline" || u.llmCalls + u.cachedCalls > 0)
    lines.push(
      `---`,
      `LLM calls: ${u.llmCalls} (${u.cachedCalls} cached) · tokens: ${u.promptTokens} prompt, ${u.completionTokens} completion`,
    );
  return `${byFirstName(lines, draft).join("\n").trimEnd()}\n`;
}

/**
 * The people map names everyone in full; every other section calls them by first name, as the AE does (see
 * callByFirstName), and a person the map does not list is named in full the first time the draft names them.
 */
function byFirstName(lines: string[], draft: Pick<Draft, "items" | "needsChecking">): string[] {
  const items = [...draft.items, ...draft.needsChecking];
  const people = items.flatMap((item) => [
    typeof item.details?.name === "string" ? item.details.name : null,
    ...item.citations.map((c) => c.speaker),
  ]);
  const heading = `## ${SECTIONS.stakeholders.title}`;
  const start = lines.indexOf(heading);
  const end = start === -1 ? -1 : lines.findIndex((line, i) => i > start && line.startsWith("## "));
  const inPeopleMap = (i: number) => start !== -1 && i > start && (end === -1 || i < end);
  return callByFirstName(
    lines,
    people.filter((name): name is string => name !== null),
    undefined,
    inPeopleMap,
  );
}

function describeExtractor(draft: Pick<Draft, "extractor" | "usage">): string {
  const e = draft.extractor;
  if (e.kind === "offline") {
    return "Drafted offline by built-in rules; every quote is a source's own words (“…” marks a cut).";
  }
  return `Extracted by ${e.model ?? "an LLM"} (prompt ${e.promptVersion ?? "unversioned"}); every quote checked against the source text (“…” marks a cut).`;
}

/** The first names of the deal's stakeholders, read once per render (see pickShownCitations' `otherPeople`). */
function stakeholderFirstNames(items: DraftItem[]): string[] {
  return [...new Set(items.flatMap((item) => (item.section === "stakeholders" ? [firstNameOf(item)] : [])))].filter(
    (first): first is string => first !== null,
  );
}

function firstNameOf(item: DraftItem): string | null {
  return typeof item.details?.name === "string" ? (item.details.name.trim().split(/\s+/)[0] ?? null) : null;
}

function renderItem(item: DraftItem, otherPeople: string[] = []): string[] {
  const flags = item.flags && item.flags.length > 0 ? ` **[${item.flags.map(escapeMarkdownText).join(", ")}]**` : "";
  const status = item.status === "draft" ? "" : ` _(${item.status})_`;
  const { statement, dateShown } = showDueDate(escapeMarkdownText(displayStatement(item)), item.details ?? {});
  const lines = [`- ${statement}${describePerson(item)}${describeProgress(item, dateShown, statement)}${flags}${status}`];
  if (item.origin === "ae") lines.push("  - _provided by the AE; no source_");
  const checkReason = item.details?.needsCheckingReason;
  if (typeof checkReason === "string") lines.push(`  - _to check: ${escapeMarkdownText(checkReason)}_`);
  // File and speaker once per run of quotes from them: the header already names who said it. Quotes said at
  // the same moment share one line and one "where".
  // The strongest few quotes in full, the rest by where only (see pickShownCitations).
  const { shown, rest } = pickShownCitations(item, otherPeople);
  let previous: Citation | undefined;
  const speakers = new Set<string>();
  for (const run of shown) {
    const citation = run[0]!;
    // "Commitment in order-form.pdf", "Product, per order-form.pdf" already say where the first quote is from.
    const file = citation.filename ?? citation.sourceId;
    const sameFile =
      previous === undefined
        ? citation.match !== "unverified" && (statement.includes(`per ${file}`) || statement.includes(`in ${file}`))
        : previous.sourceId === citation.sourceId;
    // Who said it is left out where the line above says it, or the heading names them and no line has yet ("Ray,
    // answered by Priya"); a heading's person speaking again after someone else is named, so the line is never read as
    // the other person's.
    const knownSpeaker =
      citation.speaker !== null &&
      (previous?.speaker === citation.speaker || (statement.includes(citation.speaker) && !speakers.has(citation.speaker)));
    lines.push(`  - ${renderCitations(run, { file: !sameFile, speaker: !knownSpeaker })}`);
    if (citation.speaker !== null) speakers.add(citation.speaker);
    previous = run[run.length - 1];
  }
  const shownFiles = new Set(shown.map((run) => run[0]!.filename ?? run[0]!.sourceId));
  const also = renderWhereOnly(rest, previous, shownFiles);
  if (also !== "") lines.push(`  - also: ${also}`);
  return lines;
}

/**
 * Where quotes were said, each file once with its times: "email-thread.eml; pricing-call.vtt, 1:02, 1:43". Times in
 * the file of the line above come first, without its name, as a quote line's "— 3:44" does: "also: 3:51; call.vtt, 6:43".
 * A file a shown line is from, with no time to point to (a document's other lines), points nowhere new: left out.
 */
function renderWhereOnly(citations: Citation[], above: Citation | undefined, shownFiles: Set<string>): string {
  const byFile = new Map<string, string[]>();
  for (const c of citations) {
    const file = c.filename ?? c.sourceId;
    const times = byFile.get(file) ?? [];
    const time = c.startMs === null ? null : formatTimestamp(c.startMs);
    if (time !== null && !times.includes(time)) times.push(time);
    byFile.set(file, times);
  }
  const aboveFile = above === undefined ? undefined : (above.filename ?? above.sourceId);
  const aboveTimes = aboveFile === undefined ? [] : (byFile.get(aboveFile) ?? []);
  if (aboveTimes.length > 0) byFile.delete(aboveFile!);
  const groups = [...byFile].filter(([file, times]) => times.length > 0 || !shownFiles.has(file)).map(([file, times]) => [file, ...times]);
  return (aboveTimes.length > 0 ? [aboveTimes, ...groups] : groups).map((group) => group.map(escapeMarkdownText).join(", ")).join("; ");
}

/**
 * The statement without the verbatim quotes its citation lines print right under it, so the reviewer
 * reads each quote once; a statement that is only quotes keeps them.
 */
function displayStatement(item: DraftItem): string {
  let shown = item.statement;
  // Longest first, so a short quote ("In our TMS.") never takes a piece of a longer one.
  const quotes = item.citations
    .filter((c) => c.match !== "unverified")
    .map((c) => c.quote.replace(/\s+/g, " ").trim())
    .sort((a, b) => b.length - a.length);
  // A short quote ("In our TMS.") is taken only where a quotation opens with it, never from the label's words.
  for (const quote of quotes) shown = quote.length < 12 ? shown.replace(`“${quote}`, "“\u0000") : shown.replace(quote, "\u0000");
  // A statement cut short ends on the first words of a quote and "…": the line below prints that quote whole.
  shown = shown.replace(/(\u0000|“)([^\u0000“”]+)…”$/, (all, before: string, cut: string) =>
    cut.trim().length >= 12 && quotes.some((quote) => quote.startsWith(cut.trim())) ? `${before}\u0000”` : all,
  );
  shown = shown
    .replace(/“\s*(?:\u0000\s*)+”/g, "")
    .replace(/(?:\s*\u0000)+/g, " …")
    .replace(/\s+([:,.])/g, "$1")
    .replace(/:\s+\(/g, " (")
    .replace(/ {2,}/g, " ")
    .trim();
  const rest = shown.replace(/[\s:,.…“”]/g, "");
  if (rest === "") return item.statement;
  shown = shown.replace(/:$/, "");
  // "Ray Tanaka (mentioned by Nate Brennan)": each quote line below names who said it; the heading says who Ray is.
  return item.section === "stakeholders" ? shown.replace(/ \((?:mentioned by|in) [^()“”]+\)(?=$| ·)/, "") : shown;
}

/** A stakeholder's role, stance (with who said so when someone else did), email and contact preference. */
function describePerson(item: DraftItem): string {
  if (item.section !== "stakeholders") return "";
  const details = item.details ?? {};
  const parts: string[] = [];
  const role = roleWords(typeof details.role === "string" ? details.role : null);
  if (role !== null) parts.push(role);
  const evidence = details.stanceEvidence as { quote?: string; speaker?: string | null } | undefined;
  if (details.stance === "skeptical" || details.stance === "supportive") {
    const by =
      evidence?.quote && !isSamePerson(evidence.speaker ?? null, details.name)
        ? ` (${escapeMarkdownText(evidence.speaker ?? "a source")}: “${escapeMarkdownText(evidence.quote)}”)`
        : "";
    parts.push(`${details.stance}${by}`);
  }
  if (typeof details.email === "string" && !item.statement.includes(details.email)) parts.push(escapeMarkdownText(details.email));
  return parts.length === 0 ? "" : ` · ${parts.join(" · ")}`;
}

/** Whether a speaker label is the stakeholder: their name, or their first name alone ("Kevin" for Kevin Brown). */
function isSamePerson(speaker: string | null, name: unknown): boolean {
  if (speaker === null || typeof name !== "string") return false;
  return speaker === name || (!/\s/.test(speaker.trim()) && name.trim().split(/\s+/)[0] === speaker.trim());
}

/**
 * "(due Monday)" becomes "(due Monday, 2026-02-02)": the day as said and as a date, once. A day said with its month
 * ("due February 6th") is already a date: it becomes "due 2026-02-06" (the quote under it has the words said). A
 * delivered item shows no due day.
 */
function showDueDate(statement: string, details: Record<string, unknown>): { statement: string; dateShown: boolean } {
  if (typeof details.dueDate !== "string" || typeof details.due !== "string") return { statement, dateShown: false };
  const said = `due ${details.due}`;
  const at = statement.indexOf(said);
  // Done is done: when it was due no longer matters to the AE (the quote under it has the day said).
  if (readDeliveryEvidence(details) !== null) {
    if (at === -1) return { statement, dateShown: true };
    const end = at + said.length;
    const before = statement.slice(0, at).replace(/(?:,|\s\()\s*$/, "");
    const after = statement.slice(end).replace(/^\)/, "");
    return { statement: `${before}${after}`, dateShown: true };
  }
  if (at === -1) return { statement, dateShown: false };
  const end = at + said.length;
  if (NAMES_MONTH.test(details.due))
    return { statement: `${statement.slice(0, at)}due ${details.dueDate}${statement.slice(end)}`, dateShown: true };
  const date = statement[end] === ")" ? `, ${details.dueDate}` : ` (${details.dueDate})`;
  return { statement: `${statement.slice(0, end)}${date}${statement.slice(end)}`, dateShown: true };
}

const NAMES_MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)/i;

/** Due date and status of a promise, next step or objection, as the settle stage read them. */
function describeProgress(item: DraftItem, dateShown: boolean, statement: string): string {
  const details = item.details ?? {};
  const parts: string[] = [];
  if (typeof details.dueDate === "string" && !dateShown) parts.push(`due ${escapeMarkdownText(details.dueDate)}`);
  const evidence = readDeliveryEvidence(details);
  if (evidence !== null)
    parts.push(
      `done: “${escapeMarkdownText(showDeliveryWords(evidence.quote))}” (${escapeMarkdownText(evidence.filename ?? "a later source")})`,
    );
  else if (typeof details.status === "string" && details.status !== "open") {
    const label = escapeMarkdownText(statusWords(details.status));
    // "Ray Tanaka, answered by Priya Raman" already says it was answered.
    if (!statement.toLowerCase().includes(label)) parts.push(label);
  } else if (item.section === "objections" && details.status === "open") parts.push("open");
  return parts.length === 0 ? "" : ` · ${parts.join(" · ")}`;
}

function renderCitations(run: Citation[], show: { file: boolean; speaker: boolean }): string {
  const citation = run[0]!;
  const where = [
    show.file ? (citation.filename ?? citation.sourceId) : undefined,
    show.speaker ? (citation.speaker ?? undefined) : undefined,
    citation.startMs === null ? undefined : formatTimestamp(citation.startMs),
  ]
    .filter((part): part is string => Boolean(part))
    .map(escapeMarkdownText)
    .join(", ");
  if (citation.match === "unverified")
    return `⚠ unverified (${escapeMarkdownText(citation.reason ?? "not found")}): “${escapeMarkdownText(citation.quote)}” — ${where}`;
  // The JSON keeps every quote whole; the line shows its telling part (see narrowQuote), marked by "…" where cut.
  const quotes = run
    .map((c) => {
      const { shown, cut } = narrowQuote(c.quote);
      return `“${cut ? "…" : ""}${escapeMarkdownText(shown)}”`;
    })
    .join(" ");
  const matches = [...new Set(run.filter((c) => c.match !== "exact").map((c) => c.match))];
  const match = matches.length === 0 ? "" : ` (${matches.join(", ")} match)`;
  return where === "" ? `${quotes}${match}` : `${quotes} — ${where}${match}`;
}
