import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseTextTranscript } from "./parse-text-transcript.ts";

function parse(text: string, format: "text" | "markdown" = "markdown"): ParsedBody {
  const context = new ParseContext("call.md", DEFAULT_LIMITS);
  return parseTextTranscript({ filename: "call.md", bytes: new TextEncoder().encode(text), text }, context, format);
}

describe("header blocks", () => {
  it("reads bold Call Date and an inline Attendees list, and keeps them out of the segments", () => {
    const body = parse(
      [
        "# Discovery",
        "",
        "Intro paragraph for readers.",
        "",
        "---",
        "",
        "**Call Date:** 2025-02-10",
        "**Attendees:** Sarah Chen (VP Sales, Nextera Health), David Park (AE, SixtySixTen)",
        "**Duration:** 32 minutes",
        "",
        "---",
        "",
        "**David:** Hi Sarah.",
        "",
        "**Sarah:** Hi David.",
      ].join("\n"),
    );
    expect(body.participants).toEqual([
      { name: "Sarah Chen", title: "VP Sales", company: "Nextera Health" },
      { name: "David Park", title: "AE", company: "SixtySixTen" },
    ]);
    expect(body.occurredAt).toBe("2025-02-10");
    expect(body.title).toBe("Discovery");
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      [null, "Intro paragraph for readers."],
      ["David", "Hi Sarah."],
      ["Sarah", "Hi David."],
    ]);
    expect(body.text).not.toContain("32 minutes");
    expect(body.text).not.toContain("Nextera Health");
  });

  it("reads Participants: followed by bullet lines in several spellings", () => {
    const body = parse(
      [
        "Date: January 15, 2024",
        "Participants:",
        "- Sarah (TribeAI Sales Rep)",
        "- Michael Chen, VP of Sales at CloudTech",
        "* Ana Ruiz — CFO, CloudTech",
        "- Li Wei <li.wei@cloudtech.example>",
        "Outcome: Discovery booked",
        "",
        "Sarah: Hi Michael.",
        "Michael: Hello.",
      ].join("\n"),
      "text",
    );
    expect(body.participants).toEqual([
      { name: "Sarah", title: "Sales Rep", company: "TribeAI" },
      { name: "Michael Chen", title: "VP of Sales", company: "CloudTech" },
      { name: "Ana Ruiz", title: "CFO", company: "CloudTech" },
      { name: "Li Wei", email: "li.wei@cloudtech.example" },
    ]);
    expect(body.occurredAt).toBe("2024-01-15");
    expect(body.segments.map((s) => s.speaker)).toEqual(["Sarah", "Michael"]);
    expect(body.text).not.toContain("Discovery booked");
  });

  it("takes bullets below a blank line after an empty Attendees: key, but not prose", () => {
    const body = parse("Attendees:\n\n- Ana Ruiz (CFO, Acme)\n- Ben Cole (AE, Vendo)\n\nThe team reviewed pricing.", "text");
    expect(body.participants.map((p) => p.name)).toEqual(["Ana Ruiz", "Ben Cole"]);
    expect(body.segments.map((s) => s.text)).toEqual(["The team reviewed pricing."]);
  });

  it("does not read a prose paragraph after an inline attendee list as more attendees", () => {
    const body = parse("Attendees: Ana Ruiz, Ben Cole\n\nThis call covered pricing", "text");
    expect(body.participants.map((p) => p.name)).toEqual(["Ana Ruiz", "Ben Cole"]);
    expect(body.segments.map((s) => s.text)).toEqual(["This call covered pricing"]);
  });

  it("accepts a label that appears once when it names an attendee", () => {
    const body = parse(
      "Attendees: Ana Ruiz (CFO, Acme), Ben Cole (AE, Vendo)\n\nAna: Only one line from me.\n\nBen: And one from me.",
      "text",
    );
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Ana", "Only one line from me."],
      ["Ben", "And one from me."],
    ]);
  });

  it("leaves Key: value lines as text when no metadata key is among them", () => {
    const body = parse("Goal: cut response time.\nBudget: 15k a month.", "text");
    expect(body.participants).toEqual([]);
    expect(body.occurredAt).toBeUndefined();
    expect(body.text).toBe("Goal: cut response time.\nBudget: 15k a month.");
  });

  it("ignores a date it cannot read rather than guessing", () => {
    const body = parse("Date: sometime next week\n\nNotes follow.", "text");
    expect(body.occurredAt).toBeUndefined();
    expect(body.text).toBe("Notes follow.");
  });
});
