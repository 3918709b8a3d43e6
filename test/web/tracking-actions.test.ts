import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Citation } from "../../src/domain/citation.ts";
import { seedFullDeal } from "../support/seed-deal.ts";
import { seedBriefDeal } from "../support/seed-brief-deal.ts";
import { extractedItem } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { getPage, postForm, signIn } from "./web-session.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;

beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae", "Dana Whitlock");
  csm = t.addUser("csm", "Chris Park");
});
afterEach(() => t.close());

/** A verified citation of a whole segment that is just `quote`. */
const citeWhole = (quote: string, where: Pick<Citation, "sourceId" | "segmentId" | "speaker" | "startMs" | "filename">): Citation => ({
  ...where,
  quote,
  charStart: 0,
  charEnd: quote.length,
  match: "exact",
});

describe("the CSM's follow-up from the brief page", () => {
  it("opens with the brief's one composed sentence, each part marked with its citation", async () => {
    const deal = seedBriefDeal(t, ae, csm);
    const session = await signIn(t, csm.token);
    const page = await (await getPage(t, session, `/deals/${deal.id}/brief`)).text();
    expect(page).toMatch(/<p class="opener" id="summary"><span class="label">In one sentence<\/span> [^<]*why now: [^<]*\[1\]/);
  });

  it("badges a promise a later source says was delivered as done, with those words, and counts only the open ones", async () => {
    const deal = seedBriefDeal(t, ae, csm);
    const quote = "Elaine, the one-page ROI summary for your leadership meeting will be with you on Monday.";
    const citation = citeWhole(quote, {
      sourceId: "src_mail",
      segmentId: "seg-roi",
      speaker: "Dana Whitlock",
      startMs: null,
      filename: "email-thread.eml",
    });
    const evidence = { quote: "The ROI one-pager went to Elaine yesterday.", filename: "email-thread.eml", sourceId: "src_mail" };
    const done = {
      ...extractedItem(`itm_roi_${deal.id}`, "promises", "Dana Whitlock committed (due Monday): “…”", [citation]),
      details: { what: quote, due: "Monday", dueDate: "2026-02-02", status: "done", statusEvidence: evidence },
    };
    const before = await (await getPage(t, await signIn(t, csm.token), `/deals/${deal.id}/brief`)).text();
    const openBefore = /Promises to honour <span class="count">(\d+)<\/span>/.exec(before)?.[1];
    t.deps.items.addIfNew(deal.id, [{ item: done, needsChecking: false }], null, t.deps.now());
    const page = await (await getPage(t, await signIn(t, csm.token), `/deals/${deal.id}/brief`)).text();
    const item = page.slice(page.indexOf(`id="brief-${done.id}"`), page.indexOf("</li>", page.indexOf(`id="brief-${done.id}"`)));
    expect(item).toContain(">Done<");
    expect(item).toContain("Done, per email-thread.eml: “The ROI one-pager went to Elaine yesterday.”");
    expect(item).toContain("Due: 2026-02-02 (“Monday”)");
    expect(/Promises to honour <span class="count">(\d+)<\/span>/.exec(page)?.[1]).toBe(openBefore);
    expect(page).toMatch(/Promises to honour <span class="count">\d+<\/span> <span class="heading-note">open · 1 done<\/span>/);
  });

  it("labels an objection answered with no push-back as answered, not as unresolved", async () => {
    const deal = seedBriefDeal(t, ae, csm);
    const quote = "If it doesn't do SAML with Okta, it's a non-starter.";
    const citation = citeWhole(quote, {
      sourceId: "src_call",
      segmentId: "seg-sso",
      speaker: "Ray Tanaka",
      startMs: 189_000,
      filename: "discovery-call.vtt",
    });
    const answered = {
      ...extractedItem(`itm_sso_${deal.id}`, "objections", "Ray needs SAML with Okta.", [citation]),
      details: { status: "answered" },
    };
    t.deps.items.addIfNew(deal.id, [{ item: answered, needsChecking: false }], null, t.deps.now());
    const session = await signIn(t, csm.token);
    const page = await (await getPage(t, session, `/deals/${deal.id}/brief`)).text();
    const item = (id: string) => page.slice(page.indexOf(`id="brief-${id}"`), page.indexOf("</li>", page.indexOf(`id="brief-${id}"`)));
    expect(item(answered.id)).toContain("Objection, answered");
    expect(item(`itm_objection_${deal.id}`)).toContain("Unresolved objection");
  });

  it("marks a milestone done and sends 'received, with questions', which the AE reads on the deal page", async () => {
    const { deal } = await seedFullDeal(t, ae, csm);
    const session = await signIn(t, csm.token);
    const brief = await (await getPage(t, session, `/deals/${deal.id}/brief`)).text();
    expect(brief).toContain(`action="/deals/${deal.id}/brief/milestones/kickoff"`);
    const marked = await postForm(
      t,
      `/deals/${deal.id}/brief/milestones/kickoff`,
      { _csrf: session.csrf, intent: "done" },
      { cookie: session.cookie },
    );
    expect(marked.status).toBe(303);
    expect(marked.headers.get("location")).toBe(`/deals/${deal.id}/brief#timeline`);
    expect(t.deps.tracking.listMilestones(deal.id).map((m) => m.milestone)).toEqual(["kickoff"]);
    await postForm(
      t,
      `/deals/${deal.id}/brief/feedback`,
      { _csrf: session.csrf, questions: "Who owns SSO on their side?" },
      { cookie: session.cookie },
    );

    const aeSession = await signIn(t, ae.token);
    const dealPage = await (await getPage(t, aeSession, `/deals/${deal.id}`)).text();
    expect(dealPage).toContain("From the CSM");
    expect(dealPage).toContain("Who owns SSO on their side?");
    expect(dealPage).toMatch(/Done<\/span> Kickoff held/);
    // The AE reads the brief but has no milestone buttons, and the server refuses the form too.
    expect(await (await getPage(t, aeSession, `/deals/${deal.id}/brief`)).text()).not.toContain("/brief/milestones/");
    const refused = await postForm(
      t,
      `/deals/${deal.id}/brief/milestones/checkIn`,
      { _csrf: aeSession.csrf, intent: "done" },
      { cookie: aeSession.cookie },
    );
    expect(refused.status).toBe(403);
  });
});
