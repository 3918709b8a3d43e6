import { describeBasis, inline, renderReferences } from "./brief-markdown-text.ts";
import { tellingQuote } from "./build-brief-summary.ts";
import { renderOpening } from "./render-brief-opening.ts";
import { narrowQuote, showDeliveryWords } from "./narrow-quote.ts";
import type { Brief, BriefCitation, BriefItem, BriefMilestone, BriefPromise, BriefRisk, BriefStakeholder } from "./brief.ts";
import { fieldNameStandsForLabel, withoutHeadingWords, withoutNamedOwner, withoutSaidDue } from "./brief-labels.ts";
import { callByFirstName } from "./call-by-first-name.ts";
import { restatesHeading } from "./restates-heading.ts";
import { roleWords } from "../domain/stakeholder-role-words.ts";

/** The brief as Markdown for the CSM: a draft says so at the top and on every item; every item keeps its citations. */
export function renderBriefMarkdown(brief: Brief): string {
  const lines: string[] = [`# Pre-kickoff brief: ${inline(brief.account)}`, ""];
  lines.push(brief.status === "draft" ? `> **${inline(brief.notice)}**` : `> ${inline(brief.notice)}`, "");
  const team = brief.team;
  lines.push(
    `**Close date:** ${brief.closeDate ?? "not set"} · **AE:** ${team.ae ? inline(team.ae.name) : "unknown"} · ` +
      `**CSM:** ${team.csm ? inline(team.csm.name) : "not assigned"} · generated ${brief.generatedAt}`,
    "",
  );

  const opening = renderOpening(brief, indexItems(brief));
  lines.push(...opening.summary, "## Confirm with the customer", "", ...opening.opener);
  // What the two sentences above quote is cited by their markers: the lists show the rest.
  const confirmList = (heading: string, items: BriefItem[], render = (i: BriefItem) => renderItem(i)) => {
    const rest = items.filter((i) => !opening.shownAbove.has(i.itemId));
    section(lines, heading, rest, render, items.length > 0 ? "_Quoted above._" : undefined);
  };
  confirmList("### What they want", brief.confirm.whatTheyWant);
  confirmList("### For whom (the account)", brief.confirm.forWhom, (i) => renderItem(fullestFirst(i)));
  confirmList("### What success looks like", brief.confirm.successLooksLike);

  lines.push(...renderPromises(brief.promises));
  lines.push("## Stakeholders", "");
  if (brief.stakeholders.length === 0) lines.push("_Nothing in the handoff._", "");
  for (const person of brief.stakeholders) lines.push(...renderStakeholder(person), "");
  lines.push("## Risks to watch", "");
  if (brief.risks.length === 0) lines.push("_Nothing in the handoff._", "");
  else lines.push(...renderRisks(brief.risks), "");

  // A step due before the deal's latest source belongs to the sale: the draft lists it for the AE to check.
  const past = brief.nextSteps.filter((n) => n.status === "past").length;
  section(
    lines,
    "## Next steps and open items",
    brief.nextSteps.filter((n) => n.status !== "past"),
    (n) =>
      renderItem(
        n,
        [
          ...(n.owner && n.statement.includes(n.owner) ? [] : [`owner: ${n.owner ? inline(n.owner) : "not stated"}`]),
          // As for promises, only a stated due day is worth a line: the agenda asks for the missing ones.
          ...(n.due && !n.statement.includes(n.due) ? [`due: ${inline(n.due)}`] : []),
        ],
        { label: true, due: n.due, owner: n.owner },
      ),
  );
  if (past > 0) lines.push(`_${past === 1 ? "One step was" : `${past} steps were`} due before the latest source: see the draft._`, "");

  // An empty list of open questions tells the CSM nothing: the section is shown only when there are some.
  if (brief.openQuestions.length > 0) lines.push("## Open questions", "");
  for (const q of brief.openQuestions) {
    const marker = q.basis === "draft" ? " _[DRAFT]_" : "";
    lines.push(`- **${q.title}:** ${inline(q.question)}${marker}`);
    lines.push(q.aeSays === null ? "  - _unanswered_" : `  - AE says: ${inline(q.aeSays)} _(provided by the AE, not from a source)_`);
  }
  if (brief.openQuestions.length > 0) lines.push("");

  // The parts above name each person in full once, then by first name; the agenda, email and timeline are left whole
  // (the email is the AE's to send as written).
  const body = byFirstName(lines, peopleOf(brief));
  lines.splice(0, lines.length, ...body);

  // One line per part of the meeting: its points are guidance, the facts are the items above.
  lines.push("## Kickoff agenda", "");
  for (const [i, part] of brief.kickoffAgenda.entries()) lines.push(`${i + 1}. **${part.title}:** ${part.points.map(inline).join(" ")}`);
  lines.push("");

  const email = brief.introEmail;
  lines.push(`## Warm introduction email (AE to send${email.sendBy ? ` by ${email.sendBy}` : ""})`, "");
  // One marker for the whole email of a draft brief; the notes below it say what to check.
  if (email.basis === "draft") lines.push("_[DRAFT]_", "");
  lines.push(`**To:** ${email.to.map(inline).join(", ") || "[customer contact]"}  `);
  lines.push(`**Cc:** ${email.cc.map(inline).join(", ") || "none"}  `);
  lines.push(`**Subject:** ${inline(email.subject)}`, "");
  for (const line of email.body.split("\n")) lines.push(line === "" ? ">" : `> ${inline(line)}`);
  lines.push("");
  for (const note of [...email.missing.map((m) => `Fill in: ${m}.`), ...email.notesForAe]) lines.push(`- ${inline(note)}`);
  if (email.missing.length + email.notesForAe.length > 0) lines.push("");

  lines.push("## Handoff timeline", "", "| Milestone | Owner | Due | State |", "|---|---|---|---|");
  // The Due column says when: "(within 24 h)" in a step's title says it again, unless there is no close date.
  for (const m of brief.timeline.milestones) {
    const title = m.dueBy === null ? m.title : m.title.replace(/\s*\([^)]*\)$/, "");
    lines.push(`| ${title} | ${m.owner} | ${describeDue(m)} | ${describeState(m)} |`);
  }
  lines.push("");
  return `${lines.join("\n")}\n`;
}

