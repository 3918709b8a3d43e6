import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "../errors.ts";

/** Parses and validates a JSON body; a bad body is a 400 naming the first problem, never a 500. */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const contentType = c.req.header("content-type") ?? "";
  if (!contentType.toLowerCase().includes("application/json")) {
    throw new AppError({ code: "UNSUPPORTED_FORMAT", message: "expected a JSON body (Content-Type: application/json)" });
  }
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: "body is not valid JSON" });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new AppError({ code: "INVALID_INPUT", message: `${where}${issue?.message ?? "invalid body"}` });
  }
  return result.data;
}
