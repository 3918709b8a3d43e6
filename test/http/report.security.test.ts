import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedBriefDeal } from "../support/seed-brief-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
  csm = t.addUser("csm");
  seedBriefDeal(t, ae, csm);
});
afterEach(() => t.close());

type AuditRow = { user_id: string; action: string; object_type: string; object_id: string | null; deal_id: string | null };
const exports = () =>
  t.deps.db.prepare("SELECT user_id, action, object_type, object_id, deal_id FROM audit_log WHERE action = 'export'").all() as AuditRow[];

describe("report access", () => {
  it("is for RevOps only: the deal's own AE and CSM, and admins, get 403", async () => {
    for (const format of ["", "?format=csv"]) {
      for (const caller of [ae, csm, t.addUser("admin")]) {
        const res = await t.request("GET", `/v1/reports/handoffs${format}`, { token: caller.token });
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      }
    }
    expect((await t.request("GET", "/v1/reports/handoffs")).status).toBe(401);
    expect(exports()).toEqual([]);
  });

  it("audits each export with ids only and forbids caching", async () => {
    const revops = t.addUser("revops");
    const res = await t.request("GET", "/v1/reports/handoffs?format=csv", { token: revops.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(exports()).toEqual([
      { user_id: revops.user.id, action: "export", object_type: "handoff_report", object_id: null, deal_id: null },
    ]);
  });
});
