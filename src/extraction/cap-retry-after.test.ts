import { describe, expect, it } from "vitest";
import { capRetryAfter, retryWaitMs } from "./cap-retry-after.ts";

const respond = (status: number, headers: Record<string, string>) => async () => new Response("{}", { status, headers });

describe("capRetryAfter", () => {
  it("marks a response asking for a longer wait than the cap as not retryable", async () => {
    const fetch = capRetryAfter(respond(429, { "retry-after": "120" }), 60_000);
    const response = await fetch("http://llm.test/v1/chat/completions");
    expect(response.status).toBe(429);
    expect(response.headers.get("x-should-retry")).toBe("false");
    expect(response.headers.get("retry-after")).toBe("120");
  });

  it("passes short waits and successes through untouched", async () => {
    expect((await capRetryAfter(respond(429, { "retry-after-ms": "500" }))("http://x")).headers.get("x-should-retry")).toBeNull();
    expect((await capRetryAfter(respond(200, { "retry-after": "9999" }))("http://x")).headers.get("x-should-retry")).toBeNull();
  });

  it("reads retry-after-ms first, then seconds or an HTTP date", () => {
    expect(retryWaitMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryWaitMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    const inOneHour = new Date(Date.now() + 3_600_000).toUTCString();
    expect(retryWaitMs(new Headers({ "retry-after": inOneHour }))).toBeGreaterThan(3_500_000);
    expect(retryWaitMs(new Headers({}))).toBeUndefined();
  });
});
