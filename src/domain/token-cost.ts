/** Prices of an LLM endpoint per million tokens (BATON_PRICE_*), or null when none is configured. */
export type TokenPricing = { promptPerMillionTokens: number; outputPerMillionTokens: number; currency: string } | null;

/** Tokens spent, as runs record them and estimates predict them. */
export type TokenCount = { promptTokens: number; completionTokens: number };

const MILLION = 1_000_000;

/** What the tokens cost at the configured prices, rounded to a hundredth of a cent; null without prices. */
export function costOf(tokens: TokenCount, pricing: TokenPricing): number | null {
  if (pricing === null) return null;
  const cost = (tokens.promptTokens * pricing.promptPerMillionTokens + tokens.completionTokens * pricing.outputPerMillionTokens) / MILLION;
  return Math.round(cost * 10_000) / 10_000;
}
