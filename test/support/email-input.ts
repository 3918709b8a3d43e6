import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_LIMITS, type IngestLimits } from "../../src/config.ts";
import { decodeText } from "../../src/ingest/decode-text.ts";
import { ParseContext, type ParseInput } from "../../src/ingest/parse-context.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/formats/email");

/** A parser input from raw text or bytes, decoded as parseSource would. */
export function emailInput(content: string | Uint8Array, filename = "message.eml"): ParseInput {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { filename, bytes, text: decodeText(bytes).text };
}

export function fixtureInput(name: string): ParseInput {
  return emailInput(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
}

export function testContext(limits: Partial<IngestLimits> = {}): ParseContext {
  return new ParseContext("test", { ...DEFAULT_LIMITS, ...limits });
}

/** How many times `needle` occurs in `text`. */
export function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
