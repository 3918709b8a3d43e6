import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HandoffDocument } from "../../src/domain/handoff-document.ts";
import type { StoredItem } from "../../src/domain/stored-item.ts";
import { createDeal, seedReviewDeal, uploadSampleFile } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

type VersionBody = { version: number; approvedAt: string; approvedBy: string; document: HandoffDocument };
type DraftBody = {
  items: StoredItem[];
  needsChecking: StoredItem[];
  gaps: { section: string; answer?: { answer: string } }[];
  completeness: { sectionsFilled: number };
};

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
});
afterEach(() => t.close());

const patchItem = async (dealId: string, itemId: string, json: unknown) => {
  const res = await t.request("PATCH", `/v1/deals/${dealId}/items/${itemId}`, { token: ae.token, json });
  expect(res.status).toBe(200);
  return ((await res.json()) as { item: StoredItem }).item;
};
const getDraft = async (dealId: string) =>
  (await (await t.request("GET", `/v1/deals/${dealId}/draft`, { token: ae.token })).json()) as DraftBody;
const approve = (dealId: string) => t.request("POST", `/v1/deals/${dealId}/approve`, { token: ae.token });

describe("per-item review", () => {
  it("approves, edits and rejects items; an edit keeps the extractor's statement", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);

    const approved = await patchItem(dealId, ids.champion, { status: "approved" });
    expect(approved.status).toBe("approved");
    expect(approved.reviewedBy).toBe(ae.user.id);

    const edited = await patchItem(dealId, ids.pain, { statement: "Tuesdays are the support team's busiest day." });
    expect(edited).toMatchObject({
      status: "edited",
      statement: "Tuesdays are the support team's busiest day.",
      extractedStatement: "Tuesday is the support team's heaviest day.",
    });
    // A second edit keeps the extractor's words, not the AE's first wording; approving keeps it "edited".
    await patchItem(dealId, ids.pain, { statement: "Tuesday is their peak support day." });
    const reapproved = await patchItem(dealId, ids.pain, { status: "approved" });
    expect(reapproved).toMatchObject({ status: "edited", statement: "Tuesday is their peak support day." });
    expect(reapproved.extractedStatement).toBe("Tuesday is the support team's heaviest day.");

    const moved = await patchItem(dealId, ids.it, { section: "stakeholders" });
    expect(moved).toMatchObject({ status: "edited", section: "stakeholders" });
    const rejected = await patchItem(dealId, ids.it, { status: "rejected", statement: "Ray runs IT." });
    expect(rejected.status).toBe("rejected");

    const draft = await getDraft(dealId);
    expect(draft.items.find((i) => i.id === ids.pain)?.statement).toBe("Tuesday is their peak support day.");
    // The rejected item filled technicalEnvironment before it moved; that section is a gap again.
    expect(draft.gaps.map((g) => g.section)).toContain("technicalEnvironment");
  });

  it("rejects an item whose citation failed verification and can put an item back to draft", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    expect((await patchItem(dealId, ids.unverified, { status: "rejected" })).status).toBe("rejected");
    await patchItem(dealId, ids.champion, { status: "rejected" });
    expect((await patchItem(dealId, ids.champion, { status: "draft" })).status).toBe("draft");
  });
});

