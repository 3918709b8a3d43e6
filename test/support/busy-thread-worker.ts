// A worker thread for the ThreadPool tests: tasks that answer, refuse, never end or never stop allocating, and a
// close hook that writes the file a "note-close" task named.
import { writeFile } from "node:fs/promises";
import { AppError } from "../../src/errors.ts";
import { serveThreadRequests } from "../../src/workers/thread-protocol.ts";

export type BusyTask =
  | { kind: "echo"; value: string }
  | { kind: "refuse" }
  | { kind: "spin" }
  | { kind: "hoard" }
  | { kind: "note-close"; path: string };

let closeNote: string | undefined;

serveThreadRequests(
  (task: BusyTask) => {
    switch (task.kind) {
      case "note-close":
        closeNote = task.path;
        return "noted";
      case "echo":
        return task.value;
      case "refuse":
        throw new AppError({ code: "INVALID_INPUT", message: "refused on purpose", context: { n: 1 } });
      case "spin":
        // No await, no time check: only a stop from outside the thread ends this.
        for (;;) {}
      case "hoard": {
        const kept: number[][] = [];
        for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => i));
      }
    }
  },
  {
    onClose: async () => {
      if (closeNote !== undefined) await writeFile(closeNote, "closed");
    },
  },
);
