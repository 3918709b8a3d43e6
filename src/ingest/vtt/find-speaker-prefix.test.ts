import { describe, expect, it } from "vitest";
import { createSpeakerNameFilter, findSpeakerPrefix, type PrefixTally } from "./find-speaker-prefix.ts";

describe("findSpeakerPrefix", () => {
  it.each([
    ["Caleob King: Hello, everybody", "Caleob King", "Hello, everybody"],
    ["Dr. Chen: Gloves on.", "Dr. Chen", "Gloves on."],
    ["+1 415 555 0100: can you hear me", "+1 415 555 0100", "can you hear me"],
    ["Tomás Ruiz (Guest):\tyes", "Tomás Ruiz (Guest)", "yes"],
    ["Ana:", "Ana", ""],
  ])("finds the name in %j", (text, name, rest) => {
    const prefix = findSpeakerPrefix(text);
    expect(prefix?.name).toBe(name);
    expect(text.slice(prefix?.textStart)).toBe(rest);
  });

  it.each([
    "THE TIME IS 9:31 A.M.",
    "see https://example.com: the docs",
    "Really? I said: yes",
    "1: first item",
    "This label is far too many words to be a name: text",
    ": empty name",
    "no colon at all",
  ])("finds no name in %j", (text) => {
    expect(findSpeakerPrefix(text)).toBeNull();
  });
});

function tally(heads: number, names: Record<string, number>): PrefixTally {
  return { heads, names: new Map(Object.entries(names)) };
}

describe("createSpeakerNameFilter", () => {
  it("accepts every name-like label in a file whose cues mostly carry one (Zoom)", () => {
    const isName = createSpeakerNameFilter(tally(10, { "Dana Whitfield": 6, "Elena Brandt": 1, "Note the timing": 1 }));
    expect(isName("Elena Brandt", false)).toBe(true);
    expect(isName("Note the timing", false)).toBe(false);
  });

  it("accepts a repeated label in a file where few cues carry one, but not a single one", () => {
    const isName = createSpeakerNameFilter(tally(100, { Moderator: 3, Example: 1 }));
    expect(isName("Moderator", false)).toBe(true);
    expect(isName("Example", false)).toBe(false);
  });

  it("accepts lowercase display names only when repeated in a Zoom-like file", () => {
    expect(createSpeakerNameFilter(tally(4, { "john smith": 3 }))("john smith", false)).toBe(true);
    expect(createSpeakerNameFilter(tally(40, { "john smith": 3 }))("john smith", false)).toBe(false);
  });

  it("never takes label words such as Note for names, even after a marker", () => {
    const isName = createSpeakerNameFilter(tally(10, { Note: 9 }));
    expect(isName("Note", false)).toBe(false);
    expect(isName("Note", true)).toBe(false);
    expect(isName("CHAIR OKAFOR", true)).toBe(true);
  });
});
