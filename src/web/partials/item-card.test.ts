import { describe, expect, it } from "vitest";
import type { StoredItem } from "../../domain/stored-item.ts";
import { renderItemCard } from "./item-card.ts";

const item = (details: Record<string, unknown>): StoredItem => ({
  id: "itm_1",
  section: "accountOverview",
  statement: "Contract dates, per order-form.pdf",
  citations: [],
  status: "draft",
  details,
  extractedStatement: null,
  needsChecking: false,
  runId: null,
  reviewedBy: null,
  reviewedAt: null,
  createdAt: "2026-02-01T00:00:00.000Z",
  updatedAt: "2026-02-01T00:00:00.000Z",
  version: 1,
});

const context = { dealId: "deal_1", filenames: new Map<string, string>(), canEdit: false, csrfToken: "t" };

describe("renderItemCard details", () => {
  it("names a merged item's fields once, in words", () => {
    const card = String(
      renderItemCard(item({ field: "contractStart", fields: ["contractStart", "renewalDate", "signatureDate"] }), context),
    );
    expect(card).toContain("<dt>Fields</dt><dd>contract start, renewal date, signature date</dd>");
    expect(card).not.toContain("<dt>Field</dt>");
    expect(card).not.toContain("contractStart");
  });

  it("names a single field in words", () => {
    const card = String(renderItemCard(item({ field: "renewalDate" }), context));
    expect(card).toContain("<dt>Field</dt><dd>renewal date</dd>");
  });

  it('says a stakeholder\'s role in words, and nothing for "other"', () => {
    expect(String(renderItemCard(item({ role: "technicalContact" }), context))).toContain("<dt>Role</dt><dd>technical contact</dd>");
    expect(String(renderItemCard(item({ role: "other" }), context))).not.toContain("<dt>Role</dt>");
  });

  it("says a success criterion's horizon in words, and nothing when it is unspecified", () => {
    expect(String(renderItemCard(item({ horizon: "30days" }), context))).toContain("<dt>Horizon</dt><dd>first 30 days</dd>");
    expect(String(renderItemCard(item({ horizon: "longTerm" }), context))).toContain("<dt>Horizon</dt><dd>long term</dd>");
    expect(String(renderItemCard(item({ horizon: "unspecified" }), context))).not.toContain("<dt>Horizon</dt>");
  });

  it("leaves out a detail that only repeats the quotes, one after the other", () => {
    const quotes = ["Our services team will do the migration at no charge.", "To be clear, this isn't on the order form."];
    const citations = quotes.map((quote, i) => ({
      sourceId: "src_1",
      segmentId: `s${i}`,
      speaker: "Dana Whitlock",
      startMs: null,
      quote,
      charStart: i * 60,
      charEnd: i * 60 + quote.length,
      match: "exact" as const,
    }));
    const card = String(renderItemCard({ ...item({ what: quotes.join(" "), promisedTo: "Nate Brennan" }), citations }, context));
    expect(card).not.toContain("<dt>What</dt>");
    expect(card).toContain("<dt>Promised to</dt><dd>Nate Brennan</dd>");
  });

  it("shows an objection's status instead of its yes/no when it has one", () => {
    const card = String(renderItemCard({ ...item({ resolved: "no", status: "open" }), section: "objections" }, context));
    expect(card).toContain("<dt>Status</dt><dd>open</dd>");
    expect(card).not.toContain("<dt>Resolved</dt>");
    expect(String(renderItemCard(item({ resolved: "partly" }), context))).toContain("<dt>Resolved</dt><dd>partly</dd>");
  });
});
