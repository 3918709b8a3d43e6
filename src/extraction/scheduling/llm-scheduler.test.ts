import { describe, expect, it } from "vitest";
import { createManualClock } from "../../../test/support/manual-clock.ts";
import { AppError } from "../../errors.ts";
import { BREAKER_COOLDOWN_MS, BREAKER_THRESHOLD } from "./circuit-breaker.ts";
import { LlmScheduler } from "./llm-scheduler.ts";
import { duration } from "./rate-limit-headers.ts";

function scheduler(options: { rpm?: number; tpm?: number; holdLimitMs?: number } = {}) {
  const clock = createManualClock();
  const gate = new LlmScheduler({
    clock,
    requestsPerMinute: options.rpm,
    tokensPerMinute: options.tpm,
    holdLimitMs: options.holdLimitMs ?? Number.POSITIVE_INFINITY,
  });
  const granted: string[] = [];
  /** Asks for a permit and records its name when granted; the promise settles with the error if refused. */
  const ask = (name: string, tokens = 100): Promise<AppError | undefined> =>
    gate.acquire({ tokens }).then(
      () => {
        granted.push(name);
        return undefined;
      },
      (error: unknown) => error as AppError,
    );
  return { clock, gate, granted, ask };
}

const causeOf = async (pending: Promise<AppError | undefined>) => {
  const error = await pending;
  expect(error).toBeInstanceOf(AppError);
  return { cause: error!.context.cause, retryAfterMs: error!.context.retryAfterMs };
};

describe("the LLM scheduler", () => {
  it("lets requests through at BATON_LLM_RPM, in the order they asked, across all callers", async () => {
    // 120 a minute: one every 500 ms, with a burst of one (half a second's worth).
    const { clock, granted, ask } = scheduler({ rpm: 120 });
    for (const name of ["a", "b", "c", "d", "e"]) void ask(name);
    await clock.settle();
    expect(granted).toEqual(["a"]);
    await clock.advance(499);
    expect(granted).toEqual(["a"]);
    await clock.advance(1);
    expect(granted).toEqual(["a", "b"]);
    await clock.advance(1_500);
    expect(granted).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("counts a minute's requests at most BATON_LLM_RPM, plus the burst", async () => {
    const { clock, granted, ask } = scheduler({ rpm: 600 });
    for (let i = 0; i < 700; i++) void ask(`r${i}`);
    await clock.advance(60_000);
    // 5 at once (half a second of 600/min), then 10 a second.
    expect(granted).toHaveLength(605);
  });

  it("holds a tokens-per-minute budget: a large request waits for the tokens it needs", async () => {
    // 60,000 tokens a minute: 1,000 a second, a burst of 10,000.
    const { clock, granted, ask } = scheduler({ tpm: 60_000 });
    void ask("big", 10_000);
    void ask("next", 4_000);
    await clock.settle();
    expect(granted).toEqual(["big"]);
    await clock.advance(3_999);
    expect(granted).toEqual(["big"]);
    await clock.advance(1);
    expect(granted).toEqual(["big", "next"]);
  });

  it("hands a wait longer than its hold limit back to the caller with the time to come back", async () => {
    const { ask } = scheduler({ rpm: 6, holdLimitMs: 5_000 });
    await ask("first");
    expect(await causeOf(ask("second"))).toEqual({ cause: "endpoint_paused", retryAfterMs: 10_000 });
  });

  it("pauses every caller for the Retry-After of a 429", async () => {
    const { gate, ask } = scheduler({ holdLimitMs: 5_000 });
    gate.observeResponse(429, new Headers({ "retry-after": "20" }));
    expect(await causeOf(ask("after 429"))).toEqual({ cause: "endpoint_paused", retryAfterMs: 20_000 });
  });

  it("tightens its budget from the endpoint's x-ratelimit headers", async () => {
    const { clock, gate, granted, ask } = scheduler({ rpm: 6_000 });
    gate.observeResponse(
      200,
      new Headers({ "x-ratelimit-limit-requests": "60", "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "2s" }),
    );
    void ask("a");
    void ask("b");
    await clock.advance(1_999);
    expect(granted).toEqual([]);
    await clock.advance(1);
    expect(granted).toEqual(["a"]);
    // From now on at the endpoint's 60 a minute, not the configured 6,000.
    await clock.advance(999);
    expect(granted).toEqual(["a"]);
    await clock.advance(1);
    expect(granted).toEqual(["a", "b"]);
  });

  it("opens the circuit after consecutive failures, lets one probe through after the cooldown, and closes on its success", async () => {
    const { clock, gate, granted, ask } = scheduler();
    for (let i = 0; i < BREAKER_THRESHOLD - 1; i++) gate.observeFailure();
    await ask("still closed");
    gate.observeResponse(503, new Headers());
    expect(await causeOf(ask("open"))).toEqual({ cause: "circuit_open", retryAfterMs: BREAKER_COOLDOWN_MS });
    await clock.advance(BREAKER_COOLDOWN_MS);
    await ask("probe");
    expect((await causeOf(ask("while probing"))).cause).toBe("circuit_open");
    gate.observeResponse(200, new Headers());
    await ask("closed again");
    expect(granted).toEqual(["still closed", "probe", "closed again"]);
  });

  it("lets another probe through when the first one ended without an answer", async () => {
    const { clock, gate } = scheduler();
    for (let i = 0; i < BREAKER_THRESHOLD; i++) gate.observeFailure();
    await clock.advance(BREAKER_COOLDOWN_MS);
    const probe = await gate.acquire({ tokens: 100 });
    probe.settle(undefined);
    await expect(gate.acquire({ tokens: 100 })).resolves.toBeDefined();
  });

  it("opens for twice as long when the probe fails", async () => {
    const { clock, gate, ask } = scheduler();
    for (let i = 0; i < BREAKER_THRESHOLD; i++) gate.observeFailure();
    await clock.advance(BREAKER_COOLDOWN_MS);
    await ask("probe");
    gate.observeFailure();
    expect(await causeOf(ask("after a failed probe"))).toEqual({ cause: "circuit_open", retryAfterMs: 2 * BREAKER_COOLDOWN_MS });
  });
});

describe("reading x-ratelimit-reset-*", () => {
  it("reads OpenAI's durations and bare seconds, and refuses anything else", () => {
    expect(duration("6m0s")).toBe(360_000);
    expect(duration("1.5s")).toBe(1_500);
    expect(duration("20ms")).toBe(20);
    expect(duration("1h2m3s")).toBe(3_723_000);
    expect(duration("2")).toBe(2_000);
    expect(duration("soon")).toBeUndefined();
    expect(duration("5s later")).toBeUndefined();
  });
});
