import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./app-env.ts";
import { JsonBodyScanner } from "./check-json-body.ts";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Refuses a JSON body that is not valid UTF-8 (400) instead of letting the decoder turn its bytes into U+FFFD, and one
 * over the depth or key-count limits (413) before anything parses it. The body is decoded and scanned chunk by chunk
 * as it arrives, so a hostile body is refused at the first chunk past a limit, without being received whole, and no
 * step holds the main thread for longer than one chunk's work. The decoded text is kept for the route's validator,
 * so the body is read and decoded once.
 */
export function requireUtf8Json(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const mediaType = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
    if (JSON_MEDIA_TYPE.test(mediaType)) {
      const text = await readJsonText(c.req.raw.body);
      // Hono keeps each body form as a promise under its name (its type says otherwise).
      (c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(text);
    }
    await next();
  };
}

async function readJsonText(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (body === null) return "";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const scanner = new JsonBodyScanner();
  const pieces: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const piece = decode(decoder, done ? undefined : value);
      scanner.feed(piece);
      pieces.push(piece);
      if (done) return pieces.join("");
    }
  } catch (error) {
    // The rest of a refused body is not read.
    reader.cancel().catch(() => {});
    throw error;
  }
}

/** The next chunk's text (the decoder keeps a character split across chunks); no chunk flushes the decoder. */
function decode(decoder: InstanceType<typeof TextDecoder>, chunk: Uint8Array | undefined): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: "body: not valid UTF-8" });
  }
}
