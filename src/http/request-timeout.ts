import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./app-env.ts";

// Time kept back from the deadline for a waiting handler to write its answer: a tenth, at most 2 s.
const MAX_ANSWER_MARGIN_MS = 2_000;

/**
 * Gives every request a deadline; its abort signal reaches work done inside the request, and a late request answers 504.
 * Handlers that wait on work running elsewhere (an extraction run on the job queue) stop waiting at `answerBy`.
 */
export function requestTimeout(timeoutMs: number): MiddlewareHandler<AppEnv> {
  const marginMs = Math.min(MAX_ANSWER_MARGIN_MS, Math.ceil(timeoutMs / 10));
  return async (c, next) => {
    c.set("answerBy", Date.now() + timeoutMs - marginMs);
    const controller = new AbortController();
    const clientSignal = c.req.raw.signal;
    const onClientAbort = () => controller.abort(new AppError({ code: "TIMEOUT", message: "client went away" }));
    clientSignal?.addEventListener("abort", onClientAbort, { once: true });
    c.set("signal", controller.signal);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new AppError({ code: "TIMEOUT", message: `request took longer than ${timeoutMs} ms` });
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
      clientSignal?.removeEventListener("abort", onClientAbort);
    }
  };
}
