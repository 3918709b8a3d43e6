import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./app-env.ts";

/** Gives every request a deadline; its abort signal reaches the LLM call, and a late request answers 504. */
export function requestTimeout(timeoutMs: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
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
