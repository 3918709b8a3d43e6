// A vitest setup file: after each test file, the PDF worker processes it started are ended and awaited, so no test
// leaves a child process behind (parse threads' workers end with their threads).
import { afterAll } from "vitest";
import { closePdfWorkers } from "../../src/ingest/pdf/run-pdf-worker.ts";

afterAll(() => closePdfWorkers());
