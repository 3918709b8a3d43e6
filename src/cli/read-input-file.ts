import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { IngestLimits } from "../config.ts";
import { AppError } from "../errors.ts";

/** Reads a file named on the command line, refusing directories and files over the size limit before reading. */
export async function readInputFile(path: string, limits: IngestLimits): Promise<{ bytes: Uint8Array; filename: string }> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError({ code: "INVALID_INPUT", message: `${path} is not a file` });
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError({ code: "INVALID_INPUT", message: `cannot read ${path}: no such file or no permission` });
  }
  if (size > limits.maxFileBytes) {
    throw new AppError({
      code: "LIMIT_EXCEEDED",
      message: `${basename(path)} is ${size} bytes, over the limit of ${limits.maxFileBytes} (BATON_MAX_FILE_BYTES)`,
    });
  }
  return { bytes: new Uint8Array(await readFile(path)), filename: basename(path) };
}
