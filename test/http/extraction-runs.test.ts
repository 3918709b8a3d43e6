// Extraction runs against a model that takes its time (msw held by a promise the test releases), the failure
// log line, the cache bypass, and one run per deal however many starts arrive at once.
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { SAMPLE_CALL_ANSWER } from "../support/llm-test-harness.ts";
import { eventually } from "../support/manual-clock.ts";
import { completionReply, errorReply, LLM_BASE_URL, setupOpenAiMock } from "../support/msw-openai.ts";
import { SAMPLE_CALL_VTT, seedDeal, seedSource } from "../support/seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const llm = setupOpenAiMock();

type Run = { id: string; status: string; usage: { llmCalls: number; cachedCalls: number } | null; error: { code: string } | null };
type Started = { run: Run; reused: boolean };

const ANSWER = SAMPLE_CALL_ANSWER;

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

function llmApp(env: Record<string, string> = {}, logger = createLogger(() => {})) {
  t = createTestApp({
    env: {
      OPENAI_BASE_URL: LLM_BASE_URL,
      OPENAI_API_KEY: "test-key",
      BATON_EXTRACTOR: "llm",
      BATON_MODEL: "test-model",
      BATON_LLM_MAX_RETRIES: "0",
      ...env,
    },
    logger,
  });
  return t;
}

