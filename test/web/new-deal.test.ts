import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

describe("the new-deal page", () => {
  it("lets an AE create a deal with its CSM and lands on the deal page", async () => {
    const session = await signIn(t, ae.token);
    const list = await (await getPage(t, session, "/deals")).text();
    expect(list).toContain('href="/deals/new"');
    const form = await (await getPage(t, session, "/deals/new")).text();
    expect(form).toContain("Chris Park");
    const res = await postForm(
      t,
      "/deals",
      {
        _csrf: session.csrf,
        account: "Kestrel Ridge Freight",
        closeDate: "2026-02-06",
        amount: "77,040",
        currency: "usd",
        csmId: csm.user.id,
      },
      { cookie: session.cookie },
    );
    expect(res.status).toBe(303);
    const dealId = res.headers.get("location")!.replace("/deals/", "");
    expect(t.deps.deals.get(dealId)).toMatchObject({
      account: "Kestrel Ridge Freight",
      closeDate: "2026-02-06",
      amount: 77040,
      currency: "USD",
      aeId: ae.user.id,
      csmId: csm.user.id,
    });
    expect((await getPage(t, session, `/deals/${dealId}`)).status).toBe(200);
  });

  it("shows the form again with the reason when a field is refused, and creates nothing", async () => {
    const session = await signIn(t, ae.token);
    const res = await postForm(
      t,
      "/deals",
      { _csrf: session.csrf, account: "Kestrel Ridge Freight", closeDate: "2026-02-30", amount: "", currency: "USD", csmId: "" },
      { cookie: session.cookie },
    );
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain("closeDate");
    expect(page).toContain('value="Kestrel Ridge Freight"');
    expect(t.deps.deals.listReadable({ kind: "all" })).toHaveLength(0);
  });

  it("refuses a post without the form token and keeps the page from a CSM", async () => {
    const aeSession = await signIn(t, ae.token);
    const forged = await postForm(t, "/deals", { account: "Forged" }, { cookie: aeSession.cookie });
    expect(forged.status).toBe(403);
    const csmSession = await signIn(t, csm.token);
    expect((await getPage(t, csmSession, "/deals/new")).status).toBe(403);
    const byCsm = await postForm(t, "/deals", { _csrf: csmSession.csrf, account: "Not mine" }, { cookie: csmSession.cookie });
    expect(byCsm.status).toBe(403);
    expect(t.deps.deals.listReadable({ kind: "all" })).toHaveLength(0);
  });
});
