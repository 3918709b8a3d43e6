// Optimistic concurrency over real sockets: concurrent conflicting writes of one version, exactly one is written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Deal } from "../../src/domain/deal.ts";
import type { StoredItem } from "../../src/domain/stored-item.ts";
import { seedReviewDeal } from "../support/seed-review-deal.ts";
import { type ServedApp, serveTestApp } from "../support/serve-test-app.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

type ErrorBody = { error: { code: string; message: string } };

let t: TestApp;
let served: ServedApp;
let ae: TestUser;
beforeEach(async () => {
  t = createTestApp();
  ae = t.addUser("ae");
  served = await serveTestApp(t);
});
afterEach(async () => {
  await served.stop();
  await t.close();
});

const patchItem = (dealId: string, itemId: string, json: unknown, ifMatch?: string) =>
  served.fetch(`/v1/deals/${dealId}/items/${itemId}`, {
    method: "PATCH",
    token: ae.token,
    json,
    ...(ifMatch === undefined ? {} : { headers: { "if-match": ifMatch } }),
  });

async function readItem(dealId: string, itemId: string): Promise<{ item: StoredItem; etag: string | null }> {
  const res = await served.fetch(`/v1/deals/${dealId}/items/${itemId}`, { token: ae.token });
  expect(res.status).toBe(200);
  return { item: ((await res.json()) as { item: StoredItem }).item, etag: res.headers.get("etag") };
}

const statuses = (responses: Response[]) => responses.map((res) => res.status).sort();

describe("items", () => {
  it("of 10 concurrent edits of one version, exactly one is saved; the others get 412 with the current ETag", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const { etag } = await readItem(dealId, ids.pain);
    expect(etag).toBe('"1"');
    const statements = Array.from({ length: 10 }, (_, i) => `Tuesday is the busiest day, says reviewer ${i}.`);
    const answers = await Promise.all(statements.map((statement) => patchItem(dealId, ids.pain, { statement }, etag!)));
    expect(statuses(answers)).toEqual([200, ...Array<number>(9).fill(412)]);

    const winner = answers.find((res) => res.status === 200)!;
    const saved = ((await winner.json()) as { item: StoredItem }).item;
    expect(winner.headers.get("etag")).toBe('"2"');
    for (const refused of answers.filter((res) => res.status === 412)) {
      expect(refused.headers.get("etag")).toBe('"2"');
      const body = (await refused.json()) as ErrorBody;
      expect(body.error.code).toBe("PRECONDITION_FAILED");
      expect(body.error.message).toMatch(/the item changed since the version you read: it is now version 2 \(ETag "2"\)/);
    }
    expect((await readItem(dealId, ids.pain)).item).toMatchObject({ statement: saved.statement, status: "edited", version: 2 });
  });

  it("a reject and an edit of the same version: one is saved, the other refused, never both", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const [reject, edit] = await Promise.all([
      patchItem(dealId, ids.champion, { status: "rejected" }, '"1"'),
      patchItem(dealId, ids.champion, { statement: "Nate Brennan runs customer service." }, '"1"'),
    ]);
    expect(statuses([reject, edit])).toEqual([200, 412]);
    const { item } = await readItem(dealId, ids.champion);
    // The item is what the one saved write made it: a rejection is never turned into an approval in other words.
    if (reject.status === 200) expect(item).toMatchObject({ status: "rejected", statement: expect.stringContaining("Director") });
    else expect(item).toMatchObject({ status: "edited", statement: "Nate Brennan runs customer service." });
    expect(item.version).toBe(2);
  });

  it("an edit sent with the ETag of a read before a reject is refused, and the item stays rejected", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const { etag } = await readItem(dealId, ids.it);
    expect((await patchItem(dealId, ids.it, { status: "rejected" }, etag!)).status).toBe(200);
    const stale = await patchItem(dealId, ids.it, { statement: "Ray runs IT." }, etag!);
    expect(stale.status).toBe(412);
    expect((await readItem(dealId, ids.it)).item).toMatchObject({ status: "rejected", version: 2 });
  });

  it("keeps API clients without If-Match working (last write wins), takes * and lists, and refuses a malformed header", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const blind = await patchItem(dealId, ids.pain, { status: "approved" });
    expect(blind.status).toBe(200);
    expect(blind.headers.get("etag")).toBe('"2"');
    expect((await patchItem(dealId, ids.pain, { status: "draft" }, "*")).status).toBe(200);
    expect((await patchItem(dealId, ids.pain, { status: "approved" }, '"1", "3"')).status).toBe(200);
    // A weak tag never matches (If-Match compares strongly).
    expect((await patchItem(dealId, ids.pain, { status: "draft" }, 'W/"4"')).status).toBe(412);
    const malformed = await patchItem(dealId, ids.pain, { status: "draft" }, "4");
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).error.message).toMatch(/^If-Match: expected \* or the ETag of a read/);
    expect((await readItem(dealId, ids.pain)).item).toMatchObject({ status: "approved", version: 4 });
  });

  it("lists each item's version in the draft, bumped by its own reviews only", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    await patchItem(dealId, ids.pain, { statement: "Tuesday is peak day." }, '"1"');
    const draft = (await (await served.fetch(`/v1/deals/${dealId}/draft`, { token: ae.token })).json()) as { items: StoredItem[] };
    expect(Object.fromEntries(draft.items.map((item) => [item.id, item.version]))).toEqual({
      [ids.champion]: 1,
      [ids.pain]: 2,
      [ids.it]: 1,
    });
  });
});

