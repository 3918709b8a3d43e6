// A parse worker thread: parses one file at a time for the pool in parse-pool.ts, so a slow or hostile
// upload keeps this thread busy while the service's main thread goes on answering.
import { parentPort } from "node:worker_threads";
import { isAppError } from "../errors.ts";
import type { ParseRequest, ParseResponse } from "./parse-worker-protocol.ts";
import { parseSource } from "./parse-source.ts";

const port = parentPort;
if (port === null) throw new Error("parse-worker.ts runs as a worker thread (see parse-pool.ts)");

port.on("message", async (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    const parsed = await parseSource(request.bytes, request.filename, request.limits);
    response = { id: request.id, ok: true, parsed };
  } catch (error) {
    // parseSource answers AppErrors only; anything else is a bug, told without the file's content.
    response = isAppError(error)
      ? { id: request.id, ok: false, error: { code: error.code, message: error.message, context: error.context ?? {} } }
      : { id: request.id, ok: false, error: { code: "INTERNAL", message: "the parser failed unexpectedly", context: {} } };
  }
  port.postMessage(response);
});
