import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseInputFiles } from "../../src/cli/parse-input-files.ts";
import { rehearseOfflineDraft } from "../../src/cli/rehearse-offline-draft.ts";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { SAMPLE_DEAL_DIR } from "./run-captured-cli.ts";

// The PDF's parse is held until the test lets it go, so the order "other files parsed, PDF still being read" is
// certain however loaded the machine is.
const pdfGate = vi.hoisted(() => {
  let open: () => void = () => undefined;
  let opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    wait: () => opened,
    open: () => open(),
    close: () => {
      opened = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
  };
});
vi.mock("../../src/ingest/parse-source.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/ingest/parse-source.ts")>();
  return {
    ...original,
    parseSource: async (bytes: Uint8Array, filename: string, limits: typeof DEFAULT_LIMITS) => {
      if (filename.endsWith(".pdf")) await pdfGate.wait();
      return original.parseSource(bytes, filename, limits);
    },
  };
});

const dealFiles = readdirSync(SAMPLE_DEAL_DIR)
  .sort()
  .map((name) => join(SAMPLE_DEAL_DIR, name));
const filenames = (sources: ParsedSource[]) => sources.map((s) => s.source.filename);
const draftOf = (sources: ParsedSource[]) => createDraft(sources, { extractor: createOfflineExtractor(), now: () => new Date(0) });

async function untilFalse(test: () => boolean): Promise<void> {
  while (test()) await new Promise((resolve) => setImmediate(resolve));
}

describe("baton draft while a PDF is being read", () => {
  it("hands the other parsed files to the main thread's work while the PDF is read, and answers once both are done", async () => {
    pdfGate.open();
    const plain = await parseInputFiles(dealFiles, DEFAULT_LIMITS);
    pdfGate.close();
    const seen: { files: string[]; readingAtStart: boolean; readingAtEnd: boolean }[] = [];
    const sources = await parseInputFiles(dealFiles, DEFAULT_LIMITS, undefined, async (parsed, stillReading) => {
      const call = { files: filenames(parsed), readingAtStart: stillReading(), readingAtEnd: true };
      seen.push(call);
      pdfGate.open();
      await untilFalse(stillReading);
      call.readingAtEnd = stillReading();
    });
    expect(seen).toEqual([
      {
        files: ["discovery-call-2026-01-13.vtt", "email-thread.eml", "pricing-call-2026-01-29.vtt"],
        readingAtStart: true,
        readingAtEnd: false,
      },
    ]);
    expect(sources).toEqual(plain);
  });

  it("gives no work to do when there is no PDF to wait for", async () => {
    const work = vi.fn(async () => undefined);
    await parseInputFiles(
      dealFiles.filter((path) => !path.endsWith(".pdf")),
      DEFAULT_LIMITS,
      undefined,
      work,
    );
    expect(work).not.toHaveBeenCalled();
  });

  it("drafts the same deal whether or not the other files were drafted in rehearsal before the PDF arrived", async () => {
    pdfGate.open();
    const sources = await parseInputFiles(dealFiles, DEFAULT_LIMITS);
    const unrehearsed = await draftOf(sources);
    await rehearseOfflineDraft(
      sources.filter((s) => s.source.format !== "pdf"),
      () => true,
    );
    expect(await draftOf(sources)).toEqual(unrehearsed);
    expect(unrehearsed.sources.map((s) => s.format)).toContain("pdf");
  });

  it("stops rehearsing once nothing is being read", async () => {
    pdfGate.open();
    const sources = await parseInputFiles(dealFiles, DEFAULT_LIMITS);
    let asked = 0;
    await rehearseOfflineDraft(sources, () => {
      asked += 1;
      return false;
    });
    expect(asked).toBe(1);
  });
});
