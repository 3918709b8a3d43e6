import { escapeMarkdownText } from "./escape-markdown-text.ts";
import type { Brief, BriefAgendaSection, BriefCitation, BriefItem, BriefMilestone, BriefStakeholder } from "./brief.ts";

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

  lines.push("## Confirm with the customer", "");
  if (brief.confirm.opener) lines.push(`Open the kickoff with: _${inline(brief.confirm.opener)}_`, "");
  else lines.push("_The handoff says neither what they want nor what success looks like: ask both._", "");
  section(lines, "### What they want", brief.confirm.whatTheyWant, (i) => renderItem(i));
  section(lines, "### For whom (the account)", brief.confirm.forWhom, (i) => renderItem(i));
  section(lines, "### What success looks like", brief.confirm.successLooksLike, (i) => renderItem(i));

  section(lines, "## Promises to honour", brief.promises, (p) =>
    renderItem(p, [
      `owner: ${p.owner ? inline(p.owner) : "not stated (ask the AE)"}`,
      `due: ${p.due ? inline(p.due) : "not stated"}`,
      ...(p.promisedTo ? [`to: ${inline(p.promisedTo)}`] : []),
      ...(p.unrealistic ? ["**looks unrealistic**"] : []),
    ]),
  );
  lines.push("## Stakeholders", "");
  if (brief.stakeholders.length === 0) lines.push("_Nothing in the handoff._", "");
  for (const person of brief.stakeholders) lines.push(...renderStakeholder(person), "");
  section(lines, "## Risks to watch", brief.risks, (r) =>
    renderItem(r, [
      [r.reason, ...r.alsoListedAs].join(" + "),
      ...(r.severity ? [`severity ${r.severity}`] : []),
      ...(r.detail ? [inline(r.detail)] : []),
    ]),
  );

  section(lines, "## Next steps and open items", brief.nextSteps, (n) =>
    renderItem(n, [`owner: ${n.owner ? inline(n.owner) : "not stated"}`, `due: ${n.due ? inline(n.due) : "not stated"}`]),
  );

  lines.push("## Open questions", "");
  if (brief.openQuestions.length === 0) lines.push("_None: every section of the handoff is filled._");
  for (const q of brief.openQuestions) {
    const marker = q.basis === "draft" ? " _[DRAFT]_" : "";
    lines.push(`- **${q.title}:** ${inline(q.question)}${marker}`);
    lines.push(q.aeSays === null ? "  - _unanswered_" : `  - AE says: ${inline(q.aeSays)} _(provided by the AE, not from a source)_`);
  }
  lines.push("");

  lines.push("## Kickoff agenda", "");
  const byId = indexItems(brief);
  for (const [i, part] of brief.kickoffAgenda.entries()) lines.push(...renderAgendaSection(i + 1, part, byId));

  const email = brief.introEmail;
  lines.push(`## Warm introduction email (for the AE to send${email.sendBy ? ` by ${email.sendBy}` : ""})`, "");
  if (email.basis === "draft") lines.push("_[DRAFT] built from the unapproved draft._", "");
  lines.push(`**To:** ${email.to.map(inline).join(", ") || "[customer contact]"}  `);
  lines.push(`**Cc:** ${email.cc.map(inline).join(", ") || "none"}  `);
  lines.push(`**Subject:** ${inline(email.subject)}`, "");
  for (const line of email.body.split("\n")) lines.push(line === "" ? ">" : `> ${inline(line)}`);
  lines.push("");
  for (const note of [...email.missing.map((m) => `Fill in: ${m}.`), ...email.notesForAe]) lines.push(`- ${inline(note)}`);
  if (email.missing.length + email.notesForAe.length > 0) lines.push("");

  lines.push("## Handoff timeline", "", "| Milestone | Owner | Due | State |", "|---|---|---|---|");
  for (const m of brief.timeline.milestones) lines.push(`| ${m.title} | ${m.owner} | ${describeDue(m)} | ${describeState(m)} |`);
  lines.push("");
  return `${lines.join("\n")}\n`;
}

function section<T extends BriefItem>(lines: string[], heading: string, items: T[], render: (item: T) => string[]): void {
  lines.push(heading, "");
  if (items.length === 0) lines.push("_Nothing in the handoff._", "");
  for (const item of items) lines.push(...render(item));
  if (items.length > 0) lines.push("");
}

function renderStakeholder(person: BriefStakeholder): string[] {
  const who = person.name ? `**${inline(person.name)}**${person.title ? `, ${inline(person.title)}` : ""}` : "**(no name given)**";
  const stance = person.stance === "mixed" ? `mixed (${person.stances.join(", ")})` : person.stance;
  const marker = person.basis === "draft" ? " _[DRAFT]_" : "";
  const lines = [`- ${who} · role: ${person.role ?? "not stated"} · stance: ${inline(stance)}${marker}`];
  for (const care of person.caresAbout) lines.push(`  - cares about: ${inline(care)}`);
  for (const preference of person.contactPreferences) lines.push(`  - prefers: ${inline(preference)}`);
  for (const item of person.items) lines.push(...renderItem(item).map((line) => `  ${line}`));
  return lines;
}

/** Every item the brief shows in full, by id, so the agenda can name them without repeating their citations. */
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

function renderAgendaSection(n: number, part: BriefAgendaSection, byId: Map<string, BriefItem>): string[] {
  const lines = [`### ${n}. ${part.title}`, ""];
  for (const point of part.points) lines.push(`- ${inline(point)}`);
  for (const id of part.itemIds) {
    const item = byId.get(id);
    if (item) lines.push(`  - ${inline(item.statement)}${describeBasis(item)}`);
  }
  lines.push("");
  return lines;
}

function renderItem(item: BriefItem, facts: string[] = []): string[] {
  const flags = item.flags.length > 0 ? ` **[${item.flags.map(inline).join(", ")}]**` : "";
  const lines = [`- ${inline(item.statement)}${flags}${describeBasis(item)}`];
  if (facts.length > 0) lines.push(`  - ${facts.join(" · ")}`);
  if (item.origin === "ae") lines.push("  - _provided by the AE; no source_");
  for (const citation of item.citations) lines.push(`  - ${renderCitation(citation)}`);
  return lines;
}

function describeBasis(item: BriefItem): string {
  if (item.basis === "approved") return "";
  const review =
    item.reviewStatus === "approved" ? "checked by the AE" : item.reviewStatus === "edited" ? "edited by the AE" : "not reviewed";
  return ` _[DRAFT · ${review}]_`;
}

function renderCitation(citation: BriefCitation): string {
  const where = [citation.file, citation.speaker, citation.time]
    .filter((part): part is string => part !== null)
    .map(inline)
    .join(", ");
  const match = citation.match === "exact" ? "" : ` (${citation.match} match)`;
  return `“${inline(citation.quote)}” — ${where}${match}`;
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

/** Item text on one line, inert as Markdown (see escapeMarkdownText), with table pipes escaped too. */
function inline(text: string): string {
  return escapeMarkdownText(text).replace(/\|/g, "\\|");
}
