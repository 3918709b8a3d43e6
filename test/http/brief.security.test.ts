import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.ts";
import { seedBriefDeal } from "../support/seed-brief-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;
let deal: Deal;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
  csm = t.addUser("csm");
  deal = seedBriefDeal(t, ae, csm);
});
afterEach(() => t.close());

const brief = (token: string | undefined, dealId = deal.id) => t.request("GET", `/v1/deals/${dealId}/brief`, token ? { token } : {});

describe("brief access", () => {
  it("lets the deal's AE, its assigned CSM and RevOps read the brief", async () => {
    for (const reader of [ae, csm, t.addUser("revops")]) expect((await brief(reader.token)).status).toBe(200);
  });

  it("answers 404 to an AE or CSM of another deal, as if the deal did not exist", async () => {
    const otherAe = t.addUser("ae");
    const otherCsm = t.addUser("csm");
    const theirs = seedBriefDeal(t, otherAe, otherCsm, { account: "Other Co" });
    for (const outsider of [otherAe, otherCsm]) {
      const res = await brief(outsider.token);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
    // The CSM sees their own deal but not another deal's brief.
    expect((await brief(csm.token, theirs.id)).status).toBe(404);
    expect((await brief(otherCsm.token, theirs.id)).status).toBe(200);
  });

  it("refuses admins (they manage users, not customer content) and callers without a valid token", async () => {
    const admin = t.addUser("admin");
    expect((await brief(admin.token)).status).toBe(403);
    expect((await brief(undefined)).status).toBe(401);
    expect((await brief("baton_not_a_token")).status).toBe(401);
  });

  it("audits each read as an export with ids only, and forbids caching", async () => {
    const res = await brief(csm.token);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    await brief(`${csm.token}x`);
    const entries = t.deps.audit.listForDeal(deal.id).filter((e) => e.action === "export");
    expect(entries).toEqual([
      {
        at: expect.any(String),
        userId: csm.user.id,
        action: "export",
        objectType: "brief",
        objectId: deal.id,
        dealId: deal.id,
        requestId: res.headers.get("x-request-id"),
      },
    ]);
  });
});
