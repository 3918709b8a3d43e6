/** Longest Retry-After the client waits; a server asking for more gets no retry and the run fails now, saying so. */
export const MAX_RETRY_WAIT_MS = 60_000;

/**
 * Wraps fetch so the openai client's own retry loop (the only retry layer) never sleeps for an
 * unbounded Retry-After: the client honours any value it is given, even hours.
 */
export function capRetryAfter(fetchImpl: typeof fetch | undefined, maxWaitMs = MAX_RETRY_WAIT_MS): typeof fetch {
  // Looked up per call, so a fetch replaced after start-up (msw in tests) is still the one used.
  const base: typeof fetch = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  return async (input, init) => {
    const response = await base(input, init);
    if (response.ok) return response;
    const waitMs = retryWaitMs(response.headers);
    if (waitMs === undefined || waitMs <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The wait a response asks for, read the way the openai client reads it (retry-after-ms first). */
export function retryWaitMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (!Number.isNaN(ms)) return ms;
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
}
