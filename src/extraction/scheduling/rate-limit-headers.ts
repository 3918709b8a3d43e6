/** What an OpenAI-style endpoint says about its limits (`x-ratelimit-*`); absent fields were not sent. */
export type RateLimitHeaders = {
  limitRequests?: number;
  remainingRequests?: number;
  resetRequestsMs?: number;
  limitTokens?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
};

/** Reads `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`; resets come as "1s", "6m0s", "20ms" or seconds. */
export function readRateLimitHeaders(headers: Headers): RateLimitHeaders {
  const read: RateLimitHeaders = {};
  const set = (key: keyof RateLimitHeaders, value: number | undefined) => {
    if (value !== undefined && Number.isFinite(value) && value >= 0) read[key] = value;
  };
  set("limitRequests", count(headers.get("x-ratelimit-limit-requests")));
  set("remainingRequests", count(headers.get("x-ratelimit-remaining-requests")));
  set("resetRequestsMs", duration(headers.get("x-ratelimit-reset-requests")));
  set("limitTokens", count(headers.get("x-ratelimit-limit-tokens")));
  set("remainingTokens", count(headers.get("x-ratelimit-remaining-tokens")));
  set("resetTokensMs", duration(headers.get("x-ratelimit-reset-tokens")));
  return read;
}

function count(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** "6m0s" → 360000; "1.5s" → 1500; "20ms" → 20; a bare number is seconds. */
export function duration(value: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let matched = "";
  for (const [part, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(amount) * units[unit!]!;
    matched += part;
  }
  return matched === text && matched !== "" ? Math.ceil(total) : undefined;
}