/** Each "## " part of the brief with its people named in full once, then by first name (see callByFirstName). */
function byFirstName(lines: string[], people: string[]): string[] {
  return callByFirstName(lines, people, (line) => line.startsWith("## "));
}

/** Everyone the brief may name: the team, the stakeholders and every speaker it cites. */
function peopleOf(brief: Brief): string[] {
  const cited = [...indexItems(brief).values()].flatMap((item) => item.citations.map((c) => c.speaker));
  return [brief.team.ae?.name, brief.team.csm?.name, ...brief.stakeholders.map((s) => s.name), ...cited]
    .filter((name): name is string => typeof name === "string")
    .map(inline);
}

function section<T extends BriefItem>(
  lines: string[],
  heading: string,
  items: T[],
  render: (item: T) => string[],
  empty = "_Nothing in the handoff._",
): void {
  lines.push(heading, "");
  if (items.length === 0) lines.push(empty, "");
  for (const item of items) lines.push(...render(item));
  if (items.length > 0) lines.push("");
}

/**
 * The promises still to honour, each with its due day, then those a later source says were done (or superseded),
 * one line each under one heading: the later source's words and where, so the CSM can check it.
 */
function renderPromises(promises: BriefPromise[]): string[] {
  const settled = promises.filter((p) => p.status === "done" || p.status === "superseded");
  const open = promises.filter((p) => !settled.includes(p));
  const lines: string[] = [];
  section(
    lines,
    "## Promises to honour",
    open,
    (p) =>
      renderItem(
        p,
        // What the statement already says ("Dana Whitlock committed (due Monday)") is not said again.
        [
          ...(p.owner && p.statement.includes(p.owner) ? [] : [`owner: ${p.owner ? inline(p.owner) : "not stated (ask the AE)"}`]),
          ...dueFacts(p),
          ...(p.promisedTo ? [`to: ${inline(p.promisedTo)}`] : []),
          ...(p.unrealistic && !p.flags.includes("unrealistic") ? ["**looks unrealistic**"] : []),
        ],
        // What was promised is shown whole: "plus…" would hide the recorded sessions the CSM must deliver.
        { label: true, cut: false, due: p.due },
      ),
    settled.length > 0 ? "_None open._" : undefined,
  );
  if (settled.length === 0) return lines;
  if (open.length > 0) lines.pop();
  lines.push(settled.some((p) => p.status === "superseded") ? "- Done or superseded:" : "- Done already:");
  for (const p of settled) {
    const evidence = p.doneEvidence;
    if (evidence === null) {
      const statusWords = p.status === "superseded" ? "Superseded: " : "Done: ";
      lines.push(...renderItem({ ...p, statement: `${statusWords}${p.statement}` }).map((line) => `  ${line}`));
      continue;
    }
    lines.push(`  - “${inline(showDeliveryWords(evidence.quote))}” — ${inline(evidence.file)}${describeBasis(p)}`);
  }
  lines.push("");
  return lines;
}

