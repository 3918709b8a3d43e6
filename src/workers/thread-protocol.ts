import { parentPort } from "node:worker_threads";
import { type ErrorCode, isAppError } from "../errors.ts";

/** One task for a worker thread. */
export type ThreadRequest<Payload> = { id: number; payload: Payload };

/** The thread's answer: the value, or the AppError's parts (errors do not cross threads as instances). */
export type ThreadReply<Result> =
  | { id: number; ok: true; value: Result }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; context: Record<string, string | number | boolean | null> } };

/** Sent by ThreadPool.close before it ends a thread; the thread answers CLOSED_REPLY once it has let go of what it holds. */
export const CLOSE_REQUEST = "close";
export const CLOSED_REPLY = "closed";

export type ServeOptions<Result> = {
  /** Names the buffers of a result to move to the main thread rather than copy there. */
  transferOf?: (result: Result) => ArrayBuffer[];
  /** Ends what the thread holds outside itself (child processes) when the pool closes. */
  onClose?: () => Promise<void>;
};

/** Runs in a worker thread: answers each task of the ThreadPool with `handle`, one at a time. */
export function serveThreadRequests<Payload, Result>(
  handle: (payload: Payload) => Promise<Result> | Result,
  { transferOf = () => [], onClose }: ServeOptions<Result> = {},
): void {
  const port = parentPort;
  if (port === null) throw new Error("serveThreadRequests runs in a worker thread (see thread-pool.ts)");
  port.on("message", async (request: ThreadRequest<Payload> | typeof CLOSE_REQUEST) => {
    if (request === CLOSE_REQUEST) {
      await onClose?.().catch(() => undefined);
      port.postMessage(CLOSED_REPLY);
      return;
    }
    let reply: ThreadReply<Result>;
    let transfer: ArrayBuffer[] = [];
    try {
      const value = await handle(request.payload);
      transfer = transferOf(value);
      reply = { id: request.id, ok: true, value };
    } catch (error) {
      // Tasks answer AppErrors; anything else is a bug, told without the task's content.
      reply = isAppError(error)
        ? { id: request.id, ok: false, error: { code: error.code, message: error.message, context: error.context } }
        : { id: request.id, ok: false, error: { code: "INTERNAL", message: "the worker thread failed unexpectedly", context: {} } };
    }
    port.postMessage(reply, transfer);
  });
}
