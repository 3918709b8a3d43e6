import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { parseSource } from "../parse-source.ts";
import type { ParsedSource } from "../../domain/source.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../fixtures/formats/text");

async function parseFixture(name: string): Promise<ParsedSource> {
  return parseSource(new Uint8Array(readFileSync(join(FIXTURES, name))), name, DEFAULT_LIMITS);
}

function expectInvariant({ source, segments }: ParsedSource): void {
  for (const segment of segments) expect(source.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
}

describe("text transcript fixtures", () => {
  it("Markdown call with a header block, **Name:** turns and escaped time markers", async () => {
    const parsed = await parseFixture("discovery-call-header.md");
    expectInvariant(parsed);
    const { source, segments } = parsed;
    expect(source.format).toBe("markdown");
    expect(source.occurredAt).toBe("2025-03-04");
    expect(source.title).toBe("Discovery Call — Lumora Logistics × Quillstack");
    expect(segments.map((s) => s.speaker)).toEqual(["Jordan", "Priya", "Tom", "Jordan", "Priya", "Tom", "Jordan", null]);
    expect(segments.slice(0, 7).map((s) => s.startMs)).toEqual([12_000, 31_000, 65_000, 100_000, 135_000, 168_000, 190_000]);
    // A second paragraph and a "Note:" line stay with Priya.
    expect(segments[1]!.text).toContain("We tried a macro last year.");
    expect(segments[4]!.text).toContain("Note: our CFO, Elena, signs anything above 50k.");
    // Action items under a heading are nobody's speech, even with "Name:" in them.
    expect(segments[7]!.text).toBe("Jordan: send the security pack by Friday\nTom: invite the integration team to Tuesday's session");
    expect(source.text).not.toMatch(/\\\[|\*\*|41 minutes|Call Type/);
    expect(source.participants).toEqual([
      { name: "Priya Natarajan", title: "VP Operations", company: "Lumora Logistics", labels: ["Priya"], side: "customer" },
      { name: "Tom Becker", title: "IT Director", company: "Lumora Logistics", labels: ["Tom"], side: "customer" },
      { name: "Jordan Ellis", title: "Account Executive", company: "Quillstack", labels: ["Jordan"], side: "seller" },
    ]);
  });

  it("plain Name: transcript with [hh:mm:ss] markers and a Participants list", async () => {
    const parsed = await parseFixture("renewal-call-timestamps.txt");
    expectInvariant(parsed);
    const { source, segments } = parsed;
    expect(source.format).toBe("text");
    expect(source.occurredAt).toBe("2025-01-28");
    expect(segments).toHaveLength(8);
    expect(segments.every((s) => s.startMs !== null)).toBe(true);
    expect(segments[3]).toMatchObject({ speaker: "Anna", startMs: 47_000 });
    expect(segments[3]!.text.startsWith("Subject: pricing.")).toBe(true);
    expect(segments[4]!.text).toBe(
      "The list price went up, but I can hold 18,000 if you sign a two-year term.\nThe offer is valid until the end of February.",
    );
    const byName = Object.fromEntries(source.participants.map((p) => [p.name, p]));
    expect(byName["Luis Ortega"]).toMatchObject({ labels: ["Luis"], side: "seller", company: "Brightchair" });
    expect(byName["Maria Gomez"]).toMatchObject({ labels: ["Maria"], side: "customer" });
    expect(byName["Anna Weiss"]).toMatchObject({ labels: ["Anna"], side: "customer", title: "Finance Lead" });
  });

  it("Otter export: name and time on one line, speech below, footer dropped", async () => {
    const parsed = await parseFixture("otter-export.txt");
    expectInvariant(parsed);
    const { source, segments } = parsed;
    expect(segments.map((s) => [s.speaker, s.startMs])).toEqual([
      ["Sam Rivera", 3_000],
      ["Keiko Tanaka", 9_000],
      ["Sam Rivera", 31_000],
      ["Keiko Tanaka", 38_000],
      ["Ben Okafor", 62_000],
      ["Sam Rivera", 75_000],
    ]);
    expect(segments[1]!.text).toContain("\nThe ramp for new reps also dropped");
    expect(source.text).not.toContain("otter.ai");
    expect(source.participants.map((p) => [p.name, p.labels])).toEqual([
      ["Sam Rivera", ["Sam Rivera"]],
      ["Keiko Tanaka", ["Keiko Tanaka"]],
      ["Ben Okafor", ["Ben Okafor"]],
    ]);
    expect(source.participants.every((p) => p.side === undefined)).toBe(true);
  });
});
