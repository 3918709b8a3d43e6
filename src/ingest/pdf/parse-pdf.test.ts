import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { writeDeflateBombPdf } from "../../../test/support/write-deflate-bomb-pdf.ts";
import { writeSimplePdf } from "../../../test/support/write-simple-pdf.ts";
import { DEFAULT_LIMITS, type IngestLimits } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parsePdf } from "./parse-pdf.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../fixtures/formats/pdf");

function parse(bytes: Uint8Array, limits: Partial<IngestLimits> = {}): Promise<ParsedBody> {
  const context = new ParseContext("test.pdf", { ...DEFAULT_LIMITS, ...limits });
  return parsePdf({ filename: "test.pdf", bytes, text: "" }, context);
}

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(FIXTURES, name)));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).not.toMatch(/\n/);
  return error as AppError;
}

function expectInvariant(body: ParsedBody): void {
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
}

describe("parsePdf", () => {
  it("reads meeting notes with Name: speakers, dropping the running header and footer", async () => {
    const body = await parse(fixture("meeting-notes.pdf"));
    expectInvariant(body);
    expect(body.format).toBe("pdf");
    expect(body.title).toBe("Northwind kickoff notes");
    expect(body.occurredAt).toBe("2024-02-06");
    expect(body.text).not.toMatch(/Confidential|Page \d of 3/);
    const turns = body.segments.map((segment) => [segment.speaker, segment.text]);
    // The sentence crosses from page 1 to page 2, over the footer and header.
    expect(turns).toContainEqual([
      "Tom Okafor",
      "Understood. We will map the existing schema rather than ask for changes. Our onboarding plan assumes read-only access to that bucket.",
    ]);
    expect(turns).toContainEqual(["Dana Whitfield", "Our CFO, Marcus Hale, signs off on anything over fifty thousand dollars."]);
    expect(body.text).toContain("a signed data-processing agreement before we start.");
    expect(turns).toContainEqual([null, "- Tom: book the pricing review with Marcus Hale."]);
    expect(body.participants).toContainEqual({ name: "Priya Raman", company: "Larkspur", labels: ["Priya Raman"] });
  });

  it("reads a hearing-style transcript with CHAIR and MS. labels", async () => {
    const body = await parse(fixture("hearing-transcript.pdf"));
    expectInvariant(body);
    expect(new Set(body.segments.map((segment) => segment.speaker))).toEqual(
      new Set([null, "CHAIR ALVAREZ", "MS. OKAFOR", "MR. LINDQVIST"]),
    );
    expect(body.segments).toContainEqual(
      expect.objectContaining({
        speaker: "MS. OKAFOR",
        text: "Thank you, Chair. Jane Okafor from Meridian Health. Can you say whether the single sign-on work will ship before our renewal in June?",
        startMs: null,
      }),
    );
    expect(body.text).not.toMatch(/FINAL|- \d -|CHAIR ALVAREZ\./);
  });

  it("makes paragraphs with no speaker when the PDF has no labels", async () => {
    const body = await parse(writeSimplePdf([["Order form", "Quantity: 40 seats.", "Term: 12 months."]]));
    expect(body.segments.every((segment) => segment.speaker === null)).toBe(true);
    expect(body.text).toBe("Order form\n\nQuantity: 40 seats.\n\nTerm: 12 months.");
    expect(body.title).toBeUndefined();
  });

  it("rejects a password-protected PDF", async () => {
    const error = await rejection(parse(fixture("password-protected.pdf")));
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: "PDF is password-protected" });
  });

  it("rejects a PDF without a text layer", async () => {
    const error = await rejection(parse(fixture("no-text-layer.pdf")));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/no text layer.*OCR/);
  });

  it("rejects more pages than the page cap, naming the limit", async () => {
    const pages = [["Intro."], ["Pricing."], ["Terms."], ["Signatures."]];
    expect((await parse(writeSimplePdf(pages), { pdfMaxPages: 4 })).segments.length).toBeGreaterThan(0);
    const error = await rejection(parse(writeSimplePdf(pages), { pdfMaxPages: 3 }));
    expect(error).toMatchObject({ code: "LIMIT_EXCEEDED" });
    expect(error.message).toMatch(/4 pages.*BATON_PDF_MAX_PAGES/);
  });

  it("rejects a decompression bomb at the worker's memory cap and keeps this process alive", async () => {
    const bomb = await writeDeflateBombPdf(10);
    expect(bomb.length).toBeLessThan(100_000);
    const heapBefore = process.memoryUsage().heapUsed;
    // A generous deadline so only the memory cap can stop it, even on a loaded machine.
    const error = await rejection(parse(bomb, { pdfMemoryMb: 40, parseTimeoutMs: 60_000 }));
    expect(`${error.code}: ${error.message}`).toMatch(/^LIMIT_EXCEEDED: /);
    expect(error.message).toMatch(/BATON_PDF_MEMORY_MB/);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  // How soon after the deadline it answers is measured by `npm run bench parse` (worst-case inputs).
  it("kills the worker at the parse deadline", async () => {
    const bomb = await writeDeflateBombPdf(20);
    const error = await rejection(parse(bomb, { parseTimeoutMs: 1500 }));
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.message).toMatch(/BATON_PARSE_TIMEOUT_MS/);
  });

  it("rejects bytes that only start like a PDF", async () => {
    const error = await rejection(parse(new TextEncoder().encode("%PDF-1.7\nthis is not a pdf\n")));
    expect(error.code).toBe("INVALID_INPUT");
  });
});
