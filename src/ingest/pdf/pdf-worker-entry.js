// The PDF worker process's entry, forked by pdf-process.ts. Plain JavaScript, like src/baton.js, so that Node's compile
// cache is on before any TypeScript loads: the worker's modules then come from the cache and the process never starts
// the type stripper (about 0.1 s of every worker's start-up).
import { enableCompileCache } from "node:module";

// The environment is empty, so NODE_COMPILE_CACHE cannot reach here: the parent passes its cache directory, if any, as
// the second argument.
enableCompileCache?.(process.argv[3] || undefined);
const { servePdfRequests } = await import("./pdf-worker.ts");
servePdfRequests();
