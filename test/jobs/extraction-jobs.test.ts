// Extraction runs on the durable queue against msw: a 429 hands the job back instead of holding a worker, a 5xx is
// retried with backoff and then dead-lettered with the run failed, and a job run again after its run was committed
// adds nothing and calls nothing.
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { startBatch, startExtraction } from "../../src/services/extraction-service.ts";
import { answerWith, createTestExtractor, SAMPLE_CALL_ANSWER, parseText, useTempDatabase } from "../support/llm-test-harness.ts";
import { CLOCK_START, createManualClock, eventually, type ManualClock } from "../support/manual-clock.ts";
import { completionReply, errorReply, LLM_BASE_URL, setupOpenAiMock } from "../support/msw-openai.ts";
import { SAMPLE_CALL_VTT, seedDeal, seedSource } from "../support/seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const llm = setupOpenAiMock();
const scratch = useTempDatabase();

/** A context window that holds the fixed prompt, a 500-token output reservation and one segment of the sample call. */
async function oneSegmentPerCall(): Promise<Record<string, string>> {
  const env = { BATON_LLM_CONTEXT_TOKENS: "1000", BATON_LLM_MAX_OUTPUT_TOKENS: "500" };
  const extractor = await createTestExtractor(scratch.current(), env);
  const message = await extractor.extract([await parseText("call.vtt", SAMPLE_CALL_VTT)]).then(
    () => "",
    (error: Error) => error.message,
  );
  const fixed = Number(message.match(/the fixed prompt takes about ([\d,]+) tokens/)?.[1]?.replace(/,/g, ""));
  expect(fixed).toBeGreaterThan(0);
  return { ...env, BATON_LLM_CONTEXT_TOKENS: String(fixed + 500 + 40) };
}

const ANSWER = SAMPLE_CALL_ANSWER;

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function llmApp(clock: ManualClock, env: Record<string, string> = {}, lines: string[] = []) {
  t = createTestApp({
    env: {
      OPENAI_BASE_URL: LLM_BASE_URL,
      OPENAI_API_KEY: "test-key",
      BATON_EXTRACTOR: "llm",
      BATON_MODEL: "test-model",
      BATON_LLM_MAX_RETRIES: "0",
      ...env,
    },
    clock,
    random: () => 0.5,
    logger: createLogger((line) => lines.push(line)),
  });
  return t;
}

const actor = (user: TestUser) => ({ user: user.user, requestId: "test" });
const at = (ms: number) => new Date(CLOCK_START + ms).toISOString();

