import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { decodeText } from "../decode-text.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseVtt } from "./parse-vtt.ts";

const FIXTURES = new URL("../../../fixtures/formats/vtt/", import.meta.url);

function parseFixture(name: string): ParsedBody {
  const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
  const body = parseVtt({ filename: name, bytes, text: decodeText(bytes).text }, new ParseContext(name, DEFAULT_LIMITS));
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  return body;
}

describe("parseVtt on a Teams export (BOM, CRLF, voice tags)", () => {
  const body = parseFixture("teams-meeting.vtt");

  it("merges one speaker's consecutive cues, keeping the first start and the last end", () => {
    expect(body.format).toBe("vtt");
    expect(body.segments[0]).toMatchObject({
      speaker: "Priya Natarajan",
      startMs: 3120,
      endMs: 11_900,
      text: "Thanks for joining, everyone. Let's start with the rollout plan. We need the dashboards live before the Q3 board review.",
    });
  });

  it("reads unclosed and classed voice tags and decodes entities", () => {
    expect(body.segments[1]).toMatchObject({
      speaker: "Tomás Ruiz (Guest)",
      text: "Understood. Our SSO runs on Okta & we'll need SCIM provisioning.",
    });
    expect(body.segments[2]).toMatchObject({
      speaker: "Priya Natarajan",
      text: "Budget is capped at $120k <this year>, no exceptions.",
    });
  });

  it("keeps a cue without a voice as an unknown speaker and splits two voices in one cue", () => {
    expect(body.segments.slice(3).map((s) => [s.speaker, s.text])).toEqual([
      [null, "[crosstalk]"],
      ["Tomás Ruiz (Guest)", "Then we'll pilot with the Rotterdam depot first."],
      ["Priya Natarajan", "Agreed, Rotterdam first."],
    ]);
  });

  it("lists the named speakers as participants and leaves out NOTE blocks and cue ids", () => {
    expect(body.participants).toEqual([{ name: "Priya Natarajan" }, { name: "Tomás Ruiz (Guest)" }]);
    expect(body.text).not.toContain("Exported from");
    expect(body.text).not.toContain("0f6c2a9e");
    expect(body.text).not.toContain("\r");
  });
});

describe("parseVtt on a Zoom transcript (numbered cues, Name: prefixes)", () => {
  const body = parseFixture("zoom-call.vtt");

  it("takes the speaker from the prefix and removes it from the text", () => {
    expect(body.segments.map((s) => s.speaker)).toEqual(["Dana Whitfield", "Marcus Oyelaran", "Dana Whitfield", null, "Marcus Oyelaran"]);
    expect(body.segments[1]).toMatchObject({ startMs: 10_400, endMs: 21_480 });
    expect(body.segments[1]?.text).toMatch(/^Sure\. Our main worry .* legacy CRM… Last time/);
    expect(body.text).not.toContain("Dana Whitfield:");
  });

  it("does not take an ordinary sentence with a colon for a speaker", () => {
    expect(body.segments[3]?.text).toBe("Note the timing: the close is on the 28th.");
    expect(body.participants.map((p) => p.name)).toEqual(["Dana Whitfield", "Marcus Oyelaran"]);
  });
});

describe("parseVtt on broadcast captions (no names, >> markers)", () => {
  const body = parseFixture("broadcast-captions.vtt");

  it("merges caption fragments into a sentence and starts a segment at every >>", () => {
    expect(body.segments.map((s) => s.text)).toEqual([
      "GOOD EVENING AND WELCOME TO THE HARBOR VALLEY TRANSIT BOARD MEETING.",
      "THE CLERK WILL CALL THE ROLL.",
      "MEMBER ALVAREZ?",
      "HERE.",
      "THANK YOU. OUR FIRST ITEM IS THE NEW FARE CONTRACT WITH CITYLINK PAYMENTS. we will now take public comment on this item",
    ]);
    expect(body.segments[0]).toMatchObject({ speaker: null, startMs: 5100, endMs: 11_400 });
  });

  it("names the speaker a `>> NAME:` marker gives, on the cues that follow too", () => {
    expect(body.segments[4]).toMatchObject({ speaker: "CHAIR OKAFOR", startMs: 14_067, endMs: 35_000 });
    expect(body.participants).toEqual([{ name: "CHAIR OKAFOR" }]);
  });
});

describe("parseVtt on YouTube auto-captions", () => {
  it("says rolled lines once and drops word timings", () => {
    const body = parseFixture("youtube-auto-captions.vtt");
    expect(body.segments).toHaveLength(1);
    expect(body.segments[0]).toMatchObject({
      text: "so the onboarding plan has three phases starting with discovery",
      startMs: 400,
      endMs: 7400,
    });
  });
});
