import { z } from "zod";
import { isAppError } from "../errors.ts";

/** Why a run failed, from a closed set (stored in extraction_runs.failure_code, whose CHECK lists the same codes). */
export const RunFailureCodeSchema = z.enum([
  "INTERRUPTED",
  "LLM_FAILED",
  "TIMEOUT",
  "INVALID_INPUT",
  "LIMIT_EXCEEDED",
  "CONFIG_INVALID",
  "INTERNAL",
]);
export type RunFailureCode = z.infer<typeof RunFailureCodeSchema>;

/** The failure code of what a run threw: its AppError code when runs can fail that way, else INTERNAL. */
export function runFailureCodeFor(error: unknown): RunFailureCode {
  if (!isAppError(error)) return "INTERNAL";
  if (error.code === "UNSUPPORTED_FORMAT") return "INVALID_INPUT";
  const parsed = RunFailureCodeSchema.safeParse(error.code);
  return parsed.success ? parsed.data : "INTERNAL";
}
