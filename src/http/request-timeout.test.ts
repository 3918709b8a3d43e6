import { type Handler, Hono } from "hono";
import { describe, expect, it } from "vitest";
import { SILENT_LOGGER } from "../logger.ts";
import type { AppEnv } from "./app-env.ts";
import { createErrorHandler } from "./handle-error.ts";
import { requestTimeout } from "./request-timeout.ts";

function appWith(timeoutMs: number, handler: Handler<AppEnv>) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(SILENT_LOGGER));
  app.use(requestTimeout(timeoutMs));
  app.get("/work", handler);
  return app;
}

describe("requestTimeout", () => {
  it("answers 504 in the envelope at the deadline and aborts the work done inside the request", async () => {
    let signal: AbortSignal | undefined;
    const app = appWith(50, (c) => {
      signal = c.get("signal");
      // Work that only ends when it is aborted, as an LLM call inside the request would.
      return new Promise<Response>(() => {});
    });
    const res = await app.request("/work");
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("TIMEOUT");
    expect(signal?.aborted).toBe(true);
  });
});
