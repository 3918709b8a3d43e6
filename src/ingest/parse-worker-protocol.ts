import type { IngestLimits } from "../config.ts";
import type { ErrorCode } from "../errors.ts";
import type { ParsedSource } from "../domain/source.ts";

/** One file for a parse worker thread. */
export type ParseRequest = { id: number; bytes: Uint8Array; filename: string; limits: IngestLimits };

/** The worker's answer: the parsed source, or the AppError's parts (errors do not cross threads as instances). */
export type ParseResponse =
  | { id: number; ok: true; parsed: ParsedSource }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; context: Record<string, string | number | boolean | null> } };
