import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe("deals", () => {
  it("lets an AE create, read, update and delete their deal", async () => {
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const created = await t.request("POST", "/v1/deals", {
      token: ae.token,
      json: { account: "Kestrel Ridge Freight", closeDate: "2026-02-06", amount: 77040, currency: "USD", csmId: csm.user.id },
    });
    expect(created.status).toBe(201);
    const deal = (await created.json()) as { id: string; aeId: string };
    expect(deal.aeId).toBe(ae.user.id);

    const read = await t.request("GET", `/v1/deals/${deal.id}`, { token: ae.token });
    expect(read.status).toBe(200);
    const patched = await t.request("PATCH", `/v1/deals/${deal.id}`, { token: ae.token, json: { amount: 80000 } });
    expect(((await patched.json()) as { amount: number }).amount).toBe(80000);
    expect((await t.request("GET", `/v1/deals/${deal.id}`, { token: csm.token })).status).toBe(200);

    expect((await t.request("DELETE", `/v1/deals/${deal.id}`, { token: ae.token })).status).toBe(204);
    expect((await t.request("GET", `/v1/deals/${deal.id}`, { token: ae.token })).status).toBe(404);
  });

  it("answers 404 for another AE's deal and 401 without a token", async () => {
    const owner = t.addUser("ae");
    const other = t.addUser("ae");
    const res = await t.request("POST", "/v1/deals", { token: owner.token, json: { account: "Acme" } });
    const { id } = (await res.json()) as { id: string };
    const foreign = await t.request("GET", `/v1/deals/${id}`, { token: other.token });
    expect(foreign.status).toBe(404);
    const body = (await foreign.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.requestId).toBe(foreign.headers.get("x-request-id"));
    expect((await t.request("GET", `/v1/deals/${id}`)).status).toBe(401);
    expect((await t.request("GET", `/v1/deals/${id}`, { token: "baton_wrong" })).status).toBe(401);
  });

  it("rejects invalid bodies with a reason", async () => {
    const ae = t.addUser("ae");
    const res = await t.request("POST", "/v1/deals", { token: ae.token, json: { account: "", extra: 1 } });
    expect(res.status).toBe(400);
    const notJson = await t.request("POST", "/v1/deals", { token: ae.token, body: "account=x", headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);
  });

  it("refuses a close date that is not on the calendar, on create and on change", async () => {
    const ae = t.addUser("ae");
    const created = await t.request("POST", "/v1/deals", { token: ae.token, json: { account: "Acme", closeDate: "2026-02-31" } });
    expect(created.status).toBe(400);
    expect(((await created.json()) as { error: { message: string } }).error.message).toBe("closeDate: not a calendar date");
    const ok = await t.request("POST", "/v1/deals", { token: ae.token, json: { account: "Acme", closeDate: "2028-02-29" } });
    expect(ok.status).toBe(201);
    const { id } = (await ok.json()) as { id: string };
    expect((await t.request("PATCH", `/v1/deals/${id}`, { token: ae.token, json: { closeDate: "2027-02-29" } })).status).toBe(400);
  });

  it("answers an empty draft with no creation time and refuses an unknown draft format", async () => {
    const ae = t.addUser("ae");
    const { id } = (await (await t.request("POST", "/v1/deals", { token: ae.token, json: { account: "Acme" } })).json()) as { id: string };
    const draft = await t.request("GET", `/v1/deals/${id}/draft`, { token: ae.token });
    expect(((await draft.json()) as { createdAt: string | null }).createdAt).toBeNull();
    const unknown = await t.request("GET", `/v1/deals/${id}/draft?format=pdf`, { token: ae.token });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe("format: expected json or md");
  });
});
