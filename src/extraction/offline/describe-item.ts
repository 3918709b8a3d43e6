import type { ItemFacts } from "./item-facts.ts";

const MAX_QUOTE = 280;

/**
 * The item's statement: who said it and the words themselves, framed by the section. It quotes
 * rather than paraphrases, so it never adds a fact the cited sentences do not hold.
 */
export function describeItem(facts: ItemFacts, details: Record<string, unknown>, sourceLabel: string): string {
  const who = facts.speaker === null ? sourceLabel : facts.side === null ? facts.speaker : `${facts.speaker} (${facts.side})`;
  const said = quoteText(facts.text);
  const value = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : null);
  switch (facts.section) {
    case "promises": {
      const due = value("due") ? ` (due ${value("due")})` : "";
      if (facts.speaker === null) return `Commitment in ${sourceLabel}${due}: ${said}`;
      return `${who} ${details.explicit ? "committed" : "offered"}${due}: ${said}`;
    }
    case "objections": {
      const answer = facts.answer ? ` ${facts.answer.speaker ?? "The other side"} answered: ${quoteText(facts.answer.text)}` : "";
      return `${who} raised a concern: ${said}${answer}`;
    }
    case "nextSteps": {
      const owner = value("owner");
      const due = value("due");
      return `Next step${owner ? ` for ${owner}` : ""}${due ? `, due ${due}` : ""}, per ${who}: ${said}`;
    }
    case "redFlags":
      return `Possible ${value("kind") ?? "other"} risk, raised by ${who}: ${said}`;
    case "stakeholders": {
      const name = value("name");
      const title = value("title");
      if (name === null) return `${who} on the people involved: ${said}`;
      const person = title ? `${name} (${title})` : name;
      return name === facts.speaker ? `${person} said: ${said}` : `${person}, per ${who}: ${said}`;
    }
    case "whyTheyBought":
      return `${labelKind(value("kind"))}, per ${who}: ${said}`;
    case "successCriteria":
      return `Success criterion${labelHorizon(value("horizon"))}, per ${who}: ${said}`;
    case "politicalDynamics":
      return `${who} on internal dynamics: ${said}`;
    case "competition": {
      const competitor = value("competitor");
      if (details.kind === "whyChosen") return `Why they chose this vendor, per ${who}: ${said}`;
      return `Alternative considered${competitor ? ` (${competitor})` : ""}, per ${who}: ${said}`;
    }
    case "technicalEnvironment": {
      const system = value("system");
      return `Technical environment${system ? ` (${system})` : ""}, per ${who}: ${said}`;
    }
    case "accountOverview":
      return `${ACCOUNT_PART[value("field") ?? "other"] ?? "Account"}, per ${who}: ${said}`;
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

function quoteText(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `“${flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1).trimEnd()}…` : flat}”`;
}

function labelKind(kind: string | null): string {
  if (kind === "trigger") return "Trigger";
  if (kind === "replacing") return "What they replace";
  return "Pain";
}

function labelHorizon(horizon: string | null): string {
  if (horizon === "30days") return " (first 30 days)";
  if (horizon === "90days") return " (90 days)";
  if (horizon === "longTerm") return " (long term)";
  return "";
}
