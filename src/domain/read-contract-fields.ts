import { CONTRACT_FIELDS, type ContractField } from "./gap-id.ts";
import type { SectionKey } from "./sections.ts";

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const AMOUNT = "(?:\\$\\s?\\d[\\d,.]*\\s?(?:k|m|thousand|million)?|\\b\\d[\\d,.]*\\s?(?:k|thousand|million)\\b|\\b(?:thousand|million)\\b)";

// What a statement must say for a contract field to count as stated, when the extractor did not tag
// it: a seat price is not the contract value, "the renewal increase is capped" is no renewal date.
const FIELD_PATTERNS: Record<ContractField, RegExp> = {
  contractValue: new RegExp(
    `\\b(?:contract value|total value|acv|tcv|annual contract)\\b|${AMOUNT}[^.?!]{0,40}(?:\\b(?:a|per|each|every) year\\b|\\bannual(?:ly)?\\b|/\\s?(?:yr|year)\\b|\\bin total\\b)`,
    "i",
  ),
  seats: /\b\d[\d,]*\s+(?:agent\s+|user\s+)?(?:seats|licen[cs]es|users)\b/i,
  products: /\b[A-Z][\w-]*\s+(?:plan|tier|edition|package|bundle)\b|\b(?:plan|tier|edition)\s*:/,
  contractStart:
    /\b(?:contract|subscription|term|agreement|service)\s+(?:starts?|begins?|commences?|is effective)\b|\b(?:start date|effective date|commencement date|term start)\b/i,
  renewalDate: new RegExp(
    `\\brenewal date\\b|\\brenew(?:al|s|ing)?\\b[^.?!]{0,40}?(?:\\b${MONTH} \\d|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b)`,
    "i",
  ),
};

type ContractFieldItem = {
  section: SectionKey;
  statement: string;
  details?: Record<string, unknown> | undefined;
  citations?: readonly { quote: string }[] | undefined;
};

/**
 * The contract fields an account overview item states: those the extractor tagged (details.field or
 * details.fields), and those its statement or quotes name a value for, since an extractor may tag
 * "150 seats at four ninety-two, that's ninety-one thousand a year" as seats only. None for other sections.
 * The one rule the draft's gaps and the report's per-field gaps (HANDOFF_FIELDS) read.
 */
export function contractFieldsStatedBy(item: ContractFieldItem): ContractField[] {
  if (item.section !== "accountOverview") return [];
  const tagged = new Set([item.details?.field, ...(Array.isArray(item.details?.fields) ? item.details.fields : [])].map(String));
  const texts = [item.statement, ...(item.citations ?? []).map((c) => c.quote)];
  return CONTRACT_FIELDS.filter((field) => tagged.has(field) || texts.some((text) => FIELD_PATTERNS[field].test(text)));
}
