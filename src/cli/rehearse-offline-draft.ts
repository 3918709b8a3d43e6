import { setImmediate as nextTurn } from "node:timers/promises";
import { createDraft } from "../drafting/create-draft.ts";
import type { ParsedSource } from "../domain/source.ts";
import { createOfflineExtractor } from "../extraction/offline/offline-extractor.ts";

// Larger files are not rehearsed: the rules' compile cost is the same on a small file, and a long file's own work
// could outlast the PDF's read.
const MAX_REHEARSED_CHARS = 32_000;

/**
 * Drafts the files already parsed, one at a time and smallest first, offline, while a PDF is still being read, and
 * throws the drafts away: the first draft of a process pays for V8 compiling the rules' regular expressions and the
 * pipeline's code (most of a small deal's draft time), and this pays it while the main thread would only wait. The
 * real draft then runs once over every file, unchanged. Stops after the file in hand once nothing is being read.
 */
export async function rehearseOfflineDraft(parsed: ParsedSource[], stillReading: () => boolean): Promise<void> {
  const extractor = createOfflineExtractor();
  const small = parsed.filter((p) => p.source.text.length <= MAX_REHEARSED_CHARS);
  for (const source of small.sort((a, b) => a.source.text.length - b.source.text.length)) {
    // The PDF's answer comes in on an event-loop turn, not between promise callbacks.
    await nextTurn();
    if (!stillReading()) return;
    await createDraft([source], { extractor, now: () => new Date(0) });
  }
}
