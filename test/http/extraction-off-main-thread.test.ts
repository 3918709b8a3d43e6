import { afterEach, describe, expect, it } from "vitest";
import { draftsInProgress } from "../../src/drafting/draft-pool.ts";
import { generateVtt } from "../bench/generate-inputs.ts";
import { seedDeal, seedSource } from "../support/seed-deal.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// Order of answers and the limit named are checked here; times are the bench's (npm run bench).

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function startRun(app: TestApp, token: string, dealId: string): Promise<string> {
  const res = await app.request("POST", `/v1/deals/${dealId}/extractions`, { token });
  expect(res.status).toBe(202);
  return ((await res.json()) as { run: { id: string } }).run.id;
}

describe("offline extraction runs on a draft thread", () => {
  it("answers a health check sent during an extraction before the extraction ends", async () => {
    t = createTestApp();
    const app = t;
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    // About 400 KB of varied call: a draft of a second or more on any machine.
    await seedSource(app, deal.id, ae, "long-call.vtt", generateVtt(400_000));
    const runId = await startRun(app, ae.token, deal.id);
    const order: string[] = [];
    const finished = app.deps.jobs.settled(runId).then(() => order.push("extraction"));
    // Wait (in event-loop turns, not time) until the draft is on its thread; a draft on the main thread never gets here.
    for (let turn = 0; draftsInProgress() === 0; turn++) {
      if (turn > 1_000_000 || order.length > 0) throw new Error("the extraction never ran on a draft thread");
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await app.request("GET", "/healthz")).status).toBe(200);
    order.push("healthz");
    await finished;
    expect(order).toEqual(["healthz", "extraction"]);
    expect(app.deps.runs.get(runId)?.status).toBe("succeeded");
    expect(app.deps.items.list(deal.id).length).toBeGreaterThan(0);
  });

  it("reads the deal's sources on the draft thread; a source deleted while the draft is made is neither marked nor listed", async () => {
    t = createTestApp();
    const app = t;
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    const kept = await seedSource(app, deal.id, ae, "long-call.vtt", generateVtt(400_000));
    const dropped = await seedSource(app, deal.id, ae);
    const runId = await startRun(app, ae.token, deal.id);
    for (let turn = 0; draftsInProgress() === 0; turn++) {
      if (turn > 1_000_000) throw new Error("the extraction never ran on a draft thread");
      await new Promise((resolve) => setImmediate(resolve));
    }
    const deleted = await app.request("DELETE", `/v1/deals/${deal.id}/sources/${dropped.source.id}`, { token: ae.token });
    expect(deleted.status).toBe(204);
    await app.deps.jobs.settled(runId);
    const run = app.deps.runs.get(runId);
    expect(run?.status).toBe("succeeded");
    expect(run?.sourceIds).toEqual([kept.source.id]);
    expect(app.deps.sources.listMeta(deal.id).map((m) => [m.id, m.extractedRunId])).toEqual([[kept.source.id, runId]]);
  });

  it("fails the run naming the limit when drafting passes BATON_DRAFT_TIMEOUT_MS, and stores no item", async () => {
    t = createTestApp({ env: { BATON_DRAFT_TIMEOUT_MS: "1" } });
    const app = t;
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    await seedSource(app, deal.id, ae);
    const runId = await startRun(app, ae.token, deal.id);
    await app.deps.jobs.settled(runId);
    const run = app.deps.runs.get(runId);
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toBe("drafting took longer than 1 ms (limit BATON_DRAFT_TIMEOUT_MS)");
    expect(app.deps.items.list(deal.id)).toEqual([]);
  });
});