describe("extraction jobs", () => {
  it("hands a 429's job back to the queue until its Retry-After instead of holding a worker, then finishes every deal once", async () => {
    const clock = createManualClock();
    // Client retries on: a 429 must still not be waited out inside the worker.
    const app = llmApp(clock, { BATON_JOB_CONCURRENCY: "1", BATON_LLM_MAX_RETRIES: "2" });
    const revops = app.addUser("revops");
    const ae = app.addUser("ae");
    const deals = [seedDeal(app, ae, undefined, "Alpha"), seedDeal(app, ae, undefined, "Beta")];
    for (const deal of deals) await seedSource(app, deal.id, ae);
    llm.enqueue(errorReply(429, "Rate limit reached", { "retry-after": "20" }));
    llm.replyAlways(completionReply(ANSWER));

    const [first, second] = startBatch(
      app.deps,
      actor(revops),
      deals.map((deal) => deal.id),
    ).map((started) => started.run.id);
    await eventually(() => expect(app.deps.jobs.inspect(second!)?.nextAttemptAt).toBe(at(20_000)));
    // One request: the 429. The worker went free and the second job, told the endpoint is paused, waits too.
    expect(llm.requests).toHaveLength(1);
    expect(app.deps.jobs.inspect(first!)).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: at(20_000) });
    expect(app.deps.jobs.inspect(second!)).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: at(20_000) });
    expect(app.deps.runs.get(first!)?.status).toBe("queued");

    await clock.advance(20_000);
    await app.deps.jobs.idle();
    expect(llm.requests).toHaveLength(3);
    for (const deal of deals) {
      expect(app.deps.runs.listForDeal(deal.id).map((run) => run.status)).toEqual(["succeeded"]);
      expect(app.deps.items.list(deal.id)).toHaveLength(1);
    }
  });

  it("retries a 5xx with backoff, then dead-letters the job and fails the run with the reason, logged once", async () => {
    const clock = createManualClock();
    const lines: string[] = [];
    const app = llmApp(clock, { BATON_JOB_MAX_ATTEMPTS: "2" }, lines);
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    await seedSource(app, deal.id, ae);
    llm.replyAlways(errorReply(503, "upstream unavailable"));

    const { run } = await startExtraction(app.deps, actor(ae), deal.id);
    await eventually(() => expect(app.deps.jobs.inspect(run.id)).toMatchObject({ status: "queued", attempts: 1 }));
    expect(app.deps.jobs.inspect(run.id)?.nextAttemptAt).toBe(at(3_750));
    expect(app.deps.runs.get(run.id)).toMatchObject({ status: "queued", error: null });
    await clock.advance(3_750);
    await app.deps.jobs.settled(run.id);

    expect(llm.requests).toHaveLength(2);
    const job = app.deps.jobs.inspect(run.id);
    expect(job).toMatchObject({ status: "dead", attempts: 2 });
    expect(job?.lastError).toMatch(/^LLM_FAILED: LLM endpoint failed with HTTP 503 \(server error\)/);
    expect(app.deps.runs.get(run.id)).toMatchObject({ status: "failed", failureCode: "LLM_FAILED" });
    const messages = lines.map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages.filter((message) => message === "extraction failed")).toHaveLength(1);
    expect(messages.filter((message) => message === "job will be retried")).toHaveLength(1);
    expect(lines.join("\n")).not.toMatch(/upstream unavailable|peak season/);
  });

  it("adds nothing and calls nothing when a job is taken over after its run was already committed", async () => {
    const clock = createManualClock();
    const app = llmApp(clock);
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    await seedSource(app, deal.id, ae);
    llm.replyAlways(completionReply(ANSWER));
    const { run } = await startExtraction(app.deps, actor(ae), deal.id);
    await app.deps.jobs.idle();
    const before = app.deps.runs.get(run.id);
    expect(before?.usage?.llmCalls).toBe(1);

    // The window of a crash: the run's transaction committed, the job's own update not written, its worker gone.
    app.deps.db
      .prepare("UPDATE jobs SET status = 'running', lease_owner = 'elsewhere:1:dead', lease_until = ? WHERE id = ?")
      .run(at(-1), run.id);
    app.deps.jobs.start();
    await app.deps.jobs.settled(run.id);

    expect(app.deps.jobs.inspect(run.id)).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(app.deps.runs.get(run.id)).toEqual(before);
    expect(app.deps.items.list(deal.id)).toHaveLength(1);
    expect(llm.requests).toHaveLength(1);
  });

  it("pays on the retry of a refresh run only for the calls its first attempt had not answered", async () => {
    const clock = createManualClock();
    const app = llmApp(clock, await oneSegmentPerCall());
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    await seedSource(app, deal.id, ae);
    llm.replyAlways(completionReply(answerWith()));
    // A first run answers and caches the three calls (one segment each).
    await startExtraction(app.deps, actor(ae), deal.id);
    await app.deps.jobs.idle();
    expect(llm.requests).toHaveLength(3);
    // The same text uploaded again is a new source with the same prompts, all three answers in the cache. Asked with
    // refresh, the run's first attempt answers one call afresh and fails on the next.
    for (const meta of app.deps.sources.listMeta(deal.id)) {
      expect((await app.request("DELETE", `/v1/deals/${deal.id}/sources/${meta.id}`, { token: ae.token })).status).toBe(204);
    }
    await seedSource(app, deal.id, ae);
    await clock.advance(1_000);
    llm.enqueue(completionReply(answerWith()), errorReply(503, "upstream unavailable"));
    const { run } = await startExtraction(app.deps, actor(ae), deal.id, { refresh: true });
    await eventually(() => expect(app.deps.jobs.inspect(run.id)).toMatchObject({ status: "queued", attempts: 1 }));
    expect(llm.requests).toHaveLength(5);
    await clock.advance(3_750);
    await app.deps.jobs.settled(run.id);
    // The retry keeps the answer paid for a moment ago and asks again for the two others, cached before the refresh
    // (a retry without refresh would take them from the cache; one with refresh would ask all three again).
    expect(llm.requests).toHaveLength(7);
    expect(app.deps.runs.get(run.id)).toMatchObject({ status: "succeeded", usage: { llmCalls: 2, cachedCalls: 1 } });
  });
});
