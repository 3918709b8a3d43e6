// Repeated runs summarized as min, median and max: absolute times drift on a shared machine, ratios within one run less.

export type Spread = { min: number; median: number; max: number };

export function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

export function formatSpread({ min, median, max }: Spread, digits = 2): string {
  const show = (value: number) => value.toFixed(digits);
  return `min ${show(min)}  median ${show(median)}  max ${show(max)}`;
}

/** "--runs N" from the command line, else `fallback`. */
export function runsFromArgs(args: string[], fallback: number): number {
  const at = args.indexOf("--runs");
  const runs = at === -1 ? fallback : Number(args[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number of at least 1 (got ${args[at + 1]})`);
  return runs;
}
