import type {
  Brief,
  BriefBasis,
  BriefInput,
  BriefItem,
  BriefOpenQuestion,
  BriefPromise,
  BriefSourceItem,
  BriefStakeholder,
} from "./brief.ts";
import { detailText, inSection, readCalendarDate, selectUsableItems, toBriefItem, trimStatement } from "./brief-items.ts";
import { collectRisks } from "./collect-risks.ts";
import { buildBriefSummary, tellingQuote } from "./build-brief-summary.ts";
import { groupStakeholders } from "./group-stakeholders.ts";
import { buildKickoffAgenda } from "./build-kickoff-agenda.ts";
import { buildHandoffTimeline } from "./build-handoff-timeline.ts";
import { draftIntroEmail } from "./draft-intro-email.ts";
import { SECTIONS } from "../domain/sections.ts";
import { mentionsKickoff } from "../domain/handoff-fields.ts";
import { type DeliveryEvidence, readDeliveryEvidence } from "../domain/delivery-evidence.ts";

/**
 * The CSM's pre-kickoff brief of one deal, from an approved version or (marked as such at the top and on
 * every item) the unapproved draft. Pure: only verified, non-rejected items, each with its citations.
 */
export function buildBrief(input: BriefInput): Brief {
  const basis: BriefBasis = input.approval === null ? "draft" : "approved";
  const items = selectUsableItems(input.items);
  const view = (item: BriefSourceItem) => toBriefItem(item, basis);
  const stakeholders = groupStakeholders(inSection(items, "stakeholders"), view, basis);
  const want = inSection(items, "whyTheyBought");
  const success = inSection(items, "successCriteria");
  const opener = composeOpener(input.deal.account, want, success, stakeholders);
  const kickoff = findKickoff(inSection(items, "nextSteps"), input.deal.closeDate);
  const kickoffScheduledFor = kickoff?.date ?? null;
  const risks = collectRisks(items, view);
  return {
    dealId: input.deal.id,
    account: input.deal.account,
    closeDate: input.deal.closeDate,
    status: basis,
    version: input.approval?.version ?? null,
    approvedAt: input.approval?.approvedAt ?? null,
    notice:
      input.approval === null
        ? "DRAFT: not yet approved; confirm any item with the AE before relying on it."
        : `Built from approved handoff version ${input.approval.version}, approved ${input.approval.approvedAt}.`,
    generatedAt: input.now.toISOString(),
    team: { ae: input.ae, csm: input.csm },
    summary: buildBriefSummary(input.deal.account, items, risks),
    confirm: {
      opener: opener?.text ?? null,
      openerItemIds: opener?.itemIds ?? [],
      whatTheyWant: want.map(view),
      forWhom: inSection(items, "accountOverview").map(view),
      successLooksLike: success.map(view),
    },
    promises: inSection(items, "promises").map((item) => toPromise(item, view(item))),
    stakeholders,
    risks,
    nextSteps: inSection(items, "nextSteps").map((item) => ({
      ...view(item),
      action: detailText(item, "action"),
      owner: detailText(item, "owner"),
      due: detailText(item, "due"),
      status: detailText(item, "status"),
    })),
    openQuestions: input.gaps.map(
      (gap): BriefOpenQuestion => ({
        section: gap.section,
        title: SECTIONS[gap.section].title,
        question: gap.question,
        basis,
        state: gap.answer ? "answeredByAe" : "unanswered",
        aeSays: gap.answer?.answer ?? null,
        answeredAt: gap.answer?.answeredAt ?? null,
      }),
    ),
    kickoffAgenda: buildKickoffAgenda({
      items,
      stakeholders,
      ae: input.ae,
      csm: input.csm,
      closeDate: input.deal.closeDate,
    }),
    introEmail: draftIntroEmail({
      account: input.deal.account,
      closeDate: input.deal.closeDate,
      ae: input.ae,
      csm: input.csm,
      basis,
      items,
      stakeholders,
      kickoff,
    }),
    timeline: buildHandoffTimeline({
      closeDate: input.deal.closeDate,
      documentApprovedAt: input.firstApprovedAt ?? input.approval?.approvedAt ?? null,
      kickoffScheduledFor,
      milestonesDone: input.milestonesDone ?? {},
      now: input.now,
    }),
  };
}

