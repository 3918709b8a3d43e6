import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_GAP_ANSWER_LENGTH } from "../../src/services/gap-answer-service.ts";
import { MAX_STATEMENT_LENGTH } from "../../src/services/review-service.ts";
import { createDeal, type ReviewDeal, seedReviewDeal } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ae: TestUser;
let deal: ReviewDeal;
beforeEach(async () => {
  t = createTestApp();
  ae = t.addUser("ae");
  deal = await seedReviewDeal(t, ae);
});
afterEach(() => t.close());

const send = (method: string, path: string, json?: unknown) =>
  t.request(method, `/v1/deals/${deal.dealId}${path}`, { token: ae.token, ...(json === undefined ? {} : { json }) });

async function expectError(res: Response, status: number, message?: RegExp) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  if (message) expect(body.error.message).toMatch(message);
}

describe("item review errors", () => {
  it("answers 404 for an unknown item and for an item of another deal", async () => {
    await expectError(await send("PATCH", "/items/itm_nope", { status: "approved" }), 404, /item not found/);
    const other = await createDeal(t, ae);
    const res = await t.request("PATCH", `/v1/deals/${other}/items/${deal.ids.champion}`, {
      token: ae.token,
      json: { status: "approved" },
    });
    await expectError(res, 404);
    expect(t.deps.items.get(deal.dealId, deal.ids.champion)?.status).toBe("draft");
  });

  it("refuses bad patch bodies with a reason and changes nothing", async () => {
    const path = `/items/${deal.ids.champion}`;
    await expectError(await send("PATCH", path, {}), 400, /at least one of/);
    await expectError(await send("PATCH", path, { status: "edited" }), 400, /^status: /);
    await expectError(await send("PATCH", path, { section: "gossip" }), 400, /^section: /);
    await expectError(await send("PATCH", path, { statement: "   " }), 400, /^statement: must not be empty/);
    await expectError(
      await send("PATCH", path, { statement: "x".repeat(MAX_STATEMENT_LENGTH + 1) }),
      400,
      /^statement: at most 1000 characters/,
    );
    await expectError(await send("PATCH", path, { status: "approved", owner: "me" }), 400);
    const notJson = await t.request("PATCH", `/v1/deals/${deal.dealId}${path}`, {
      token: ae.token,
      body: "status=approved",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await expectError(notJson, 415);
    expect(t.deps.items.get(deal.dealId, deal.ids.champion)).toMatchObject({ status: "draft", reviewedBy: null });
  });

  it("accepts a statement exactly at the cap", async () => {
    const res = await send("PATCH", `/items/${deal.ids.champion}`, { statement: "x".repeat(MAX_STATEMENT_LENGTH) });
    expect(res.status).toBe(200);
  });

  it("refuses to approve or edit an item whose citation failed verification", async () => {
    const path = `/items/${deal.ids.unverified}`;
    await expectError(await send("PATCH", path, { status: "approved" }), 409, /no verified citation/);
    await expectError(await send("PATCH", path, { statement: "Reworded." }), 409);
    expect(t.deps.items.get(deal.dealId, deal.ids.unverified)?.status).toBe("draft");
  });
});

describe("added item errors", () => {
  it("refuses bad bodies: unknown section, empty or huge statement, dangling source references", async () => {
    await expectError(await send("POST", "/items", { section: "gossip", statement: "x" }), 400, /^section: /);
    await expectError(await send("POST", "/items", { section: "promises", statement: "" }), 400, /^statement: /);
    await expectError(await send("POST", "/items", { section: "promises", statement: "x".repeat(100_000) }), 400, /at most 1000/);
    await expectError(await send("POST", "/items", { section: "promises", statement: "x", quote: "q".repeat(2001) }), 400, /^quote: /);
    await expectError(
      await send("POST", "/items", { section: "promises", statement: "x", sourceId: deal.source.source.id }),
      400,
      /give the quote/,
    );
    await expectError(
      await send("POST", "/items", { section: "promises", statement: "x", quote: "on fire", segmentId: deal.source.segments[1]!.id }),
      400,
      /needs the sourceId/,
    );
    await expectError(
      await send("POST", "/items", { section: "promises", statement: "x", quote: "on fire", sourceId: "src_unknown" }),
      400,
      /no source/,
    );
    expect(t.deps.items.list(deal.dealId)).toHaveLength(4);
  });
});

describe("gap answer errors", () => {
  it("refuses an unknown section, an empty or huge answer, and a section that has items", async () => {
    await expectError(await send("PUT", "/gaps/gossip", { answer: "x" }), 400, /unknown section/);
    await expectError(await send("DELETE", "/gaps/gossip"), 400, /unknown section/);
    await expectError(await send("PUT", "/gaps/promises", { answer: " " }), 400, /^answer: must not be empty/);
    await expectError(await send("PUT", "/gaps/promises", { answer: "x".repeat(MAX_GAP_ANSWER_LENGTH + 1) }), 400, /^answer: at most/);
    await expectError(await send("PUT", "/gaps/stakeholders", { answer: "Nate is the champion." }), 409, /already has items/);
    expect(t.deps.gapAnswers.list(deal.dealId)).toEqual([]);
  });

  it("answers 404 when removing an answer that does not exist", async () => {
    await expectError(await send("DELETE", "/gaps/promises"), 404, /no answer/);
  });
});

describe("approval and version errors", () => {
  it("refuses to approve a draft with nothing in it", async () => {
    const empty = await createDeal(t, ae);
    await expectError(await t.request("POST", `/v1/deals/${empty}/approve`, { token: ae.token }), 409, /nothing to approve/);
    expect(t.deps.versions.list(empty)).toEqual([]);
  });

  it("refuses to approve when every item is rejected and no gap is answered", async () => {
    for (const id of [deal.ids.champion, deal.ids.pain, deal.ids.it]) await send("PATCH", `/items/${id}`, { status: "rejected" });
    await expectError(await send("POST", "/approve"), 409);
  });

  it("answers 400 for a malformed version number and 404 for a version that does not exist", async () => {
    for (const bad of ["abc", "0", "-1", "1.5", "99999999999"])
      await expectError(await send("GET", `/versions/${bad}`), 400, /positive integer/);
    await expectError(await send("GET", "/versions/1"), 404, /version not found/);
    expect((await send("POST", "/approve")).status).toBe(201);
    await expectError(await send("GET", "/versions/2"), 404);
  });
});