describe("gap answers", () => {
  const putGap = (dealId: string, answer: string, ifMatch: string) =>
    served.fetch(`/v1/deals/${dealId}/gaps/competition`, {
      method: "PUT",
      token: ae.token,
      json: { answer },
      headers: { "if-match": ifMatch },
    });
  const clearGap = (dealId: string, ifMatch: string) =>
    served.fetch(`/v1/deals/${dealId}/gaps/competition`, { method: "DELETE", token: ae.token, headers: { "if-match": ifMatch } });

  it("of 10 concurrent first answers, exactly one is saved; a stale clear or answer is refused", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => putGap(dealId, `Competitor ${i}`, '"0"')));
    expect(statuses(answers)).toEqual([200, ...Array<number>(9).fill(412)]);
    const winner = answers.find((res) => res.status === 200)!;
    const etag = winner.headers.get("etag")!;
    const saved = ((await winner.json()) as { gap: { answer: { answer: string; version: number } } }).gap.answer;
    expect(etag).toBe(`"${saved.version}"`);
    for (const refused of answers.filter((res) => res.status === 412)) expect(refused.headers.get("etag")).toBe(etag);

    expect((await clearGap(dealId, '"0"')).status).toBe(412);
    expect(t.deps.gapAnswers.get(dealId, "competition")?.answer).toBe(saved.answer);
    expect((await clearGap(dealId, etag)).status).toBe(204);
  });

  it("never gives an answer withdrawn and given again a version someone read before", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const first = (await putGap(dealId, "None came up.", '"0"')).headers.get("etag")!;
    expect((await clearGap(dealId, first)).status).toBe(204);
    const second = (await putGap(dealId, "Zendesk was evaluated.", '"0"')).headers.get("etag")!;
    expect(second).not.toBe(first);
    // Someone who read the first answer cannot overwrite the second with their stale ETag.
    expect((await putGap(dealId, "None came up, really.", first)).status).toBe(412);
    expect(t.deps.gapAnswers.get(dealId, "competition")?.answer).toBe("Zendesk was evaluated.");
  });
});

describe("deals", () => {
  const patchDeal = (dealId: string, json: unknown, ifMatch: string) =>
    served.fetch(`/v1/deals/${dealId}`, { method: "PATCH", token: ae.token, json, headers: { "if-match": ifMatch } });

  it("of concurrent changes of one version exactly one is saved; item reviews do not make the deal stale", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const read = await served.fetch(`/v1/deals/${dealId}`, { token: ae.token });
    const etag = read.headers.get("etag")!;
    expect(etag).toBe(`"${((await read.json()) as Deal).version}"`);
    await patchItem(dealId, ids.pain, { status: "approved" });

    const answers = await Promise.all([1000, 2000, 3000, 4000, 5000].map((amount) => patchDeal(dealId, { amount }, etag)));
    expect(statuses(answers)).toEqual([200, 412, 412, 412, 412]);
    const saved = (await answers.find((res) => res.status === 200)!.json()) as Deal;
    expect(t.deps.deals.get(dealId)).toMatchObject({ amount: saved.amount, version: saved.version });
    const refused = answers.find((res) => res.status === 412)!;
    expect(refused.headers.get("etag")).toBe(`"${saved.version}"`);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(/^the deal changed since the version you read/);
  });
});
