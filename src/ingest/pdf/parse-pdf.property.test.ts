import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeSimplePdf } from "../../../test/support/write-simple-pdf.ts";
import { DEFAULT_LIMITS } from "../../config.ts";
import { isAppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import { parsePdf } from "./parse-pdf.ts";

// Each case forks a worker process (a few hundred ms), so runs are few but the inputs are hostile.
const RUNS = 10;
const LIMITS = { ...DEFAULT_LIMITS, parseTimeoutMs: 5000 };

/** Parses and checks the only two acceptable outcomes: a body with the invariant, or a one-line AppError. */
async function parseSafely(bytes: Uint8Array): Promise<void> {
  try {
    const body = await parsePdf({ filename: "fuzz.pdf", bytes, text: "" }, new ParseContext("fuzz.pdf", LIMITS));
    for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  } catch (error) {
    expect(isAppError(error), `threw a non-AppError: ${String(error)}`).toBe(true);
    expect((error as Error).message).not.toMatch(/\n/);
  }
}

const pageLines = fc.array(fc.array(fc.string({ maxLength: 80 }), { maxLength: 6 }), { minLength: 1, maxLength: 3 });

describe("parsePdf on hostile input", () => {
  it("answers random bytes behind a PDF header with an AppError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (tail) => {
        const bytes = new Uint8Array([...new TextEncoder().encode("%PDF-1.4\n"), ...tail]);
        await parseSafely(bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it("answers truncated PDFs with a body or an AppError", async () => {
    await fc.assert(
      fc.asyncProperty(pageLines, fc.double({ min: 0, max: 1, noNaN: true }), async (pages, cut) => {
        const pdf = writeSimplePdf(pages, { header: ["Header"], footer: ["Page {page}"] });
        await parseSafely(pdf.slice(0, Math.max(9, Math.floor(pdf.length * cut))));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers PDFs with corrupted bytes with a body or an AppError", async () => {
    await fc.assert(
      fc.asyncProperty(
        pageLines,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
        async (pages, flips) => {
          const pdf = writeSimplePdf(pages);
          for (const [position, value] of flips) pdf[position % pdf.length] = value;
          await parseSafely(pdf);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