/**
 * A promise's due day, once: the calendar date when the words shown do not name one ("this week" said on
 * 2026-01-13 is due 2026-01-16), else the day as said when the statement does not hold it, else nothing.
 */
function dueFacts(p: BriefPromise): string[] {
  const words = `${p.statement} ${tellingQuote(p.citations, "", { cut: false })}`;
  if (p.dueDate !== null) return namesCalendarDay(words) ? [] : [`due ${p.dueDate}`];
  // A promise without a date is common (a discount, a waived fee): only a stated one is worth a line.
  return p.due && !p.statement.includes(p.due) ? [`due: ${inline(p.due)}`] : [];
}

function namesCalendarDay(text: string): boolean {
  return (
    /\d{4}-\d{2}-\d{2}/.test(text) ||
    /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/i.test(text)
  );
}

function renderStakeholder(person: BriefStakeholder): string[] {
  const who = person.name ? `**${inline(person.name)}**${person.title ? `, ${inline(person.title)}` : ""}` : "**(no name given)**";
  const stance = person.stance === "mixed" ? `mixed (${person.stances.join(", ")})` : person.stance;
  // Every item under the person says DRAFT; the person's line, their heading, says it when there is none.
  const marker = person.basis === "draft" && person.items.length === 0 ? " _[DRAFT]_" : "";
  const role = roleWords(person.role) ?? (person.role === null || person.role === "other" ? "role not stated" : inline(person.role));
  const heading = `${who} · ${role}${stance === "unknown" ? "" : ` · ${inline(stance)}`}`;
  const lines = [`- ${heading}${marker}`];
  for (const care of person.caresAbout) lines.push(`  - cares about: ${inline(care)}`);
  // "Oh, and for anything quick, just text me": the spoken lead-in says nothing of the preference.
  for (const preference of person.contactPreferences) lines.push(`  - prefers: ${inline(narrowQuote(preference).shown)}`);
  // The person is named above: each item shows its words and where they were said, a quote the lines above
  // already show last, and an item that only restates the name and title as its quote and where it was said.
  const shown = [...person.caresAbout, ...person.contactPreferences].join(" ");
  let folded = false;
  for (const item of person.items) {
    const citations = [...item.citations.filter((c) => !shown.includes(c.quote)), ...item.citations.filter((c) => shown.includes(c.quote))];
    // A statement quoting the person's words keeps the name: it picks the clause that names them.
    const statement = /“[^”]*”/.test(item.statement) ? item.statement : withoutPerson(item.statement, person);
    const words =
      citations.length === 0
        ? null
        : statement === ""
          ? narrowQuote(citations[0]!.quote).shown
          : quoting(statement)
            ? tellingQuote(citations, labelOf(statement))
            : null;
    // "Vince Caruso, VP of Terminal Operations" under that very heading says nothing new: the line shows the item's
    // first quote that does ("The dispatchers report up through me"), else the heading says where it was said.
    const about = `${person.name ?? ""} ${person.title ?? ""} ${role} ${stance}`;
    if (words !== null && restatesHeading(words, about)) {
      const telling = citations.find((c) => !shown.includes(c.quote) && !restatesHeading(narrowQuote(c.quote).shown, about));
      if (telling !== undefined) {
        const where = renderReferences([telling, ...citations.filter((c) => c !== telling)], person.name ?? "");
        const { shown: said, cut } = narrowQuote(telling.quote);
        lines.push(`  - “${cut ? "…" : ""}${inline(said)}” — ${where}${describeBasis(item)}`);
        continue;
      }
      if (!folded) {
        folded = true;
        lines[0] = `- ${heading} — ${renderReferences(citations, person.name ?? "")}${describeBasis(item)}`;
        continue;
      }
    }
    if (statement === "" && citations.length > 0) {
      const { shown: words, cut } = narrowQuote(citations[0]!.quote);
      const where = renderReferences(citations, person.name ?? "");
      lines.push(`  - “${cut ? "…" : ""}${inline(words)}” — ${where}${describeBasis(item)}`);
      continue;
    }
    lines.push(...renderItem({ ...item, statement, citations }, [], { label: false, person: person.name }).map((line) => `  ${line}`));
  }
  return lines;
}

/**
 * A stakeholder item's statement without the person's name the heading shows: "Keisha Dunmore, runs a pod"
 * gives "runs a pod"; "Nate Brennan (Director of Customer Service)" under that title gives "".
 */
