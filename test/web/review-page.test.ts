import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SECTIONS } from "../../src/domain/sections.ts";
import { citeSegment, createDeal, extractedItem, seedReviewDeal, uploadSampleFile } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { getPage, signIn } from "./web-session.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;

beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae", "Dana Whitlock");
  csm = t.addUser("csm", "Chris Park");
});
afterEach(() => t.close());

const decode = (text: string) =>
  text
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

describe("the review page", () => {
  it("links every verified citation to the exact span of its source, which the panel highlights", async () => {
    const { dealId, source, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const page = await (await getPage(t, session, `/deals/${dealId}/review`)).text();
    const item = page.slice(page.indexOf(`id="item-${ids.pain}"`));
    const panelUrl = decode(/data-panel-url="([^"]+)"/.exec(item)![1]!);
    const citation = t.deps.items.get(dealId, ids.pain)!.citations[0]!;
    expect(panelUrl).toBe(`/deals/${dealId}/sources/${source.source.id}/panel?from=${citation.charStart}&to=${citation.charEnd}`);

    const panel = await (await getPage(t, session, panelUrl)).text();
    const marks = [...panel.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => decode(m[1]!));
    expect(marks.join("")).toBe(source.source.text.slice(citation.charStart, citation.charEnd));
    expect(panel).toMatch(/<mark class="quote-mark" id="quote" data-focus>/);
    expect(panel).not.toContain("<html");
  });

  it("lists what needs checking with the verifier's reason, and the gaps with their questions", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const page = await (await getPage(t, session, `/deals/${dealId}/review`)).text();
    const needsChecking = page.slice(page.indexOf('id="needs-checking"'), page.indexOf('id="section-accountOverview"'));
    expect(needsChecking).toContain(`id="item-${ids.unverified}"`);
    expect(needsChecking).toContain("we will churn by March");
    expect(needsChecking).toContain("Why it needs checking");
    expect(decode(page)).toContain(SECTIONS.promises.gapQuestion);
    expect(page).toContain('id="gap-promises"');
    expect(page).toContain("0/3 reviewed");
  });

  it("lays out the review actions, forms posting to the review service, for the deal's AE only", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const aePage = await (await getPage(t, await signIn(t, ae.token), `/deals/${dealId}/review`)).text();
    expect(aePage.match(/data-action="approve"/g)).toHaveLength(3);
    expect(aePage).toContain(`<form method="post" action="/deals/${dealId}/review/items/${ids.pain}"`);
    expect(aePage).not.toMatch(/<button[^>]*data-action="reject"[^>]*disabled/);
    // The needs-checking item may only be rejected.
    const checking = aePage.slice(aePage.indexOf(`id="item-${ids.unverified}"`), aePage.indexOf('id="section-accountOverview"'));
    expect(checking).toContain('data-action="reject"');
    expect(checking).not.toContain('data-action="approve"');
    const csmPage = await (await getPage(t, await signIn(t, csm.token), `/deals/${dealId}/review`)).text();
    expect(csmPage).not.toContain('data-action="approve"');
    expect(csmPage).toContain("Draft: Kestrel Ridge Freight");
  });

  it("ignores a highlight outside the source instead of failing", async () => {
    const { dealId, source } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const res = await getPage(t, session, `/deals/${dealId}/sources/${source.source.id}?from=5&to=999999999`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain("<mark");
  });
});

describe("the review page's promises and next steps", () => {
  it("says in words what a later source says was done, and what was due before the latest source", async () => {
    const dealId = await createDeal(t, ae, csm);
    const source = await uploadSampleFile(t, ae, dealId);
    const promise = extractedItem("itm_done", "promises", "Priya Raman will send the SOC 2 report.", [
      citeSegment(source, "SOC 2 Type II report under NDA"),
    ]);
    const step = extractedItem("itm_past", "nextSteps", "Dana Whitlock will send a recap by Friday.", [
      citeSegment(source, "recap and a draft proposal by Friday"),
    ]);
    promise.details = { status: "done", statusEvidence: { quote: "Ray says the SOC 2 report looks fine", filename: "email-thread.eml" } };
    step.details = { status: "past", dueDate: "2026-01-16" };
    t.deps.items.addIfNew(
      dealId,
      [promise, step].map((item) => ({ item, needsChecking: false })),
      null,
      t.deps.now(),
    );
    const page = decode(await (await getPage(t, await signIn(t, ae.token), `/deals/${dealId}/review`)).text());
    const card = (id: string) => page.slice(page.indexOf(`id="item-${id}"`), page.indexOf("</li>", page.indexOf(`id="item-${id}"`)));
    expect(card("itm_done")).toContain("<dt>Status</dt><dd>done: “Ray says the SOC 2 report looks fine” (email-thread.eml)</dd>");
    expect(card("itm_past")).toContain("<dt>Status</dt><dd>past: due before the latest source; check it happened</dd>");
  });
});
