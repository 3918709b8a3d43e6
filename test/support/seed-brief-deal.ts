import type { Citation } from "../../src/domain/citation.ts";
import type { DraftItem } from "../../src/domain/item.ts";
import type { Deal } from "../../src/domain/deal.ts";
import { seedDeal } from "./seed-deal.ts";
import { extractedItem } from "./seed-review-deal.ts";
import type { TestApp, TestUser } from "./test-app.ts";

/** Statements the brief must never show: a rejected item and one whose every quote failed verification. */
export const HIDDEN_STATEMENTS = { rejected: "REJECTED: they want a mobile app.", unverified: "UNVERIFIED: they will buy 500 more seats." };

function cite(quote: string, speaker: string | null, startMs: number | null, match: Citation["match"] = "exact"): Citation {
  return {
    sourceId: "src_call",
    segmentId: `seg-${quote.length}`,
    speaker,
    startMs,
    quote,
    charStart: 0,
    charEnd: quote.length,
    match,
    filename: "discovery-call.vtt",
  };
}

function draftItem(
  id: string,
  section: DraftItem["section"],
  statement: string,
  citation: Citation,
  extra: Partial<DraftItem> = {},
): DraftItem {
  return { ...extractedItem(id, section, statement, [citation]), ...extra };
}

/**
 * A deal stored straight through the repositories (close date 2026-02-06), with a small draft: pain, success,
 * a champion, a dated promise, an open objection, a red flag, plus a rejected and an unverified item, and an
 * AE answer to the "competition" gap.
 */
export function seedBriefDeal(
  t: TestApp,
  ae: TestUser,
  csm?: TestUser,
  options: { account?: string; closeDate?: string | null } = {},
): Deal {
  // An omitted account or close date takes seedDeal's default; a null close date stays null.
  const deal = seedDeal(t, ae, csm, options.account, options.closeDate);
  const id = (name: string) => `itm_${name}_${deal.id}`;
  const verified: DraftItem[] = [
    draftItem(
      id("pain"),
      "whyTheyBought",
      "Customers hear about late freight before Kestrel Ridge does.",
      cite("our customer finds out before we do", "Nate Brennan", 74_000),
      {
        details: { kind: "pain" },
      },
    ),
    draftItem(
      id("success"),
      "successCriteria",
      "Handle time drops from eleven minutes to under four.",
      cite("from eleven minutes to under four", "Nate Brennan", 442_000),
      {
        details: { horizon: "90days" },
      },
    ),
    draftItem(
      id("champion"),
      "stakeholders",
      "Nate Brennan leads customer service and champions the purchase.",
      cite("Nate Brennan, Director of Customer Service", "Nate Brennan", 38_000),
      {
        details: { name: "Nate Brennan", title: "Director of Customer Service", role: "champion", stance: "supportive" },
      },
    ),
    draftItem(
      id("promise"),
      "promises",
      "The AE promised go-live by 16 March.",
      cite("live on Corvala by March 16th", "Dana Whitlock", 207_000),
      {
        details: { what: "go-live", promisedBy: "Dana Whitlock", promisedTo: "Elaine Kovac", due: "2026-03-16", looksUnrealistic: true },
        flags: ["unrealistic"],
      },
    ),
    draftItem(
      id("objection"),
      "objections",
      "IT worries about the security review.",
      cite("a security review that takes three or four weeks", "Ray Tanaka", 250_000),
      {
        details: { concern: "security review", resolved: "no" },
      },
    ),
    draftItem(
      id("risk"),
      "redFlags",
      "The executive sponsor retires in April.",
      cite("I'm retiring at the end of April", "Elaine Kovac", 131_000),
      {
        details: { severity: "high", kind: "stakeholder", risk: "departing sponsor" },
      },
    ),
    draftItem(id("rejected"), "promises", HIDDEN_STATEMENTS.rejected, cite("an app would be nice", "Nate Brennan", 500_000), {
      status: "rejected",
    }),
  ];
  const unverified = draftItem(
    id("unverified"),
    "accountOverview",
    HIDDEN_STATEMENTS.unverified,
    cite("500 more seats", "Nate Brennan", null, "unverified"),
  );
  t.deps.items.addIfNew(
    deal.id,
    [...verified.map((item) => ({ item, needsChecking: false })), { item: unverified, needsChecking: true }],
    null,
    t.deps.now(),
  );
  t.deps.gapAnswers.set(deal.id, "competition", "They looked at Zendesk briefly.", ae.user.id, t.deps.now());
  return deal;
}
