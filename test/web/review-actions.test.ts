import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedReviewDeal } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { getPage, ORIGIN, type PageSession, postForm, signIn } from "./web-session.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;

beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae", "Dana Whitlock");
  csm = t.addUser("csm", "Chris Park");
});
afterEach(() => t.close());

const post = (session: PageSession, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  postForm(t, path, { _csrf: session.csrf, ...fields }, { cookie: session.cookie, ...headers });

/** The version field the page renders in an item's forms, as it is now. */
const itemVersion = (dealId: string, itemId: string) => ({ version: String(t.deps.items.get(dealId, itemId)!.version) });
const gapVersion = (dealId: string, gapId: "competition" | "accountOverview.seats") => ({
  version: String(t.deps.gapAnswers.get(dealId, gapId)?.version ?? 0),
});

/** As the page script sends a form: the token in a header, JSON asked for. */
const postAsScript = (session: PageSession, path: string, fields: Record<string, string>) =>
  t.app.request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: ORIGIN,
      cookie: session.cookie,
      accept: "application/json",
      "x-csrf-token": session.csrf,
    },
    body: new URLSearchParams(fields).toString(),
  });

describe("contract field gaps on the review page", () => {
  it("shows a form per unstated contract field and saves its answer under the field's gap id", async () => {
    const { dealId } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const page = await (await getPage(t, session, `/deals/${dealId}/review`)).text();
    expect(page).toContain(`action="/deals/${dealId}/review/gaps/accountOverview.seats"`);
    expect(page).toContain("No source states the seat count: how many seats?");
    // The form carries the version it was rendered from ("0": unanswered), as every review form does.
    expect(page).toMatch(
      /action="[^"]*\/review\/gaps\/accountOverview\.seats" class="gap-form">\s*<input[^>]*name="_csrf"[^>]*><input type="hidden" name="version" value="0">/,
    );
    const saved = await post(session, `/deals/${dealId}/review/gaps/accountOverview.seats`, {
      intent: "answer",
      answer: "120 agent seats.",
      ...gapVersion(dealId, "accountOverview.seats"),
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/deals/${dealId}/review#gap-accountOverview-seats`);
    expect(t.deps.gapAnswers.list(dealId)).toEqual([
      expect.objectContaining({ section: "accountOverview", gapId: "accountOverview.seats", answer: "120 agent seats." }),
    ]);
    // A form rendered before that answer is stale (412); one without a version is refused (428): nothing changes.
    const stale = await post(session, `/deals/${dealId}/review/gaps/accountOverview.seats`, {
      intent: "answer",
      answer: "90 seats.",
      version: "0",
    });
    expect(stale.status).toBe(412);
    const unversioned = await post(session, `/deals/${dealId}/review/gaps/accountOverview.seats`, { intent: "clear" });
    expect(unversioned.status).toBe(428);
    expect(t.deps.gapAnswers.get(dealId, "accountOverview.seats")?.answer).toBe("120 agent seats.");
    const again = await (await getPage(t, session, `/deals/${dealId}/review`)).text();
    expect(again).toContain('id="gap-accountOverview-seats"');
    expect(again).toMatch(/The AE's answer<\/span> 120 agent seats\./);
  });
});

describe("review actions from the pages", () => {
  it("approves, edits and rejects through forms, each redirecting back to its item", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const approved = await post(session, `/deals/${dealId}/review/items/${ids.champion}`, {
      status: "approved",
      ...itemVersion(dealId, ids.champion),
    });
    expect(approved.status).toBe(303);
    expect(approved.headers.get("location")).toBe(`/deals/${dealId}/review#item-${ids.champion}`);
    expect(t.deps.items.get(dealId, ids.champion)!.status).toBe("approved");

    await post(session, `/deals/${dealId}/review/items/${ids.pain}`, {
      ...itemVersion(dealId, ids.pain),
      statement: "Tuesdays are the busiest support day.",
      section: "whyTheyBought",
    });
    expect(t.deps.items.get(dealId, ids.pain)).toMatchObject({ status: "edited", statement: "Tuesdays are the busiest support day." });

    await post(session, `/deals/${dealId}/review/items/${ids.champion}`, {
      ...itemVersion(dealId, ids.champion),
      statement: "Nate Brennan is Director of Customer Service at Kestrel Ridge.",
      section: "stakeholders",
      "detail.role": "champion",
      "detail.stance": "supportive",
      "detail.title": "Director of Customer Service",
      "detail.email": "",
    });
    expect(t.deps.items.get(dealId, ids.champion)!.details).toMatchObject({ role: "champion", stance: "supportive" });

    await post(session, `/deals/${dealId}/review/items/${ids.it}`, { status: "rejected", ...itemVersion(dealId, ids.it) });
    expect(t.deps.items.get(dealId, ids.it)!.status).toBe("rejected");
    const audit = t.deps.audit.listForDeal(dealId).filter((entry) => entry.objectType === "item" && entry.userId === ae.user.id);
    expect(audit.length).toBe(4);
  });

  it("shows a refusal next to its item: a needs-checking item may only be rejected", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const plain = await post(session, `/deals/${dealId}/review/items/${ids.unverified}`, {
      status: "approved",
      ...itemVersion(dealId, ids.unverified),
    });
    expect(plain.status).toBe(409);
    const page = await plain.text();
    const card = page.slice(page.indexOf(`id="item-${ids.unverified}"`), page.indexOf('id="section-accountOverview"'));
    expect(card).toMatch(
      /<p class="item-message" id="item-message-[^"]+" role="alert" data-item-message>this item has no verified citation/,
    );

    const scripted = await postAsScript(session, `/deals/${dealId}/review/items/${ids.unverified}`, {
      status: "approved",
      ...itemVersion(dealId, ids.unverified),
    });
    expect(scripted.status).toBe(409);
    expect(((await scripted.json()) as { error: { message: string } }).error.message).toMatch(/cannot be approved or edited/);
    expect(t.deps.items.get(dealId, ids.unverified)!.status).toBe("draft");
  });

  it("answers the script with the updated card and progress", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const res = await postAsScript(session, `/deals/${dealId}/review/items/${ids.pain}`, {
      status: "approved",
      ...itemVersion(dealId, ids.pain),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { card: string; progress: string; message: string };
    expect(body.card).toMatch(new RegExp(`^<li class="item item-approved" id="item-${ids.pain}"`));
    expect(body.progress).toContain("1/3 reviewed");
    expect(body.message).toBe("Approved.");
  });

  it("approves a section in bulk, answers and clears a gap, and adds an item with a checked quote", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const bulk = await post(session, `/deals/${dealId}/review/sections/stakeholders/approve`, {});
    expect(bulk.headers.get("location")).toBe(`/deals/${dealId}/review#section-stakeholders`);
    expect(t.deps.items.get(dealId, ids.champion)!.status).toBe("approved");

    await post(session, `/deals/${dealId}/review/gaps/competition`, {
      intent: "answer",
      answer: "No competitor came up.",
      ...gapVersion(dealId, "competition"),
    });
    expect(t.deps.gapAnswers.list(dealId).map((a) => a.answer)).toEqual(["No competitor came up."]);
    const refused = await post(session, `/deals/${dealId}/review/gaps/stakeholders`, { intent: "answer", answer: "Nate.", version: "0" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Stakeholders: section stakeholders already has items");
    await post(session, `/deals/${dealId}/review/gaps/competition`, { intent: "clear", ...gapVersion(dealId, "competition") });
    expect(t.deps.gapAnswers.list(dealId)).toEqual([]);

    const check = await postAsScript(session, `/deals/${dealId}/review/quote-check`, { quote: "Tuesday's our heaviest day" });
    expect(await check.json()).toMatchObject({ match: "exact", found: "Tuesday's our heaviest day" });
    const added = await post(session, `/deals/${dealId}/review/items`, {
      section: "nextSteps",
      statement: "Kickoff on March 10.",
      quote: "Tuesday's our heaviest day",
      sourceId: "",
    });
    expect(added.status).toBe(303);
    const item = t.deps.items.list(dealId).find((i) => i.statement === "Kickoff on March 10.")!;
    expect(added.headers.get("location")).toBe(`/deals/${dealId}/review#item-${item.id}`);
    expect(item).toMatchObject({ origin: "ae", status: "approved", flags: ["ae-provided"] });
    expect(item.citations[0]!.quote).toBe("Tuesday's our heaviest day");
  });

  it("approves the handoff after showing what is still unreviewed", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    await post(session, `/deals/${dealId}/review/items/${ids.it}`, { status: "rejected", ...itemVersion(dealId, ids.it) });
    const preview = await (await getPage(t, session, `/deals/${dealId}/approve`)).text();
    expect(preview).toContain("2 items</span> not reviewed yet");
    expect(preview).toContain("Approve, including 2 unreviewed items");
    expect(t.deps.versions.latest(dealId)).toBeUndefined();
    const approved = await post(session, `/deals/${dealId}/approve`, {});
    expect(approved.headers.get("location")).toBe(`/deals/${dealId}/approve?version=1&created=1`);
    const done = await (await getPage(t, session, `/deals/${dealId}/approve?version=1&created=1`)).text();
    expect(done).toContain("Approved: version 1 created.");
    expect(done).toContain("approving again would change nothing");
    // A version the deal does not have is never announced.
    expect(await (await getPage(t, session, `/deals/${dealId}/approve?version=9&created=1`)).text()).not.toContain("version 9");
  });

  it("refuses a form without its token, and a CSM's review form, changing nothing", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const forged = await postForm(t, `/deals/${dealId}/review/items/${ids.pain}`, { status: "approved" }, { cookie: session.cookie });
    expect(forged.status).toBe(403);
    const csmSession = await signIn(t, csm.token);
    for (const path of [`/review/items/${ids.pain}`, "/review/sections/whyTheyBought/approve", "/approve", "/review/gaps/promises"]) {
      const res = await post(csmSession, `/deals/${dealId}${path}`, { status: "approved", intent: "answer", answer: "x", version: "1" });
      expect(res.status, path).toBe(403);
    }
    expect(t.deps.items.get(dealId, ids.pain)!.status).toBe("draft");
    expect(t.deps.versions.latest(dealId)).toBeUndefined();
  });
});
