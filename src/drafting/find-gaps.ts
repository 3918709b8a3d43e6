import { CONTRACT_FIELDS, type ContractField, contractGapId } from "../domain/gap-id.ts";
import type { DraftItem, Gap } from "../domain/item.ts";
import { SECTION_KEYS, SECTIONS, type SectionKey } from "../domain/sections.ts";
import { contractFieldsStatedBy } from "../domain/read-contract-fields.ts";

// Each contract field the AE must supply by name when neither a source nor the deal states it.
const CONTRACT_QUESTIONS: Record<ContractField, string> = {
  contractValue: "No source states the contract value: what is it, with its currency?",
  seats: "No source states the seat count: how many seats?",
  products: "No source states the plan: which plan or modules?",
  contractStart: "No source states the contract start date: when does it start?",
  renewalDate: "No source states the renewal date: when does it renew?",
};
// With every contract field asked for on its own, an empty account overview asks for the rest.
const ACCOUNT_QUESTION = "What does the company do (industry, size, region), and how is the deal priced?";

export type GapContext = {
  /** Sections the model declined to answer. */
  refused?: SectionKey[];
  /** Contract fields the deal itself records (its amount is the contract value). */
  knownFields?: ContractField[];
};

/** The contract fields a deal records: an amount is the contract value. */
export function contractFieldsOnDeal(deal: { amount: number | null }): ContractField[] {
  return deal.amount === null ? [] : ["contractValue"];
}

/**
 * Every section without a kept item, with a concrete question for the AE (id: the section key), then
 * one gap per contract field (value, seats, plan, start, renewal) that no kept item states and the deal
 * does not record (id: accountOverview.<field>).
 */
export function findGaps(
  items: Pick<DraftItem, "section" | "status" | "details" | "statement" | "citations">[],
  context: GapContext = {},
): Gap[] {
  const kept = items.filter((i) => i.status !== "rejected");
  const covered = new Set(kept.map((i) => i.section));
  const stated = new Set<string>(context.knownFields ?? []);
  for (const item of kept) for (const field of contractFieldsStatedBy(item)) stated.add(field);
  const missing = CONTRACT_FIELDS.filter((field) => !stated.has(field));
  const gaps: Gap[] = [];
  for (const section of SECTION_KEYS) {
    if (!covered.has(section)) {
      const question = section === "accountOverview" && missing.length > 0 ? ACCOUNT_QUESTION : SECTIONS[section].gapQuestion;
      gaps.push({
        id: section,
        section,
        question: context.refused?.includes(section) ? `The model declined to answer this section. ${question}` : question,
      });
    }
    if (section === "accountOverview") {
      for (const field of missing) gaps.push({ id: contractGapId(field), section, question: CONTRACT_QUESTIONS[field] });
    }
  }
  return gaps;
}
