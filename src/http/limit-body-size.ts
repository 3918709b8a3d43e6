import type { MiddlewareHandler } from "hono";
import type { AppError } from "../errors.ts";
import type { AppEnv } from "./app-env.ts";

/**
 * Refuses a request body over `maxBytes` with `refuse()`: at once when its Content-Length says so, else at the first
 * chunk past the limit while it arrives. Nothing is buffered here: whoever reads the body next reads it as it comes,
 * and the read fails with `refuse()` the moment the count passes the limit (hono's bodyLimit kept a chunked body
 * whole in memory, growing it by copies on the main thread, before anything could look at it).
 */
export function limitBodySize(maxBytes: number, refuse: () => AppError): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (body === null) return next();
    const length = c.req.header("content-length");
    if (length !== undefined && !c.req.raw.headers.has("transfer-encoding")) {
      if (Number.parseInt(length, 10) > maxBytes) throw refuse();
      return next();
    }
    let size = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxBytes) throw refuse();
          controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: "half" } as RequestInit);
    await next();
  };
}
