// A parse worker thread of ParsePool (parse-pool.ts): a slow or hostile upload keeps this thread busy while the
// service's main thread goes on answering.
import type { IngestLimits } from "../config.ts";
import { serveThreadRequests } from "../workers/thread-protocol.ts";
import { closePdfWorkers } from "./pdf/run-pdf-worker.ts";
import { parseSource } from "./parse-source.ts";

export type ParseTask = { bytes: Uint8Array; filename: string; limits: IngestLimits };

// On close, this thread's PDF worker processes end before the thread does.
serveThreadRequests((task: ParseTask) => parseSource(task.bytes, task.filename, task.limits), { onClose: closePdfWorkers });