describe("items the AE adds", () => {
  it("cites a quote found in the deal's sources with the source's own text and offsets", async () => {
    const { dealId, source } = await seedReviewDeal(t, ae);
    const res = await t.request("POST", `/v1/deals/${dealId}/items`, {
      token: ae.token,
      json: {
        section: "redFlags",
        statement: "Nate may drop off calls on Tuesdays.",
        quote: "if I drop off, it's because something's on fire",
      },
    });
    expect(res.status).toBe(201);
    const { item, quoteCheck } = (await res.json()) as { item: StoredItem; quoteCheck: { match: string } };
    expect(quoteCheck.match).toBe("exact");
    expect(item).toMatchObject({ origin: "ae", status: "approved", flags: ["ae-provided"], reviewedBy: ae.user.id });
    const [citation] = item.citations;
    expect(citation?.sourceId).toBe(source.source.id);
    expect(citation?.quote).toBe(source.source.text.slice(citation!.charStart, citation!.charEnd));
    expect(citation?.speaker).toBe("Nate Brennan");
    const draft = await getDraft(dealId);
    expect(draft.items.some((i) => i.id === item.id)).toBe(true);
    expect(draft.gaps.map((g) => g.section)).not.toContain("redFlags");
  });

  it("keeps an item with a fabricated quote but without citation, flagged, and never stores the quote", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const res = await t.request("POST", `/v1/deals/${dealId}/items`, {
      token: ae.token,
      json: {
        section: "promises",
        statement: "We promised a Zendesk migration by March 1.",
        quote: "we guarantee the Zendesk migration is done by March first",
      },
    });
    expect(res.status).toBe(201);
    const { item, quoteCheck } = (await res.json()) as { item: StoredItem; quoteCheck: { match: string; reason: string } };
    expect(quoteCheck.match).toBe("unverified");
    expect(quoteCheck.reason.length).toBeGreaterThan(0);
    expect(item).toMatchObject({ origin: "ae", status: "approved", citations: [], flags: ["ae-provided", "quote-unverified"] });
    const draftText = await (await t.request("GET", `/v1/deals/${dealId}/draft`, { token: ae.token })).text();
    expect(draftText).toContain("We promised a Zendesk migration");
    expect(draftText).not.toContain("we guarantee the Zendesk migration");
  });

  it("adds an item without a quote as provided by the AE", async () => {
    const dealId = await createDeal(t, ae);
    const res = await t.request("POST", `/v1/deals/${dealId}/items`, {
      token: ae.token,
      json: { section: "accountOverview", statement: "Kestrel Ridge bought 60 seats for two years." },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { item: StoredItem; quoteCheck: null };
    expect(body.quoteCheck).toBeNull();
    expect(body.item).toMatchObject({ origin: "ae", citations: [], flags: ["ae-provided"] });
  });
});

describe("gap answers", () => {
  it("fills completeness with an answer and empties it again when the answer is removed", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const before = (await getDraft(dealId)).completeness.sectionsFilled;
    const res = await t.request("PUT", `/v1/deals/${dealId}/gaps/promises`, {
      token: ae.token,
      json: { answer: "  No promises beyond the standard plan.  " },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      gap: { section: string; answer: { answer: string; answeredBy: string } };
      completeness: { sectionsFilled: number };
    };
    expect(body.gap.answer).toMatchObject({ answer: "No promises beyond the standard plan.", answeredBy: ae.user.id });
    expect(body.completeness.sectionsFilled).toBe(before + 1);
    expect((await getDraft(dealId)).gaps.find((g) => g.section === "promises")?.answer?.answer).toBe(
      "No promises beyond the standard plan.",
    );

    expect((await t.request("DELETE", `/v1/deals/${dealId}/gaps/promises`, { token: ae.token })).status).toBe(204);
    expect((await getDraft(dealId)).completeness.sectionsFilled).toBe(before);
  });
});

describe("contract field gaps", () => {
  it("asks for each unstated contract field under its own id, takes an answer to one, and keeps it in the approved version", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const draft = await getDraft(dealId);
    const ids = (draft.gaps as { id?: string }[]).map((g) => g.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "accountOverview",
        "accountOverview.contractValue",
        "accountOverview.seats",
        "accountOverview.products",
        "accountOverview.contractStart",
        "accountOverview.renewalDate",
      ]),
    );
    const res = await t.request("PUT", `/v1/deals/${dealId}/gaps/accountOverview.renewalDate`, {
      token: ae.token,
      json: { answer: "Renews on 2027-02-06." },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { gap: { id: string; section: string; answer: { answer: string; gapId: string } } };
    expect(body.gap).toMatchObject({
      id: "accountOverview.renewalDate",
      section: "accountOverview",
      answer: { answer: "Renews on 2027-02-06.", gapId: "accountOverview.renewalDate" },
    });
    // Versioned like a section's gap: the ETag is the answer's version, a stale If-Match is refused (412).
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[1-9]\d*"$/);
    const stale = await t.request("PUT", `/v1/deals/${dealId}/gaps/accountOverview.renewalDate`, {
      token: ae.token,
      json: { answer: "Renews in 2028." },
      headers: { "if-match": '"0"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(etag);
    // The section's own gap is a different question and stays unanswered.
    const after = (await getDraft(dealId)).gaps as { id?: string; answer?: unknown }[];
    expect(after.find((g) => g.id === "accountOverview")?.answer).toBeUndefined();

    await patchItem(dealId, "itm_seed_champion", { status: "approved" });
    const version = (await (await approve(dealId)).json()) as VersionBody;
    expect(version.document.gapAnswers).toEqual([
      expect.objectContaining({ section: "accountOverview", gapId: "accountOverview.renewalDate", answer: "Renews on 2027-02-06." }),
    ]);
    expect(version.document.gaps.map((g) => g.id)).not.toContain("accountOverview.renewalDate");
    expect(version.document.gaps.map((g) => g.id)).toContain("accountOverview.seats");
  });

  it("asks no contract value when the deal records an amount, and refuses an answer to it (409) or to an unknown field (400)", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const patched = await t.request("PATCH", `/v1/deals/${dealId}`, { token: ae.token, json: { amount: 91800, currency: "USD" } });
    expect(patched.status).toBe(200);
    expect(((await getDraft(dealId)).gaps as { id?: string }[]).map((g) => g.id)).not.toContain("accountOverview.contractValue");
    const value = await t.request("PUT", `/v1/deals/${dealId}/gaps/accountOverview.contractValue`, {
      token: ae.token,
      json: { answer: "$91,800" },
    });
    expect(value.status).toBe(409);
    const unknown = await t.request("PUT", `/v1/deals/${dealId}/gaps/accountOverview.colour`, {
      token: ae.token,
      json: { answer: "blue" },
    });
    expect(unknown.status).toBe(400);
  });
});

describe("approval and versions", () => {
  it("freezes version 1; an edit after approval needs a new approval and leaves version 1 unchanged", async () => {
    const { dealId, ids, source } = await seedReviewDeal(t, ae);
    await patchItem(dealId, ids.champion, { status: "approved" });
    await patchItem(dealId, ids.it, { status: "rejected" });
    await t.request("PUT", `/v1/deals/${dealId}/gaps/promises`, { token: ae.token, json: { answer: "None." } });

    const first = await approve(dealId);
    expect(first.status).toBe(201);
    const v1 = (await first.json()) as VersionBody;
    expect(v1).toMatchObject({ version: 1, approvedBy: ae.user.id });
    const doc = v1.document;
    expect(doc.items.map((i) => i.id).sort()).toEqual([ids.champion, ids.pain].sort());
    expect(doc.items.every((i) => i.status === "approved" && i.citations.length === 1)).toBe(true);
    expect(doc.items[0]!.citations[0]!.quote).toBe(
      source.source.text.slice(doc.items[0]!.citations[0]!.charStart, doc.items[0]!.citations[0]!.charEnd),
    );
    expect(doc.implicitlyApprovedItemIds).toEqual([ids.pain]);
    expect(doc.excluded).toEqual({ rejectedItemIds: [ids.it], needsCheckingItemIds: [ids.unverified] });
    expect(doc.gapAnswers).toEqual([expect.objectContaining({ section: "promises", answer: "None." })]);
    expect(doc.gaps.map((g) => g.section)).not.toContain("promises");
    expect(doc.completeness.sectionsFilled).toBe(3);
    expect(doc.sources.map((s) => s.id)).toEqual([source.source.id]);
    // The implicit approval is written to the items too.
    expect(t.deps.items.get(dealId, ids.pain)).toMatchObject({ status: "approved", reviewedBy: ae.user.id });

    const again = await approve(dealId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as VersionBody).version).toBe(1);
    const listed = (await (await t.request("GET", `/v1/deals/${dealId}/versions`, { token: ae.token })).json()) as {
      versions: { version: number }[];
      latestVersion: number;
      draftMatchesLatest: boolean;
    };
    expect(listed).toMatchObject({ versions: [{ version: 1, approvedBy: ae.user.id }], latestVersion: 1, draftMatchesLatest: true });

    await patchItem(dealId, ids.pain, { statement: "Tuesday is their peak support day." });
    const changed = (await (await t.request("GET", `/v1/deals/${dealId}/versions`, { token: ae.token })).json()) as {
      draftMatchesLatest: boolean;
    };
    expect(changed.draftMatchesLatest).toBe(false);

    const second = await approve(dealId);
    expect(second.status).toBe(201);
    const v2 = (await second.json()) as VersionBody;
    expect(v2.version).toBe(2);
    expect(v2.document.items.find((i) => i.id === ids.pain)).toMatchObject({
      status: "edited",
      statement: "Tuesday is their peak support day.",
      extractedStatement: "Tuesday is the support team's heaviest day.",
    });

    const frozen = (await (await t.request("GET", `/v1/deals/${dealId}/versions/1`, { token: ae.token })).json()) as VersionBody;
    expect(frozen).toEqual(v1);
    const all = (await (await t.request("GET", `/v1/deals/${dealId}/versions`, { token: ae.token })).json()) as {
      versions: { version: number }[];
    };
    expect(all.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it("approves a deal uploaded and extracted through the API, every citation the source's own text", async () => {
    const dealId = await createDeal(t, ae);
    const source = await uploadSampleFile(t, ae, dealId);
    const run = await t.request("POST", `/v1/deals/${dealId}/extractions?wait=true`, { token: ae.token });
    expect(((await run.json()) as { run: { status: string } }).run.status).toBe("succeeded");
    const [first, second] = (await getDraft(dealId)).items;
    await patchItem(dealId, first!.id, { statement: "Reworded by the AE." });
    await patchItem(dealId, second!.id, { status: "rejected" });

    const res = await approve(dealId);
    expect(res.status).toBe(201);
    const { document } = (await res.json()) as VersionBody;
    expect(document.items.length).toBeGreaterThan(0);
    expect(document.items.some((i) => i.id === second!.id)).toBe(false);
    expect(document.items.find((i) => i.id === first!.id)?.status).toBe("edited");
    for (const item of document.items) {
      expect(item.citations.length).toBeGreaterThan(0);
      for (const c of item.citations) expect(c.quote).toBe(source.source.text.slice(c.charStart, c.charEnd));
    }
  });
});
