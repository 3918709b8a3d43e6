import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.ts";
import { seedBriefDeal } from "../support/seed-brief-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let csm: TestUser;
let deal: Deal;
beforeEach(() => {
  t = createTestApp();
  csm = t.addUser("csm");
  deal = seedBriefDeal(t, t.addUser("ae"), csm);
});
afterEach(() => t.close());

const auditRows = () =>
  t.deps.db.prepare("SELECT action, object_type, request_id FROM audit_log WHERE action IN ('view', 'export') ORDER BY id").all() as {
    action: string;
    object_type: string;
    request_id: string;
  }[];

describe("audit records of reads", () => {
  it("are in the audit log when each answer arrives, however many reads run at once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request("GET", i % 2 === 0 ? `/v1/deals/${deal.id}/brief` : `/v1/deals/${deal.id}`, { token: csm.token }),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200));
    const recorded = auditRows();
    expect(recorded).toHaveLength(20);
    expect(new Set(recorded.map((row) => row.request_id))).toEqual(new Set(answers.map((res) => res.headers.get("x-request-id"))));
  });

  it("wait for the end of the event loop's turn, then are written together", async () => {
    const actor = { user: csm.user, requestId: null };
    for (let i = 0; i < 3; i += 1) t.deps.audit.append({ ...actorEntry(actor), action: "view" }, new Date());
    expect(auditRows()).toHaveLength(0);
    await t.deps.audit.written();
    expect(auditRows()).toHaveLength(3);
  });

  it("keep a read from being answered when its record cannot be written", async () => {
    t.deps.db.exec(
      "CREATE TEMP TRIGGER refuse_reads BEFORE INSERT ON audit_log WHEN NEW.action = 'export' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const res = await t.request("GET", `/v1/deals/${deal.id}/brief`, { token: csm.token });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("INTERNAL");
    t.deps.db.exec("DROP TRIGGER refuse_reads");
    expect((await t.request("GET", `/v1/deals/${deal.id}/brief`, { token: csm.token })).status).toBe(200);
  });
});

function actorEntry(actor: { user: { id: string }; requestId: string | null }) {
  return { userId: actor.user.id, objectType: "deal", objectId: deal.id, dealId: deal.id, requestId: actor.requestId };
}
