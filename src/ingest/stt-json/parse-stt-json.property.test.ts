import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { isAppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import { parseSttJson } from "./parse-stt-json.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../fixtures/formats/stt-json");
// PROPERTY_RUNS=40 multiplies the runs for a soak test; the default keeps the suite fast.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1);

/** Parses, or checks the failure is the project's own one-line error (`npm run bench parse` times the slowest). */
function parseOrReject(text: string): void {
  try {
    const body = parseSttJson({ filename: "p.json", bytes: new Uint8Array(), text }, new ParseContext("p.json", DEFAULT_LIMITS));
    for (const segment of body.segments) {
      expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
      expect(segment.text).toBe(segment.text.trim());
      expect(segment.text).not.toBe("");
      if (segment.startMs !== null) expect(Number.isInteger(segment.startMs)).toBe(true);
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.message).not.toMatch(/\n/);
  }
}

const anyValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant("1.5s"),
  fc.constant("S1"),
  fc.jsonValue({ maxDepth: 2 }),
);
const loose = (keys: string[]) => fc.record(Object.fromEntries(keys.map((key) => [key, anyValue])), { requiredKeys: [] });

/** Replaces the value at one randomly chosen place in a parsed document. */
function mutate(root: unknown, pick: number, replacement: unknown): unknown {
  let counter = 0;
  const walk = (value: unknown): unknown => {
    if (counter++ === pick) return replacement;
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    }
    return value;
  };
  return walk(root);
}

describe("parseSttJson properties", () => {
  it("throws nothing but AppError on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), parseOrReject), { numRuns: 300 * RUNS });
  });

  it("throws nothing but AppError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => parseOrReject(JSON.stringify(value))),
      { numRuns: 300 * RUNS },
    );
  });

  it("keeps the invariant on vendor-shaped documents with fields of any type", () => {
    const shapes = fc.oneof(
      fc.record({ utterances: fc.array(loose(["speaker", "text", "start", "end", "words"])) }),
      fc.record({ words: fc.array(loose(["text", "start", "end", "speaker"]), { minLength: 1 }) }),
      fc.record({ results: fc.record({ items: fc.array(loose(["type", "start_time", "end_time", "speaker_label", "alternatives"])) }) }),
      fc.record({ results: fc.array(loose(["type", "alternatives", "start_time", "end_time", "attaches_to", "is_eos"])) }),
      fc.record({ results: fc.array(fc.record({ alternatives: fc.array(loose(["transcript", "words"])) })) }),
      fc.record({
        results: fc.record({ channels: fc.array(fc.record({ alternatives: fc.array(loose(["transcript", "words", "paragraphs"])) })) }),
      }),
      fc.record({ words: fc.array(loose(["value", "time", "duration", "paragraphId", "speaker"]), { minLength: 1 }) }),
      fc.record({ speakers: fc.array(loose(["name", "time"])), words: fc.array(loose(["name", "time", "duration"]), { minLength: 1 }) }),
      fc.record({ turns: fc.array(fc.oneof(fc.string(), loose(["speaker", "text", "start", "end", "content", "role"]))) }),
    );
    fc.assert(
      fc.property(shapes, (document) => parseOrReject(JSON.stringify(document))),
      { numRuns: 500 * RUNS },
    );
  });

  it("throws nothing but AppError when any value of a fixture is replaced", () => {
    const fixtures = readdirSync(FIXTURES)
      .filter((name) => name.endsWith(".json"))
      .map((name) => JSON.parse(readFileSync(resolve(FIXTURES, name), "utf8")) as unknown);
    const mutation = fc.tuple(fc.constantFrom(...fixtures), fc.nat({ max: 200 }), fc.jsonValue({ maxDepth: 3 }));
    fc.assert(
      fc.property(mutation, ([fixture, pick, replacement]) => parseOrReject(JSON.stringify(mutate(fixture, pick, replacement)))),
      { numRuns: 500 * RUNS },
    );
  });

  it("throws nothing but AppError when a fixture is cut short or corrupted", () => {
    const texts = readdirSync(FIXTURES)
      .filter((name) => name.endsWith(".json"))
      .map((name) => readFileSync(resolve(FIXTURES, name), "utf8"));
    const corruption = fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(corruption, ([text, at, insert]) => {
        const cut = at % (text.length + 1);
        parseOrReject(text.slice(0, cut) + insert + text.slice(cut + 1));
      }),
      { numRuns: 300 * RUNS },
    );
  });
});