function toPromise(item: BriefSourceItem, view: BriefItem): BriefPromise {
  return {
    ...view,
    what: detailText(item, "what"),
    owner: detailText(item, "promisedBy"),
    promisedTo: detailText(item, "promisedTo"),
    due: detailText(item, "due"),
    unrealistic: item.details?.looksUnrealistic === true || view.flags.includes("unrealistic"),
    dueDate: readIsoDay(detailText(item, "dueDate")),
    status: detailText(item, "status"),
    doneEvidence: toDoneEvidence(readDeliveryEvidence(item.details)),
  };
}

function toDoneEvidence(evidence: DeliveryEvidence | null): BriefPromise["doneEvidence"] {
  if (evidence === null) return null;
  return { quote: evidence.quote, file: evidence.filename ?? evidence.sourceId ?? "a later source", sourceId: evidence.sourceId };
}

function readIsoDay(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/**
 * "I understand you want X for Y, and success looks like Z - is that right?", quoting the items verbatim so
 * nothing is invented; null when the handoff says neither what they want nor what success looks like.
 */
function composeOpener(
  account: string,
  want: BriefSourceItem[],
  success: BriefSourceItem[],
  stakeholders: BriefStakeholder[],
): { text: string; itemIds: string[] } | null {
  const why = want.find((i) => detailText(i, "kind") === "pain") ?? want.find((i) => detailText(i, "kind") === "trigger") ?? want[0];
  const goals = success.slice(0, 2);
  if (why === undefined && goals.length === 0) return null;
  const champion = stakeholders.find((s) => s.role === "champion" && s.name !== null);
  const quoteOf = (item: BriefSourceItem) => `“${spokenWords(item)}”`;
  // The champion's title is the stakeholder list's: the opener, said aloud to the customer, names them only.
  const forWhom = `for ${account}${champion ? `, with ${champion.name} as your champion` : ""}`;
  const successText = goals.map(quoteOf).join(" and ");
  const text =
    why === undefined
      ? `I understand that, ${forWhom}, success looks like ${successText}. Is that right?`
      : `I understand you want to fix this: ${quoteOf(why)}, ${forWhom}` +
        `${goals.length > 0 ? `, and success looks like ${successText}` : ""}. Is that right?`;
  const itemIds = [...(why ? [why.id] : []), ...(champion?.items[0] ? [champion.items[0].itemId] : []), ...goals.map((g) => g.id)];
  return { text, itemIds };
}

/**
 * The words to quote: a statement that frames verbatim quotes (the offline extractor's "Pain, per Nate: “…”")
 * gives the telling clause of its quotes, so the opener stays a sentence one says aloud; any other statement
 * is used whole, without its closing punctuation.
 */
function spokenWords(item: BriefSourceItem): string {
  if (!/“[^”]+”/.test(item.statement)) return trimStatement(item.statement);
  const quoted = item.citations.filter((c) => c.match !== "unverified");
  return quoted.length > 0 ? tellingQuote(quoted) : trimStatement(item.statement);
}

/** The kickoff date a next-step item gives as its due date ("Kickoff is on 17 February", due "Tuesday, February 17"), if any. */
function findKickoff(nextSteps: BriefSourceItem[], closeDate: string | null): { date: string; itemId: string } | null {
  for (const item of nextSteps) {
    if (!mentionsKickoff(item)) continue;
    const date = readCalendarDate(detailText(item, "due"), closeDate);
    if (date !== null) return { date, itemId: item.id };
  }
  return null;
}
