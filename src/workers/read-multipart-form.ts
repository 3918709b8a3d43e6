import { AppError } from "../errors.ts";
import { ThreadPool } from "./thread-pool.ts";

/** One multipart body to split, as it arrived. */
export type MultipartTask = { body: Uint8Array; contentType: string };

/** One part of a multipart body: a text field or a file with its bytes. */
export type MultipartPart = { field: string; text: string } | { field: string; file: { name: string; type: string; bytes: Uint8Array } };

/** A form as hono's parseBody({ all: true }) gives it: each field's value, or its values when it repeats. */
export type MultipartForm = Record<string, string | File | (string | File)[]>;

// Splitting is linear in the body: a generous stop for a body within the upload limit on a loaded machine.
const SPLIT_TIMEOUT_MS = 60_000;
const SPLIT_MEMORY_MB = 1_024;
const SPLIT_THREADS = 2;

let pool: ThreadPool<MultipartTask, MultipartPart[]> | undefined;
const parsed = new WeakMap<Request, Promise<MultipartForm>>();

/**
 * The fields and files of a multipart/form-data request, split on a worker thread (undici splits an 11 MB body in a
 * quarter to a whole second of synchronous work, which would hold every other request up). Read once per request:
 * the CSRF check and the handler share it.
 */
export function readMultipartForm(request: BodyOfRequest): Promise<MultipartForm> {
  let form = parsed.get(request.raw);
  if (form === undefined) {
    form = split(request);
    parsed.set(request.raw, form);
  }
  return form;
}

/** A request whose body its framework reads once and keeps (hono's c.req). */
type BodyOfRequest = { raw: Request; arrayBuffer(): Promise<ArrayBuffer> };

async function split(request: BodyOfRequest): Promise<MultipartForm> {
  const contentType = request.raw.headers.get("content-type") ?? "";
  const body = new Uint8Array(await request.arrayBuffer());
  pool ??= new ThreadPool<MultipartTask, MultipartPart[]>({
    workerUrl: new URL("./multipart-worker.ts", import.meta.url),
    memoryMb: SPLIT_MEMORY_MB,
  });
  let parts: MultipartPart[];
  try {
    parts = await pool.run(
      { body, contentType },
      {
        concurrency: SPLIT_THREADS,
        timeoutMs: SPLIT_TIMEOUT_MS,
        timeoutError: () => new AppError({ code: "INVALID_INPUT", message: "malformed multipart body" }),
        memoryError: () => new AppError({ code: "LIMIT_EXCEEDED", message: "the multipart body needs more memory than Baton allows" }),
      },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "LIMIT_EXCEEDED") throw error;
    throw new AppError({ code: "INVALID_INPUT", message: "malformed multipart body", cause: error });
  }
  const form: MultipartForm = {};
  for (const part of parts) {
    const value = "text" in part ? part.text : new File([part.file.bytes], part.file.name, { type: part.file.type });
    const existing = form[part.field];
    form[part.field] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return form;
}
