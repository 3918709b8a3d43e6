// The review workspace never overwrites a change it did not show: its forms carry the version they were rendered from.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedReviewDeal } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { getPage, type PageSession, postForm, signIn } from "./web-session.ts";

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae", "Dana Whitlock");
});
afterEach(() => t.close());

const post = (session: PageSession, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  postForm(t, path, { _csrf: session.csrf, ...fields }, { cookie: session.cookie, ...headers });
const postAsScript = (session: PageSession, path: string, fields: Record<string, string>) =>
  post(session, path, fields, { accept: "application/json", "x-csrf-token": session.csrf });

/** The version field of the form posting to `action` in a rendered page: what a browser would send. */
function renderedVersion(page: string, action: string): string {
  const form = page.slice(page.indexOf(`action="${action}"`));
  const match = /name="version" value="(\d+)"/.exec(form.slice(0, form.indexOf("</form>")));
  if (match === null) throw new Error(`no version field in the form of ${action}`);
  return match[1]!;
}

/** Someone else's change through the API while the page is open. */
const editElsewhere = (dealId: string, itemId: string, statement: string) =>
  t.request("PATCH", `/v1/deals/${dealId}/items/${itemId}`, { token: ae.token, json: { statement } });

describe("review forms against a change made meanwhile", () => {
  it("refuses a form rendered before someone else's edit (412) and shows the item as it is now, with the message", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const session = await signIn(t, ae.token);
    const action = `/deals/${dealId}/review/items/${ids.pain}`;
    const version = renderedVersion(await (await getPage(t, session, `/deals/${dealId}/review`)).text(), action);
    expect(version).toBe("1");
    expect((await editElsewhere(dealId, ids.pain, "Tuesday is peak day for support.")).status).toBe(200);

    const plain = await post(session, action, { version, statement: "Tuesday is when tickets pile up." });
    expect(plain.status).toBe(412);
    const page = await plain.text();
    const card = page.slice(page.indexOf(`id="item-${ids.pain}"`));
    expect(card.slice(0, card.indexOf("</li>"))).toContain("Tuesday is peak day for support.");
    expect(card).toMatch(
      /data-item-message>Not saved: someone changed this item after this page was loaded\. It now shows what was saved; make your change again if it still applies\. Yours was: “Tuesday is when tickets pile up\.”/,
    );
    // The page it answers with carries the new version, so the next try is made against what the reviewer sees.
    expect(renderedVersion(page, action)).toBe("2");
    expect(t.deps.items.get(dealId, ids.pain)).toMatchObject({ statement: "Tuesday is peak day for support.", version: 2 });
  });

  it("answers the script's stale review with 412, the current card and the message, and saves nothing", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const session = await signIn(t, ae.token);
    await editElsewhere(dealId, ids.champion, "Nate Brennan leads customer service.");
    const res = await postAsScript(session, `/deals/${dealId}/review/items/${ids.champion}`, { version: "1", status: "rejected" });
    expect(res.status).toBe(412);
    const body = (await res.json()) as { error: { code: string; message: string }; card: string; progress: string };
    expect(body.error.code).toBe("PRECONDITION_FAILED");
    expect(body.error.message).toMatch(/^Not saved: someone changed this item/);
    expect(body.card).toMatch(new RegExp(`^<li class="item item-edited" id="item-${ids.champion}"`));
    expect(body.card).toContain("Nate Brennan leads customer service.");
    expect(body.card).toContain('name="version" value="2"');
    expect(body.progress).toContain("1/3 reviewed");
    expect(t.deps.items.get(dealId, ids.champion)!.status).toBe("edited");
  });

  it("refuses a review form without its version (428), with the API still taking writes without If-Match", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const session = await signIn(t, ae.token);
    const action = `/deals/${dealId}/review/items/${ids.pain}`;
    const plain = await post(session, action, { status: "approved" });
    expect(plain.status).toBe(428);
    expect(await plain.text()).toContain(
      "Not saved: this form does not say which version it was made from. Reload the page and try again.",
    );
    const scripted = await postAsScript(session, action, { status: "approved" });
    expect(scripted.status).toBe(428);
    expect(((await scripted.json()) as { error: { code: string } }).error.code).toBe("PRECONDITION_REQUIRED");
    const gap = await post(session, `/deals/${dealId}/review/gaps/competition`, { intent: "answer", answer: "None." });
    expect(gap.status).toBe(428);
    expect(t.deps.items.get(dealId, ids.pain)!.status).toBe("draft");
    expect(t.deps.gapAnswers.list(dealId)).toEqual([]);

    const api = await t.request("PATCH", `/v1/deals/${dealId}/items/${ids.pain}`, { token: ae.token, json: { status: "approved" } });
    expect(api.status).toBe(200);
  });

  it("refuses a gap answer when someone answered first, keeping their answer and quoting the refused one", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const session = await signIn(t, ae.token);
    const action = `/deals/${dealId}/review/gaps/competition`;
    const version = renderedVersion(await (await getPage(t, session, `/deals/${dealId}/review`)).text(), action);
    expect(version).toBe("0");
    const api = await t.request("PUT", `/v1/deals/${dealId}/gaps/competition`, { token: ae.token, json: { answer: "Zendesk." } });
    expect(api.status).toBe(200);

    const res = await post(session, action, { version, intent: "answer", answer: "No competitor came up." });
    expect(res.status).toBe(412);
    const page = await res.text();
    expect(page).toContain(
      "Competitive landscape: Not saved: someone changed this answer after this page was loaded. The answer shown is the one saved",
    );
    expect(page).toContain("Yours was: “No competitor came up.”");
    expect(t.deps.gapAnswers.get(dealId, "competition")?.answer).toBe("Zendesk.");
    // Clearing with the version shown now works.
    const cleared = await post(session, action, { version: renderedVersion(page, action), intent: "clear" });
    expect(cleared.status).toBe(303);
    expect(cleared.headers.get("location")).toBe(`/deals/${dealId}/review#gap-competition`);
  });
});
