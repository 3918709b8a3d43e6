import { describe, expect, it } from "vitest";
import type { BriefCitation } from "./brief.ts";
import { renderReferences } from "./brief-markdown-text.ts";

const cite = (file: string, speaker: string | null, time: string | null): BriefCitation => ({
  file,
  sourceId: `src_${file}`,
  speaker,
  time,
  startMs: null,
  quote: "words",
  match: "exact",
});

describe("renderReferences", () => {
  it("names a file once per run and only the first quote's speaker", () => {
    expect(
      renderReferences([cite("call.vtt", "Ana Ruiz", "1:14"), cite("call.vtt", "Lee Park", "2:13"), cite("msa.pdf", null, null)], ""),
    ).toBe("call.vtt, Ana Ruiz, 1:14, 2:13; msa.pdf");
  });

  it("goes on from the quote named just before: its file and speaker are not named again", () => {
    const before = cite("call.vtt", "Ana Ruiz", "1:14");
    expect(
      renderReferences([cite("call.vtt", "Ana Ruiz", "7:22"), cite("deck.pdf", null, null)], "", { speakers: true, after: before }),
    ).toBe("7:22; deck.pdf");
    // Someone else in the same file, or another file, is named as usual.
    expect(renderReferences([cite("call.vtt", "Lee Park", "7:33")], "", { speakers: true, after: before })).toBe("Lee Park, 7:33");
    expect(renderReferences([cite("other.vtt", "Ana Ruiz", "0:05")], "", { speakers: true, after: before })).toBe(
      "other.vtt, Ana Ruiz, 0:05",
    );
    // The same moment as the one before still says when.
    expect(renderReferences([cite("call.vtt", "Ana Ruiz", "1:14")], "", { speakers: true, after: before })).toBe("1:14");
  });
});