function withoutPerson(statement: string, person: BriefStakeholder): string {
  if (person.name === null || !statement.startsWith(person.name)) return statement;
  const rest = statement
    .slice(person.name.length)
    .replace(/^[\s,:;·-]+/, "")
    .trim();
  const title = person.title ?? "";
  if (rest === "" || (title !== "" && rest.replace(/^\(|\)$|[.]$/g, "") === title)) return "";
  return rest;
}

/**
 * The risks, most severe first, then the objections answered with no push-back, one line each under one heading
 * line: who raised it (the speaker of the first time given), their words, and where (the answer is the later time).
 */
function renderRisks(risks: BriefRisk[]): string[] {
  const answered = risks.filter((r) => r.objectionStatus === "answered");
  const lines = risks
    .filter((r) => !answered.includes(r))
    .flatMap((r) => renderItem(r.objectionStatus === null ? r : { ...r, statement: asObjection(r.statement) }, riskFacts(r)));
  if (answered.length === 0) return lines;
  lines.push("- Objections answered; may come back:");
  for (const r of answered) lines.push(...renderItem(r, riskFacts(r), { label: "speaker" }).map((line) => `  ${line}`));
  return lines;
}

/**
 * An objection among the risks says it is one: the draft's label ("Gloria Mendez: …") leaves that to its section
 * heading, which the brief's risk list does not have.
 */
function asObjection(statement: string): string {
  if (statement.startsWith("In ")) return `Objection in ${statement.slice(3)}`;
  // The offline label names who raised it before a colon; a model's statement is a sentence of its own.
  return WHO_LABEL.test(statement) ? `Objection from ${statement}` : `Objection: ${statement}`;
}

// "Gloria Mendez: “…”" or "Ray Tanaka, answered by Priya Raman: “…”".
const WHO_LABEL = /^\p{Lu}[^:.!?“”]{0,80}:/u;

function riskFacts(r: BriefRisk): string[] {
  return [
    ...(r.alsoListedAs.length > 0 ? [`also ${r.alsoListedAs.map((reason) => RISK_WORDS[reason]).join(", ")}`] : []),
    // A contradiction is always high severity: its flag says so.
    ...(r.severity && !r.flags.includes("contradiction") ? [`${r.severity} severity`] : []),
    // "involves Elaine Kovac, Nate Brennan" says nothing the line does not when it names them all.
    ...(r.detail && !namesOnlyWhatLineShows(r) ? [inline(r.detail)] : []),
  ];
}

/**
 * An account item with its fullest line first: of the order form's contract dates the term ("12 months, February
 * 16, 2026 to February 15, 2027") tells the CSM more than the order date, so the line shows it.
 */
function fullestFirst(item: BriefItem): BriefItem {
  const facts = (quote: string) =>
    quote.match(/\d+(?:[.,]\d+)*|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi)?.length ?? 0;
  return { ...item, citations: [...item.citations].sort((a, b) => facts(b.quote) - facts(a.quote)) };
}

/** Whether a risk's "involves …" names only people its statement, quotes or speakers already name. */
function namesOnlyWhatLineShows(risk: BriefRisk): boolean {
  const involves = /^involves (.+)$/.exec(risk.detail ?? "");
  if (involves === null) return false;
  const line = [risk.statement, ...risk.citations.map((c) => `${c.speaker ?? ""} ${c.quote}`)].join(" ");
  return involves[1]!.split(/,\s*/).every((name) => line.includes(name) || line.includes(name.split(" ")[0]!));
}

/** Every item the brief shows in full, by id, so the opening sentence's markers can say where its words were said. */
function indexItems(brief: Brief): Map<string, BriefItem> {
  const all: BriefItem[] = [
    ...brief.confirm.whatTheyWant,
    ...brief.confirm.forWhom,
    ...brief.confirm.successLooksLike,
    ...brief.promises,
    ...brief.stakeholders.flatMap((person) => person.items),
    ...brief.risks,
    ...brief.nextSteps,
  ];
  return new Map(all.map((item) => [item.itemId, item]));
}

/**
 * One item on one line where it can be: its statement (a statement made of quotes shows its label and the
 * telling clause of its quotes) and where each quote was said; a statement that holds no quote shows the first
 * quote in full under it.
 */
