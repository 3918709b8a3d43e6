import type { z } from "@hono/zod-openapi";
import { AppError } from "../../errors.ts";
import { formatZodIssue } from "../../parse-input.ts";

const WHERE: Record<string, string> = { json: "body", form: "body", query: "query", param: "path", header: "header" };

/** The OpenAPIHono default hook: a request off its route's schemas is an INVALID_INPUT, answered in the one envelope. */
export function answerInvalidRequest(result: { success: boolean; error?: z.ZodError; target: string }): void {
  if (result.success || result.error === undefined) return;
  throw new AppError({ code: "INVALID_INPUT", message: formatZodIssue(result.error, WHERE[result.target] ?? "request") });
}
