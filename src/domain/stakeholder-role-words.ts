import type { STAKEHOLDER_ROLES } from "./editable-details.ts";

type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** How each stakeholder role reads in a sentence of the draft or brief; "other" says nothing about the person. */
const ROLE_WORDS: Record<StakeholderRole, string | null> = {
  economicBuyer: "economic buyer",
  champion: "champion",
  decisionMaker: "decision maker",
  technicalContact: "technical contact",
  executiveSponsor: "executive sponsor",
  endUser: "end user",
  blocker: "possible blocker",
  other: null,
};

/** The words for a role key ("technicalContact" → "technical contact"); null for "other", none or an unknown key. */
export function roleWords(role: string | null | undefined): string | null {
  return typeof role === "string" && Object.hasOwn(ROLE_WORDS, role) ? ROLE_WORDS[role as StakeholderRole] : null;
}
