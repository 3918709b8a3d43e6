import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { IngestLimits } from "../config.ts";
import { AppError } from "../errors.ts";

/** The name a source read from stdin (`-`) gets; its format is recognised from its content. */
export const STDIN_FILENAME = "stdin";

/**
 * Reads a file named on the command line, refusing directories and files over the size limit before reading;
 * `-` reads standard input instead, refused once it passes the same limit.
 */
export async function readInputFile(
  path: string,
  limits: IngestLimits,
  stdin?: NodeJS.ReadableStream,
): Promise<{ bytes: Uint8Array; filename: string }> {
  if (path === "-" && stdin !== undefined) return { bytes: await readStdin(stdin, limits), filename: STDIN_FILENAME };
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

async function readStdin(stdin: NodeJS.ReadableStream, limits: IngestLimits): Promise<Uint8Array> {
  // A terminal on stdin means the file was forgotten, not that it will be typed in.
  if ((stdin as { isTTY?: boolean }).isTTY) {
    throw new AppError({ code: "INVALID_INPUT", message: "- reads a file from standard input: pipe one in (baton draft - < call.vtt)" });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > limits.maxFileBytes) {
      throw new AppError({
        code: "LIMIT_EXCEEDED",
        message: `standard input is over the limit of ${limits.maxFileBytes} bytes (BATON_MAX_FILE_BYTES)`,
      });
    }
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
