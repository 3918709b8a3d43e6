import type { z } from "zod";
import { AppError } from "./errors.ts";

/**
 * One line naming the first problem of a failed validation: "field.path: message", or "where: message" when the
 * problem is about the whole value. For a union that matched no option, the option the value was meant to be names it.
 */
export function formatZodIssue(error: z.ZodError, where: string): string {
  const issue = firstIssue(error.issues);
  if (issue === undefined) return `${where}: invalid`;
  const path = issue.path.map(String).join(".");
  return `${path === "" ? where : path}: ${issue.message}`;
}

function firstIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined {
  const issue = issues[0];
  if (issue?.code !== "invalid_union" || issue.errors.length === 0) return issue;
  // The option the value was meant to be: the one that knows most of its keys, then the one that got deepest into it.
  const unknownKeys = (option: z.core.$ZodIssue[]) =>
    option.reduce((sum, inner) => sum + (inner.code === "unrecognized_keys" ? inner.keys.length : 0), 0);
  const depth = (option: z.core.$ZodIssue[]) => Math.max(0, ...option.map((inner) => inner.path.length));
  const better = (a: z.core.$ZodIssue[], b: z.core.$ZodIssue[]) =>
    unknownKeys(a) < unknownKeys(b) || (unknownKeys(a) === unknownKeys(b) && depth(a) > depth(b));
  let best = issue.errors[0]!;
  for (const option of issue.errors.slice(1)) if (better(option, best)) best = option;
  const inner = firstIssue(best);
  return inner === undefined ? issue : { ...inner, path: [...issue.path, ...inner.path] };
}

/** Validates input with a schema; a bad value is an INVALID_INPUT AppError naming the first problem. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where = "input"): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError({ code: "INVALID_INPUT", message: formatZodIssue(result.error, where) });
  return result.data;
}
