import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import type { Citation } from "../domain/citation.ts";
import type { SectionKey } from "../domain/sections.ts";
import { foldContractedOffers } from "./fold-contracted-offers.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";

const FORM = buildParsedSource({
  id: "src_form",
  filename: "order-form.txt",
  turns: [
    [null, "Price per agent seat per year: $492.00 (list $600.00, 18% discount)"],
    [null, "Customer signature date: February 6, 2026"],
  ],
});
const CALL = buildParsedSource({ id: "src_call", filename: "call.txt", turns: [["Dana", "Turn."]] });

const cite = (sourceId: string, quote: string, speaker: string | null): Citation => ({
  sourceId,
  segmentId: "s1",
  speaker,
  startMs: speaker === null ? null : 1000,
  quote,
  charStart: 0,
  charEnd: quote.length,
  match: "exact",
});
const item = (section: SectionKey, citations: Citation[]): GroundedCandidate => ({
  section,
  statement: citations[0]!.quote,
  details: {},
  evidence: citations.map((c) => ({ quote: c.quote, sourceId: c.sourceId, segmentId: c.segmentId })),
  citations,
});
const price = () =>
  item("accountOverview", [cite("src_form", "Price per agent seat per year: $492.00 (list $600.00, 18% discount)", null)]);

describe("foldContractedOffers", () => {
  it("folds an offer the signed document states into the account item citing that line", () => {
    const account = price();
    const offer = item("promises", [cite("src_call", "Sign by the sixth and I can take eighteen percent off the seat price.", "Dana")]);
    const folded = foldContractedOffers([account, offer], [FORM, CALL]);
    expect(folded).toEqual([account]);
    expect(account.citations.map((c) => c.quote)).toContain(offer.citations[0]!.quote);
  });

  it("keeps an offer of another percentage, one without a percentage, one on another subject, and any without a signed document", () => {
    const offers = [
      item("promises", [cite("src_call", "I can take twenty percent off the seat price.", "Dana")]),
      item("promises", [cite("src_call", "We'll waive the seat price setup fee.", "Dana")]),
      item("promises", [cite("src_call", "Support answers eighteen percent faster on this plan.", "Dana")]),
    ];
    expect(foldContractedOffers([price(), ...offers], [FORM, CALL])).toHaveLength(4);
    const unsigned = buildParsedSource({
      id: "src_form",
      filename: "quote.txt",
      turns: [[null, "Price per seat: $492.00 (18% discount)"]],
    });
    const offer = item("promises", [cite("src_call", "I can take eighteen percent off the seat price.", "Dana")]);
    expect(foldContractedOffers([price(), offer], [unsigned, CALL])).toHaveLength(2);
  });
});
