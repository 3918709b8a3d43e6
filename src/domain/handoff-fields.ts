import { z } from "zod";
import type { ContractField } from "./gap-id.ts";
import { contractFieldsStatedBy } from "./read-contract-fields.ts";
import type { SectionKey } from "./sections.ts";

type FieldItem = {
  section: SectionKey;
  statement: string;
  details?: Record<string, unknown> | undefined;
  citations?: readonly { quote: string }[] | undefined;
};

type HandoffField = {
  section: SectionKey;
  /** How a gap question names it ("the contract value"). */
  name: string;
  title: string;
  /** Whether one item of the field's section states it. */
  statedBy: (item: FieldItem) => boolean;
  /** The contract field whose gap (accountOverview.<field>) asks the AE for it, and whose answer states it. */
  contractField?: ContractField;
};

// Tagged by the extractor or read from the statement: the same rule as the draft's contract-field gaps.
const accountField = (field: ContractField) => ({
  statedBy: (item: FieldItem) => contractFieldsStatedBy(item).includes(field),
  contractField: field,
});
const stakeholderRole = (role: string) => (item: FieldItem) => item.details?.role === role;
const text = (item: FieldItem, key: string) => {
  const value = item.details?.[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
};

/** Whether a next step is about the kickoff meeting (the brief's timeline and the report read it the same way). */
export function mentionsKickoff(item: Pick<FieldItem, "statement" | "details">): boolean {
  return /\bkick-?\s?off\b/i.test(`${item.statement} ${text(item as FieldItem, "action") ?? ""}`);
}

/**
 * The fields a complete handoff states, from the spec's data and context layers: the one list the draft's gap questions
 * (the account overview's contract parts) and the report's per-field gaps read. In spec order.
 */
export const HANDOFF_FIELDS = {
  contractValue: { section: "accountOverview", name: "contract value", title: "Contract value", ...accountField("contractValue") },
  seats: { section: "accountOverview", name: "seat count", title: "Seats", ...accountField("seats") },
  plan: { section: "accountOverview", name: "plan or modules", title: "Plan or modules", ...accountField("products") },
  startDate: { section: "accountOverview", name: "contract start date", title: "Start date", ...accountField("contractStart") },
  renewalDate: { section: "accountOverview", name: "renewal date", title: "Renewal date", ...accountField("renewalDate") },
  economicBuyer: { section: "stakeholders", name: "economic buyer", title: "Economic buyer", statedBy: stakeholderRole("economicBuyer") },
  champion: { section: "stakeholders", name: "champion", title: "Champion", statedBy: stakeholderRole("champion") },
  technicalContact: {
    section: "stakeholders",
    name: "technical contact",
    title: "Technical contact",
    statedBy: stakeholderRole("technicalContact"),
  },
  // A metric named by the extractor, or a success criterion with a figure in it ("cut ticket time by 30%").
  successMetric: {
    section: "successCriteria",
    name: "success metric",
    title: "Success metric",
    statedBy: (item) => text(item, "metric") !== null || /\d/.test(item.statement),
  },
  // A kickoff with a day named (its due detail), not only "we should kick off soon".
  kickoffDate: {
    section: "nextSteps",
    name: "kickoff date",
    title: "Kickoff date",
    statedBy: (item) => mentionsKickoff(item) && text(item, "due") !== null,
  },
} as const satisfies Record<string, HandoffField>;

export type HandoffFieldKey = keyof typeof HANDOFF_FIELDS;
export const HANDOFF_FIELD_KEYS = Object.keys(HANDOFF_FIELDS) as HandoffFieldKey[];
export const HandoffFieldKeySchema = z.enum(HANDOFF_FIELD_KEYS as [HandoffFieldKey, ...HandoffFieldKey[]]);

/** The fields one item states (none for items of other sections). */
export function fieldsStatedBy(item: FieldItem): HandoffFieldKey[] {
  return HANDOFF_FIELD_KEYS.filter((key) => {
    const field: HandoffField = HANDOFF_FIELDS[key];
    return field.section === item.section && field.statedBy(item);
  });
}

/** The field a contract-field gap asks for (accountOverview.seats: seats): its answer states that field. */
export function fieldOfContractGap(field: ContractField): HandoffFieldKey {
  return HANDOFF_FIELD_KEYS.find((key) => (HANDOFF_FIELDS[key] as HandoffField).contractField === field)!;
}

/** The fields of one section, in list order. */
export function fieldsOfSection(section: SectionKey): HandoffFieldKey[] {
  return HANDOFF_FIELD_KEYS.filter((key) => HANDOFF_FIELDS[key].section === section);
}

/**
 * Whether an item counts toward a filled section or field: approved or edited by the AE, or still a draft whose
 * citation verified. Never a rejected item, nor one waiting for a check (every citation failed, or resting on injected text).
 */
export function fillsHandoff(item: { status: string; needsChecking: boolean; verified: boolean }): boolean {
  if (item.needsChecking || item.status === "rejected") return false;
  return item.status === "approved" || item.status === "edited" || item.verified;
}