async function uploadCall(app: TestApp, ae: TestUser, dealId: string): Promise<string> {
  const res = await app.request("POST", `/v1/deals/${dealId}/sources`, {
    token: ae.token,
    json: { filename: "call.vtt", content: SAMPLE_CALL_VTT },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { sources: { id: string }[] }).sources[0]!.id;
}

async function readRun(app: TestApp, ae: TestUser, dealId: string, runId: string): Promise<Run> {
  return ((await (await app.request("GET", `/v1/deals/${dealId}/extractions/${runId}`, { token: ae.token })).json()) as { run: Run }).run;
}

describe("?wait=true with a slow model", () => {
  it("answers 202 with the run to poll at the deadline, leaves the model call running, and the run succeeds", async () => {
    // A short request deadline keeps the test quick; the model answers only when the test says so.
    const app = llmApp({ BATON_REQUEST_TIMEOUT_MS: "1500" });
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    // Stored directly: the short deadline is for the extraction wait, not for a parse thread's cold start.
    await seedSource(app, deal.id, ae);
    const model = deferred();
    llm.enqueue({ ...completionReply(ANSWER), until: model.promise });

    const res = await app.request("POST", `/v1/deals/${deal.id}/extractions?wait=true`, { token: ae.token });
    expect(res.status).toBe(202);
    const { run, reused } = (await res.json()) as Started;
    expect(reused).toBe(false);
    expect(run.status).toBe("running");
    expect(res.headers.get("location")).toBe(`/v1/deals/${deal.id}/extractions/${run.id}`);
    // On a loaded machine the first call may leave only after the 202 (loading the LLM client takes its time).
    await eventually(() => expect(llm.requests).toHaveLength(1));
    expect(llm.signals[0]!.aborted, "the request deadline must not abort the model call").toBe(false);

    model.release();
    await app.deps.jobs.idle();
    const polled = await readRun(app, ae, deal.id, run.id);
    expect(polled.status).toBe("succeeded");
    expect(polled.usage?.llmCalls).toBe(1);
    expect(app.deps.items.list(deal.id).map((item) => item.statement)).toContain(
      "They need the pilot live before the March 3 peak season.",
    );
  });

  it("answers 200 with the finished run when the model answers in time", async () => {
    const app = llmApp();
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    await uploadCall(app, ae, deal.id);
    llm.enqueue(completionReply(ANSWER));
    const res = await app.request("POST", `/v1/deals/${deal.id}/extractions?wait=true`, { token: ae.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Started).run.status).toBe("succeeded");
  });
});

describe("a failed extraction", () => {
  it("writes one log line with the run id, the cause class and the usage, and no content", async () => {
    const lines: string[] = [];
    const app = llmApp(
      {},
      createLogger((line) => lines.push(line)),
    );
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    await uploadCall(app, ae, deal.id);
    llm.enqueue(errorReply(401, "Incorrect API key provided: test-key. Nate Brennan budget $180K"));

    const res = await app.request("POST", `/v1/deals/${deal.id}/extractions?wait=true`, { token: ae.token });
    const { run } = (await res.json()) as Started;
    expect(run.status).toBe("failed");
    const failures = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => e.message === "extraction failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: "error", runId: run.id, code: "LLM_FAILED", cause: "auth", status: 401, llmCalls: 0 });
    const log = lines.join("\n");
    expect(log).not.toMatch(/Nate|180K|Incorrect API key|test-key|peak season/);
  });
});

describe("refresh", () => {
  it("asks the model again for a source whose answer is cached", async () => {
    const app = llmApp();
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    const extractAgain = async (query: string) => {
      // The same text uploaded again is a new source with the same prompt, so its answer is in the cache.
      for (const meta of app.deps.sources.listMeta(deal.id)) {
        expect((await app.request("DELETE", `/v1/deals/${deal.id}/sources/${meta.id}`, { token: ae.token })).status).toBe(204);
      }
      await uploadCall(app, ae, deal.id);
      const res = await app.request("POST", `/v1/deals/${deal.id}/extractions?wait=true${query}`, { token: ae.token });
      return ((await res.json()) as Started).run;
    };
    llm.enqueue(completionReply(ANSWER), completionReply(ANSWER));
    expect((await extractAgain("")).usage).toMatchObject({ llmCalls: 1, cachedCalls: 0 });
    expect((await extractAgain("")).usage).toMatchObject({ llmCalls: 0, cachedCalls: 1 });
    expect((await extractAgain("&refresh=true")).usage).toMatchObject({ llmCalls: 1, cachedCalls: 0 });
    expect(llm.requests).toHaveLength(2);
  });
});

describe("one run per deal", () => {
  it("answers 20 concurrent starts with one run, reused by all but the first", async () => {
    const app = llmApp();
    const ae = app.addUser("ae");
    const deal = seedDeal(app, ae);
    await uploadCall(app, ae, deal.id);
    const model = deferred();
    llm.replyAlways({ ...completionReply(ANSWER), until: model.promise });

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => app.request("POST", `/v1/deals/${deal.id}/extractions`, { token: ae.token })),
    );
    const bodies = (await Promise.all(responses.map((res) => res.json()))) as Started[];
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(202));
    expect(new Set(bodies.map((body) => body.run.id)).size).toBe(1);
    expect(bodies.filter((body) => body.reused)).toHaveLength(19);
    expect(app.deps.runs.listForDeal(deal.id)).toHaveLength(1);

    model.release();
    await app.deps.jobs.idle();
    expect(app.deps.runs.listForDeal(deal.id).map((run) => run.status)).toEqual(["succeeded"]);
    expect(llm.requests).toHaveLength(1);
    // Once finished, a new start makes a new run.
    const next = await app.request("POST", `/v1/deals/${deal.id}/extractions`, { token: ae.token });
    expect(((await next.json()) as Started).reused).toBe(false);
  });

  it("answers 20 concurrent batches with one run per deal and names the runs it reused", async () => {
    const app = llmApp();
    const revops = app.addUser("revops");
    const ae = app.addUser("ae");
    const deals = [seedDeal(app, ae, undefined, "Alpha"), seedDeal(app, ae, undefined, "Beta"), seedDeal(app, ae, undefined, "Gamma")];
    for (const deal of deals) await uploadCall(app, ae, deal.id);
    const model = deferred();
    llm.replyAlways({ ...completionReply(ANSWER), until: model.promise });

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.request("POST", "/v1/batches/extractions", { token: revops.token, json: { dealIds: deals.map((deal) => deal.id) } }),
      ),
    );
    const bodies = (await Promise.all(responses.map((res) => res.json()))) as { runs: Run[]; reusedRunIds: string[] }[];
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(202));
    for (const deal of deals) expect(app.deps.runs.listForDeal(deal.id), deal.account).toHaveLength(1);
    const runIds = deals.map((deal) => app.deps.runs.listForDeal(deal.id)[0]!.id);
    for (const body of bodies) expect(body.runs.map((run) => run.id)).toEqual(runIds);
    expect(bodies.filter((body) => body.reusedRunIds.length === 0)).toHaveLength(1);
    expect(bodies.filter((body) => body.reusedRunIds.length === 3)).toHaveLength(19);

    model.release();
    await app.deps.jobs.idle();
    for (const deal of deals) expect(app.deps.runs.listForDeal(deal.id).map((run) => run.status)).toEqual(["succeeded"]);
  });
});
