import type { ExtractionProgress } from "../extraction/extractor.ts";
import type { CliIo } from "./cli-io.ts";

export type DraftProgress = {
  parsing(files: number): void;
  extraction(event: ExtractionProgress): void;
  grounding(): void;
  /** Clears the status line and stops the clock; called on success and on failure. */
  stop(): void;
};

const CLEAR_LINE = "\r\u001b[K";
const TICK_MS = 1_000;

/**
 * What `baton draft` is doing, on stderr, only when stderr is a terminal: parsing, each model call with
 * its elapsed time and then its tokens, grounding. A pipe or a log file gets nothing.
 */
export function createDraftProgress(io: CliIo, model: string, now: () => number = () => Date.now()): DraftProgress {
  if (!io.stderrIsTty) return { parsing() {}, extraction() {}, grounding() {}, stop() {} };
  let timer: ReturnType<typeof setInterval> | undefined;
  let statusShown = false;
  const status = (text: string) => {
    io.stderr(`${CLEAR_LINE}${text}`);
    statusShown = true;
  };
  const line = (text: string) => {
    io.stderr(`${statusShown ? CLEAR_LINE : ""}${text}\n`);
    statusShown = false;
  };
  const stopClock = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  let callStarted = 0;
  return {
    parsing(files) {
      status(`parsing ${files} file${files === 1 ? "" : "s"}…`);
    },
    extraction(event) {
      const part = event.part ? ` (${event.part})` : "";
      if (event.kind === "cache-hit") {
        line(`answer for the deal${part} taken from the cache (--refresh asks the model again)`);
      } else if (event.kind === "call-started") {
        stopClock();
        callStarted = now();
        const show = () => status(`calling ${model}${part}, call ${event.call}: ${Math.round((now() - callStarted) / 1000)} s`);
        show();
        timer = setInterval(show, TICK_MS);
        timer.unref();
      } else {
        stopClock();
        const seconds = Math.round((now() - callStarted) / 1000);
        line(
          `${model} answered call ${event.call}${part} in ${seconds} s: ${format(event.promptTokens)} prompt + ${format(event.completionTokens)} completion tokens`,
        );
      }
    },
    grounding() {
      stopClock();
      status("checking every quote against the sources…");
    },
    stop() {
      stopClock();
      if (statusShown) io.stderr(CLEAR_LINE);
      statusShown = false;
    },
  };
}

function format(n: number): string {
  return n.toLocaleString("en-US");
}
