import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./app-env.ts";
import { checkJsonBody } from "./check-json-body.ts";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Refuses a JSON body that is not valid UTF-8 (400) instead of letting the decoder turn its bytes into U+FFFD, and one
 * over the depth or key-count limits (413) before anything parses it; the decoded text is kept for the route's
 * validator, so the body is read and decoded once.
 */
export function requireUtf8Json(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const mediaType = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
    if (JSON_MEDIA_TYPE.test(mediaType)) {
      const bytes = await c.req.arrayBuffer();
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        throw new AppError({ code: "INVALID_INPUT", message: "body: not valid UTF-8" });
      }
      checkJsonBody(text);
      // Hono keeps each body form as a promise under its name (its type says otherwise).
      (c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(text);
    }
    await next();
  };
}
