import type { z } from "@hono/zod-openapi";
import { AppError } from "../../errors.ts";
import { formatZodIssue } from "../../parse-input.ts";
import { findIllFormedText } from "../find-ill-formed-text.ts";

const WHERE: Record<string, string> = { json: "body", form: "body", query: "query", param: "path", header: "header" };

/**
 * The OpenAPIHono default hook: a request off its route's schemas is an INVALID_INPUT, answered in the one envelope;
 * so is a valid one carrying text that is not well-formed Unicode (a lone surrogate), named by its field.
 */
export function answerInvalidRequest(result: { success: boolean; error?: z.ZodError; data?: unknown; target: string }): void {
  const where = WHERE[result.target] ?? "request";
  if (result.success) {
    const path = findIllFormedText(result.data);
    if (path === undefined) return;
    throw new AppError({ code: "INVALID_INPUT", message: `${path === "" ? where : path}: not well-formed Unicode (a lone surrogate)` });
  }
  if (result.error === undefined) return;
  throw new AppError({ code: "INVALID_INPUT", message: formatZodIssue(result.error, where) });
}
