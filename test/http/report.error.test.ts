import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let revops: TestUser;
beforeEach(() => {
  t = createTestApp();
  revops = t.addUser("revops");
});
afterEach(() => t.close());

describe("report errors", () => {
  it.each([
    ["?from=02/01/2026", "from: expected a date as YYYY-MM-DD"],
    ["?to=2026-02-30", "to: not a calendar date"],
    ["?from=2026-03-01&to=2026-02-01", "query: from must not be after to"],
    ["?format=xlsx", "format:"],
  ])("answers 400 for %s", async (query, message) => {
    const res = await t.request("GET", `/v1/reports/handoffs${query}`, { token: revops.token });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(message);
  });

  it("reports an empty service with null averages and a header-only CSV", async () => {
    const json = await t.request("GET", "/v1/reports/handoffs", { token: revops.token });
    expect(await json.json()).toMatchObject({ deals: [], totals: { deals: 0, completionRate: null, unverifiedRate: null } });
    const csv = await (await t.request("GET", "/v1/reports/handoffs?format=csv", { token: revops.token })).text();
    expect(csv.split("\r\n")).toHaveLength(2);
  });
});
