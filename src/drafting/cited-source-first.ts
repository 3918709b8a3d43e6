import type { ParsedSource } from "../domain/source.ts";

/**
 * The sources to search for a quote, the cited one first: a quote is most likely where its claim says it is, and a
 * wrong or missing source id still finds the quote elsewhere. `cited` is undefined when the id names no source.
 */
export function citedSourceFirst(
  sources: ParsedSource[],
  sourceId: string | null | undefined,
): { cited: ParsedSource | undefined; ordered: ParsedSource[] } {
  const cited = sourceId === null || sourceId === undefined ? undefined : sources.find((parsed) => parsed.source.id === sourceId);
  return { cited, ordered: cited ? [cited, ...sources.filter((parsed) => parsed !== cited)] : sources };
}
