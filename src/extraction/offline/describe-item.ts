import type { ItemFacts } from "./item-facts.ts";
import { selfIntroduced } from "./stakeholder-details.ts";

const MAX_QUOTE = 280;

/**
 * The item's statement: a short label (who, and what the section does not already say) and the words
 * themselves. It quotes rather than paraphrases, so it never adds a fact the cited sentences do not hold.
 * The section heading and the citation line say the rest, so the label never repeats them.
 */
export function describeItem(facts: ItemFacts, details: Record<string, unknown>, sourceLabel: string): string {
  const who = facts.speaker ?? sourceLabel;
  const per = `, per ${who}`;
  const said = quoteText(facts.text);
  const value = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : null);
  switch (facts.section) {
    case "promises": {
      const due = value("due") ? ` (due ${value("due")})` : "";
      // The heading says these are commitments: the label says whose, and "offered" when it was only an offer.
      if (facts.speaker === null) return `Commitment in ${sourceLabel}${due}: ${said}`;
      return `${who}${details.explicit ? "" : " offered"}${due}: ${said}`;
    }
    case "objections": {
      const answer = facts.answer
        ? `, answered by ${facts.answer.speaker ?? "the other side"}: ${said} ${quoteText(facts.answer.text)}`
        : `: ${said}`;
      // The heading says it is a concern: the label says whose ("In order-form.pdf" for a document's).
      return `${facts.speaker === null ? "In " : ""}${who}${answer}`;
    }
    case "nextSteps": {
      const owner = value("owner");
      const due = value("due") ? `, due ${value("due")}` : "";
      if (owner === null) return `Next step${due}${per}: ${said}`;
      return `${owner}${due}${owner === facts.speaker ? "" : per}: ${said}`;
    }
    case "redFlags":
      return `${capitalize(value("kind") ?? "other")} risk${per}: ${said}`;
    case "stakeholders": {
      const name = value("name");
      const title = value("title");
      // "CEO (name not stated), per Sarah": someone known by title only, never a name the sources do not give.
      if (name === null) return `${title ? `${capitalize(title)} (name not stated)` : "On the people involved"}${per}: ${said}`;
      if (name === facts.speaker || name === selfIntroduced(facts.text)) return `${title ? `${name} (${title})` : name}: ${said}`;
      // "Ray Tanaka (mentioned by Nate Brennan)": the way a person would say whose words introduce Ray.
      return `${title ? `${name}, ${title}` : name} (${facts.speaker === null ? "in" : "mentioned by"} ${who}): ${said}`;
    }
    case "whyTheyBought":
      return `${labelKind(value("kind"))}${per}: ${said}`;
    case "successCriteria":
      return `${labelHorizon(value("horizon"))}${per}: ${said}`;
    case "politicalDynamics":
      return `${facts.speaker === null ? "In " : ""}${who}: ${said}`;
    case "competition": {
      const competitor = value("competitor");
      // Why they chose the vendor over a named alternative is said under that alternative's name.
      if (details.kind === "whyChosen" && competitor === null) return `Why they chose this vendor${per}: ${said}`;
      return `${competitor ?? "Alternative considered"}${per}: ${said}`;
    }
    case "technicalEnvironment":
      return `${value("system") ?? "Systems"}${per}: ${said}`;
    case "accountOverview":
      return `${ACCOUNT_PART[value("field") ?? "other"] ?? "Account"}${per}: ${said}`;
  }
}

// Named by the part of the contract or company they describe: lines of one part merge into one item.
const ACCOUNT_PART: Record<string, string> = {
  seats: "Seats, price and value",
  pricing: "Seats, price and value",
  contractValue: "Seats, price and value",
  contractStart: "Contract dates",
  renewalDate: "Contract dates",
  signatureDate: "Contract dates",
  terms: "Payment and renewal terms",
  products: "Product",
  industry: "Company",
  size: "Company",
  other: "Account",
};

/** The words quoted, shortened at a word boundary (never mid-word) when longer than MAX_QUOTE. */
export function quoteText(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= MAX_QUOTE) return `“${flat}”`;
  const cut = flat.slice(0, MAX_QUOTE);
  const atSpace = cut.lastIndexOf(" ");
  const whole = (atSpace > 0 ? cut.slice(0, atSpace) : cut).replace(/[\s,;:–—-]+$/, "");
  return `“${whole}…”`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function labelKind(kind: string | null): string {
  if (kind === "trigger") return "Trigger";
  if (kind === "replacing") return "What they replace";
  return "Pain";
}

function labelHorizon(horizon: string | null): string {
  if (horizon === "30days") return "First 30 days";
  if (horizon === "90days") return "First 90 days";
  if (horizon === "longTerm") return "Long term";
  return "Goal";
}
