import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDeal, seedSource } from "../support/seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { getPage, signIn } from "./web-session.ts";

let t: TestApp;
let ae: TestUser;
let otherAe: TestUser;
let csm: TestUser;

beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae", "Dana Whitlock");
  otherAe = t.addUser("ae", "Omar Reyes");
  csm = t.addUser("csm", "Chris Park");
});
afterEach(() => t.close());

describe("pages follow the API's access policy", () => {
  it("answers another AE's deal, and every page under it, with a 404 page that reveals nothing", async () => {
    const theirs = seedDeal(t, otherAe, undefined, "Secret Account Ltd");
    const source = await seedSource(t, theirs.id, otherAe);
    for (const viewer of [ae, csm]) {
      const session = await signIn(t, viewer.token);
      for (const path of ["", "/review", "/brief", `/sources/${source.source.id}`, `/sources/${source.source.id}/panel`]) {
        const res = await getPage(t, session, `/deals/${theirs.id}${path}`);
        expect(res.status, path).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/text\/html/);
        const page = await res.text();
        expect(page).toContain("Page not found");
        expect(page).not.toContain("Secret Account");
        expect(page).not.toContain("Nate Brennan");
      }
      const list = await (await getPage(t, session, "/deals")).text();
      expect(list).not.toContain("Secret Account");
    }
  });

  it("shows an AE their own deals, a CSM the ones assigned, RevOps all of them", async () => {
    seedDeal(t, ae, csm, "Assigned Freight");
    seedDeal(t, ae, undefined, "Unassigned Freight");
    seedDeal(t, otherAe, undefined, "Other Freight");
    const revops = t.addUser("revops");
    const seen = async (user: TestUser) => {
      const page = await (await getPage(t, await signIn(t, user.token), "/deals")).text();
      return ["Assigned Freight", "Unassigned Freight", "Other Freight"].filter((account) => page.includes(account));
    };
    expect(await seen(ae)).toEqual(["Assigned Freight", "Unassigned Freight"]);
    expect(await seen(csm)).toEqual(["Assigned Freight"]);
    expect(await seen(revops)).toEqual(["Assigned Freight", "Unassigned Freight", "Other Freight"]);
  });

  it("lets an administrator sign in but read no deal content (403, like the API)", async () => {
    const deal = seedDeal(t, ae, csm, "Assigned Freight");
    const admin = t.addUser("admin");
    const session = await signIn(t, admin.token);
    const list = await (await getPage(t, session, "/deals")).text();
    expect(list).toContain("do not read deal content");
    expect(list).not.toContain("Assigned Freight");
    const res = await getPage(t, session, `/deals/${deal.id}`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("Assigned Freight");
  });

  it("escapes what customers and users wrote: markup in an account name stays text", async () => {
    const deal = seedDeal(t, ae, csm, `<img src=x onerror="alert(1)">Evil & Co`);
    const session = await signIn(t, ae.token);
    for (const path of ["/deals", `/deals/${deal.id}`, `/deals/${deal.id}/review`, `/deals/${deal.id}/brief`]) {
      const page = await (await getPage(t, session, path)).text();
      expect(page, path).not.toContain("<img src=x");
      expect(page, path).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Evil &amp; Co");
    }
  });

  it("records page views in the audit log, with ids only", async () => {
    const deal = seedDeal(t, ae, csm);
    const session = await signIn(t, csm.token);
    await getPage(t, session, `/deals/${deal.id}/brief`);
    const entries = t.deps.audit.listForDeal(deal.id).filter((entry) => entry.userId === csm.user.id);
    expect(entries).toEqual([expect.objectContaining({ action: "view", objectType: "brief", objectId: deal.id })]);
  });
});
