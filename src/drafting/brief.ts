import type { DraftItem, ItemOrigin, ItemStatus } from "../domain/item.ts";
import type { MatchKind } from "../domain/citation.ts";
import type { SectionKey } from "../domain/sections.ts";

/** Whether the brief (and each of its items) comes from an approved version or the AE's unapproved draft. */
export type BriefBasis = "approved" | "draft";

export type BriefPerson = { id: string; name: string; email: string };

/** An item as the brief receives it: from the current draft (StoredItem) or a frozen version's document. */
export type BriefSourceItem = Pick<DraftItem, "id" | "section" | "statement" | "citations" | "status"> &
  Pick<DraftItem, "details" | "origin" | "flags"> & { needsChecking?: boolean };

export type BriefGap = {
  section: SectionKey;
  question: string;
  answer?: { answer: string; answeredBy?: string | null; answeredAt?: string | null };
};

/** Everything the brief is built from, as plain data, so a draft and a frozen version fit alike. */
export type BriefInput = {
  deal: { id: string; account: string; closeDate: string | null };
  ae: BriefPerson | null;
  csm: BriefPerson | null;
  /** The approved version the items come from; null when they are the current, unapproved draft. */
  approval: { version: number; approvedAt: string; approvedBy?: string | null } | null;
  /** When the handoff document was first approved: the "document within 24 h" milestone is done then. */
  firstApprovedAt: string | null;
  /** When the CSM marked the later milestones done. */
  milestonesDone?: Partial<Record<MilestoneKey, string>>;
  items: BriefSourceItem[];
  gaps: BriefGap[];
  now: Date;
};

export type BriefCitation = {
  file: string;
  sourceId: string;
  speaker: string | null;
  /** m:ss (h:mm:ss past the hour) into the recording; null for documents and emails. */
  time: string | null;
  startMs: number | null;
  quote: string;
  match: Exclude<MatchKind, "unverified">;
};

export type BriefItem = {
  itemId: string;
  section: SectionKey;
  statement: string;
  basis: BriefBasis;
  /** The AE's review of this item ("draft" = not reviewed yet). */
  reviewStatus: Exclude<ItemStatus, "rejected">;
  origin: ItemOrigin;
  flags: string[];
  citations: BriefCitation[];
};

export type BriefPromise = BriefItem & {
  what: string | null;
  owner: string | null;
  promisedTo: string | null;
  due: string | null;
  unrealistic: boolean;
  /** The due day as a calendar date (YYYY-MM-DD), read from the source's own date; null when not stated. */
  dueDate: string | null;
  /** "open", "done" (a later source says it was delivered) or "superseded"; null when not read. */
  status: string | null;
  /** The later source's words that say it was done, and where; null unless done. */
  doneEvidence: { quote: string; file: string; sourceId: string | null } | null;
};

/** One person on the customer side, merged from every stakeholder item that names them. */
export type BriefStakeholder = {
  /** null for a stakeholder item that names nobody (kept on its own). */
  name: string | null;
  title: string | null;
  /** The most telling role (economic buyer before champion before technical contact…); null when not stated. */
  role: string | null;
  roles: string[];
  /** "mixed" when the items disagree (see stances); "unknown" when none says. */
  stance: string;
  stances: string[];
  caresAbout: string[];
  contactPreferences: string[];
  basis: BriefBasis;
  items: BriefItem[];
};

export type RiskReason = "redFlag" | "contradiction" | "unresolvedObjection" | "politicalDynamics";

export type BriefRisk = BriefItem & {
  reason: RiskReason;
  /** Other lists the same evidence appeared in (a political dynamic that is also a red flag is shown once). */
  alsoListedAs: RiskReason[];
  severity: "high" | "medium" | "low" | null;
  detail: string | null;
  /** An objection's status as read from what followed it ("answered": answered, no push-back); null for other risks. */
  objectionStatus: ObjectionStatus | null;
};

export type ObjectionStatus = "open" | "answered" | "answeredNotAccepted";

export type BriefOpenQuestion = {
  section: SectionKey;
  title: string;
  question: string;
  basis: BriefBasis;
  state: "unanswered" | "answeredByAe";
  /** The AE's own answer: provided by the AE, not by any source. */
  aeSays: string | null;
  answeredAt: string | null;
};

/** One part of the kickoff; its items are named by id and shown in full (with citations) elsewhere in the brief. */
export type BriefAgendaSection = {
  key: "goals" | "timeline" | "contacts" | "nextSteps" | "successCriteria";
  title: string;
  points: string[];
  itemIds: string[];
};

export type BriefNextStep = BriefItem & {
  action: string | null;
  owner: string | null;
  due: string | null;
  /** "open", "done" (a later source says so) or "past" (due before the deal's latest source); null when not read. */
  status: string | null;
};

export type BriefIntroEmail = {
  basis: BriefBasis;
  /** The date (close + 3 days) the AE should send it by; null without a close date. */
  sendBy: string | null;
  from: BriefPerson | null;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  basedOnItemIds: string[];
  /** What the AE must fill in before sending (shown as [brackets] in the body). */
  missing: string[];
  notesForAe: string[];
};

export type MilestoneKey = "document" | "internalCall" | "introduction" | "kickoff" | "checkIn";

export type BriefMilestone = {
  key: MilestoneKey;
  title: string;
  owner: string;
  dueFrom: string | null;
  dueBy: string | null;
  /** "unscheduled" only when the deal has no close date. */
  state: "done" | "overdue" | "upcoming" | "unscheduled";
  doneAt: string | null;
  /** Done, but after its last due day. */
  late: boolean;
  /** Whether Baton records this step's "done" (the approval, or the CSM marking it); every step is tracked now. */
  tracked: boolean;
  /** A kickoff date named by a next-step item, when there is one. */
  scheduledFor: string | null;
};

export type BriefTimeline = { closeDate: string | null; milestones: BriefMilestone[] };

/** One sentence with markers [1], [2], …; each part `cites` the id of the item it rests on. */
export type BriefSummary = {
  text: string;
  parts: { part: "bought" | "whyNow" | "risk"; marker: number; cites: string }[];
};

export type Brief = {
  dealId: string;
  account: string;
  closeDate: string | null;
  status: BriefBasis;
  version: number | null;
  approvedAt: string | null;
  /** One line for the top of the brief; says plainly when it comes from an unapproved draft. */
  notice: string;
  generatedAt: string;
  team: { ae: BriefPerson | null; csm: BriefPerson | null };
  /** The brief's opening sentence (account, what they bought, why now, the one risk), each part cited. */
  summary: BriefSummary | null;
  confirm: {
    opener: string | null;
    openerItemIds: string[];
    whatTheyWant: BriefItem[];
    forWhom: BriefItem[];
    successLooksLike: BriefItem[];
  };
  promises: BriefPromise[];
  stakeholders: BriefStakeholder[];
  risks: BriefRisk[];
  nextSteps: BriefNextStep[];
  openQuestions: BriefOpenQuestion[];
  kickoffAgenda: BriefAgendaSection[];
  introEmail: BriefIntroEmail;
  timeline: BriefTimeline;
};