function renderItem(
  item: BriefItem,
  facts: string[] = [],
  // label "speaker": the first quote's speaker stands for the statement's label ("Ray Tanaka: “…”").
  options: { label: boolean | "speaker"; person?: string | null; cut?: boolean; due?: string | null; owner?: string | null } = {
    label: true,
  },
): string[] {
  const flags = item.flags.length > 0 ? ` **[${item.flags.map(inline).join(", ")}]**` : "";
  const [first, ...rest] = item.citations;
  const quoting = first !== undefined && /“[^”]*”/.test(item.statement);
  const label = labelOf(item.statement);
  // Under a stakeholder the line that names the person tells most; elsewhere the numbers do.
  const words = quoting ? `“${tellingQuote(item.citations, options.label ? "" : label, { cut: options.cut ?? true })}”` : "";
  const lead = options.label === "speaker" ? first?.speaker : options.label ? shortLabel(item, label, words, options) : null;
  const shown = quoting ? (lead ? `${lead}: ${words}` : words) : item.statement;
  // "per order-form.pdf: “…”" already says where: no empty "—" after it.
  const references = quoting ? renderReferences(item.citations, shown) : "";
  const where = references === "" ? "" : ` — ${references}`;
  const inlineFacts = facts.length > 0 && quoting ? ` · ${facts.join(" · ")}` : "";
  const lines = [`- ${inline(shown)}${where}${flags}${inlineFacts}${describeBasis(item)}`];
  if (facts.length > 0 && !quoting) lines.push(`  - ${facts.join(" · ")}`);
  if (item.origin === "ae") lines.push("  - _provided by the AE; no source_");
  if (first !== undefined && !quoting) {
    lines.push(`  - ${renderCitation(first, options.person ?? null)}`);
    // The line above named the first quote's file: "also: 6:43; order-form.pdf" goes on from it.
    if (rest.length > 0) lines.push(`  - also: ${renderReferences(rest, shown, { speakers: false, after: first })}`);
  }
  return lines;
}

/**
 * The label as the brief shows it before the words: without a due day or owner the words say, without what the
 * heading says, and none at all when a document line's field name says what it is (see brief-labels.ts).
 */
function shortLabel(item: BriefItem, label: string, words: string, options: { due?: string | null; owner?: string | null }): string | null {
  const short = withoutHeadingWords(
    withoutNamedOwner(withoutSaidDue(label, options.due ?? null, words), options.owner ?? null, words),
    words,
  );
  const first = item.citations[0];
  if (first === undefined) return short;
  // "Per Dana Whitlock" before Dana's own words: the "where" names her instead.
  if (short === `Per ${first.speaker}`) return null;
  return first.speaker === null && fieldNameStandsForLabel(short, words, first.file, item.section) ? null : short;
}

function quoting(statement: string): boolean {
  return /“[^”]*”/.test(statement);
}

/** A statement without its quotations: the label an item is known by where it is shown in full elsewhere. */
function labelOf(statement: string): string {
  // Quotations after a colon are the words themselves; one in parentheses ("“he” is Sam") is part of the label.
  const label = statement
    .replace(/:\s*“[^”]*”(?:\s*“[^”]*”)*/g, "")
    .replace(/\s+([,.])/g, "$1")
    .trim();
  return label === "" ? statement : label;
}

const RISK_WORDS: Record<BriefRisk["reason"], string> = {
  redFlag: "a red flag",
  contradiction: "a contradiction",
  unresolvedObjection: "an open objection",
  politicalDynamics: "political dynamics",
};

/** A quote and where it was said; the speaker is left out under their own name (`person`). */
function renderCitation(citation: BriefCitation, person: string | null = null): string {
  const where = [citation.file, citation.speaker === person ? null : citation.speaker, citation.time]
    .filter((part): part is string => part !== null)
    .map(inline)
    .join(", ");
  const match = citation.match === "exact" ? "" : ` (${citation.match} match)`;
  // The telling part of a verified quote, as in the draft (see narrowQuote); the JSON keeps it whole.
  const { shown, cut } = narrowQuote(citation.quote);
  return `“${cut ? "…" : ""}${inline(shown)}” — ${where}${match}`;
}

function describeDue(m: BriefMilestone): string {
  if (m.dueBy === null) return "no close date";
  const due = m.dueFrom !== null && m.dueFrom !== m.dueBy && m.key === "kickoff" ? `${m.dueFrom} to ${m.dueBy}` : `by ${m.dueBy}`;
  if (m.scheduledFor === null) return due;
  const outside = m.dueFrom !== null && m.dueBy !== null && (m.scheduledFor < m.dueFrom || m.scheduledFor > m.dueBy);
  return `${due} (scheduled ${m.scheduledFor}${outside ? ", **outside this window**" : ""})`;
}

function describeState(m: BriefMilestone): string {
  const state = m.state === "done" ? `done ${m.doneAt ?? ""}${m.late ? " (late)" : ""}` : m.state === "overdue" ? "**overdue**" : m.state;
  return m.tracked || m.state === "done" ? state : `${state} (not recorded in Baton)`;
}
