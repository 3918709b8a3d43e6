import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedBriefDeal } from "../support/seed-brief-deal.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeEach(() => {
  // A fixed clock: the cache must not rely on timestamps changing between writes.
  t = createTestApp({ now: () => new Date("2026-02-07T09:00:00Z") });
});
afterEach(() => t.close());

async function briefText(dealId: string, token: string): Promise<string> {
  const res = await t.request("GET", `/v1/deals/${dealId}/brief?format=md`, { token });
  expect(res.status).toBe(200);
  return res.text();
}

describe("brief cache", () => {
  it("serves a changed brief after every review, gap answer and deal edit", async () => {
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const deal = seedBriefDeal(t, ae, csm);
    const riskId = `itm_risk_${deal.id}`;
    expect(await briefText(deal.id, csm.token)).toContain("The executive sponsor retires in April.");

    const rejected = await t.request("PATCH", `/v1/deals/${deal.id}/items/${riskId}`, { token: ae.token, json: { status: "rejected" } });
    expect(rejected.status).toBe(200);
    expect(await briefText(deal.id, csm.token)).not.toContain("The executive sponsor retires in April.");

    await t.request("PATCH", `/v1/deals/${deal.id}/items/${riskId}`, {
      token: ae.token,
      json: { status: "draft", statement: "Elaine Kovac, the sponsor, retires at the end of April." },
    });
    expect(await briefText(deal.id, csm.token)).toContain("Elaine Kovac, the sponsor, retires at the end of April.");

    await t.request("PATCH", `/v1/deals/${deal.id}`, { token: ae.token, json: { account: "Kestrel Ridge Freight Lines" } });
    expect(await briefText(deal.id, csm.token)).toContain("Kestrel Ridge Freight Lines");
  });
});

describe("brief compression", () => {
  it("sends the same brief gzip-compressed to a client that accepts it, and plain to one that does not", async () => {
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const deal = seedBriefDeal(t, ae, csm);
    for (const format of ["json", "md"]) {
      const plain = await t.request("GET", `/v1/deals/${deal.id}/brief?format=${format}`, { token: csm.token });
      const zipped = await t.request("GET", `/v1/deals/${deal.id}/brief?format=${format}`, {
        token: csm.token,
        headers: { "accept-encoding": "gzip, deflate, br" },
      });
      const refused = await t.request("GET", `/v1/deals/${deal.id}/brief?format=${format}`, {
        token: csm.token,
        headers: { "accept-encoding": "gzip;q=0, br" },
      });
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(refused.headers.get("content-encoding")).toBeNull();
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(zipped.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(zipped.headers.get("cache-control")).toBe("private, no-store");
      const text = await plain.text();
      const compressed = new Uint8Array(await zipped.arrayBuffer());
      expect(compressed.length).toBeLessThan(Buffer.byteLength(text));
      expect(gunzipSync(compressed).toString("utf8")).toBe(text);
      expect(await refused.text()).toBe(text);
    }
  });

  it("compresses the brief again after the deal changes", async () => {
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const deal = seedBriefDeal(t, ae, csm);
    const zippedText = async () => {
      const res = await t.request("GET", `/v1/deals/${deal.id}/brief?format=md`, {
        token: csm.token,
        headers: { "accept-encoding": "gzip" },
      });
      return gunzipSync(new Uint8Array(await res.arrayBuffer())).toString("utf8");
    };
    expect(await zippedText()).toContain("Kestrel Ridge Freight");
    await t.request("PATCH", `/v1/deals/${deal.id}`, { token: ae.token, json: { account: "Kestrel Ridge Freight Lines" } });
    expect(await zippedText()).toContain("Kestrel Ridge Freight Lines");
  });
});
