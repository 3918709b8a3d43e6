import { AppError } from "../errors.ts";
import { ThreadPool } from "./thread-pool.ts";

/** One multipart body to split, as it arrived. */
export type MultipartTask = { body: Uint8Array; contentType: string };

/** One part of a multipart body: a text field or a file with its bytes. */
export type MultipartPart =
  | { field: string; text: string }
  | { field: string; file: { name: string; type: string; blob: Blob; bytes: Uint8Array } };

/** A form as hono's parseBody({ all: true }) gives it: each field's value, or its values when it repeats. */
export type MultipartForm = Record<string, string | File | (string | File)[]>;

// Splitting is linear in the body: a generous stop for a body within the upload limit on a loaded machine.
const SPLIT_TIMEOUT_MS = 60_000;
const SPLIT_MEMORY_MB = 1_024;
const SPLIT_THREADS = 2;

let pool: ThreadPool<MultipartTask, MultipartPart[]> | undefined;
const parsed = new WeakMap<Request, Promise<MultipartForm>>();
const received = new WeakMap<File, Uint8Array>();

/**
 * The fields and files of a multipart/form-data request, split on a worker thread (undici splits an 11 MB body in a
 * quarter to a whole second of synchronous work, which would hold every other request up). The body is copied into
 * one buffer chunk by chunk as it arrives and moved to the thread, and the files' bytes move back: the main thread
 * never concatenates, clones or re-reads the body. Read once per request: the CSRF check and the handler share it.
 */
export function readMultipartForm(request: BodyOfRequest): Promise<MultipartForm> {
  let form = parsed.get(request.raw);
  if (form === undefined) {
    form = split(request.raw);
    parsed.set(request.raw, form);
  }
  return form;
}

/** The bytes of a file: kept from the split for a file of readMultipartForm, read from the file otherwise. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return received.get(file) ?? new Uint8Array(await file.arrayBuffer());
}

/** A request whose body its framework reads once and keeps (hono's c.req). */
type BodyOfRequest = { raw: Request };

// A body sent without a length starts in a buffer this size and doubles as it comes.
const FIRST_BUFFER_BYTES = 64 * 1024;

/** The whole body in a buffer of its own (made the declared length up front), filled as the chunks arrive. */
async function receiveBody(raw: Request): Promise<Uint8Array> {
  if (raw.body === null) return new Uint8Array(0);
  const declared = Number(raw.headers.get("content-length") ?? Number.NaN);
  let buffer = new Uint8Array(Number.isSafeInteger(declared) && declared >= 0 ? declared : FIRST_BUFFER_BYTES);
  let size = 0;
  for await (const chunk of raw.body) {
    if (size + chunk.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.max(size + chunk.byteLength, buffer.byteLength * 2));
      grown.set(buffer.subarray(0, size));
      buffer = grown;
    }
    buffer.set(chunk, size);
    size += chunk.byteLength;
  }
  return buffer.subarray(0, size);
}

async function split(raw: Request): Promise<MultipartForm> {
  const contentType = raw.headers.get("content-type") ?? "";
  const body = await receiveBody(raw);
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
        transfer: [body.buffer as ArrayBuffer],
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
    let value: string | File;
    if ("text" in part) value = part.text;
    else {
      // Made from the thread's blob, which threads share: its bytes are not copied again here.
      value = new File([part.file.blob], part.file.name, { type: part.file.type });
      received.set(value, part.file.bytes);
    }
    const existing = form[part.field];
    form[part.field] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return form;
}
