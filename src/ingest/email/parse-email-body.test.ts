import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { detectTextFormat } from "../detect-format.ts";
import { parseSource } from "../parse-source.ts";

const encode = (text: string) => new TextEncoder().encode(text);

describe("email bodies saved as text", () => {
  it("are detected from their quote headers, Outlook blocks, quoting or footers", () => {
    const bodies = [
      "Sounds good.\n\nOn Tue, Mar 1, 2011 at 6:02 PM, Abhishek Kona <a@x.example> wrote:\n> Hi folks\n",
      "Reply\n\n-----Original Message-----\nFrom: Bob\nSent: Monday\n\nHi",
      "Reply\n\nFrom: Dan Watson [mailto:user@host.com]\nSent: Monday, November 26, 2012 10:48 AM\nTo: Watson, Dan\nSubject: Re: New Issue\n\nA reply",
      "Here is another email\n\nSent from my iPhone",
      "> a\n> b\n> c\nok",
    ];
    for (const body of bodies) expect(detectTextFormat(body, "body.txt")).toBe("email-body");
    const notes = [
      "Alice: hello there\nBob: hi\n",
      "Meeting notes\n\nOn Monday we agreed on pricing.\n",
      "# Notes\n\n> quoted\n> more\n> lines\n",
    ];
    for (const note of notes) expect(detectTextFormat(note, "notes.md")).not.toBe("email-body");
    expect(detectTextFormat(notes[0]!, "notes.txt")).not.toBe("email-body");
  });

  it("parse with the quoted sender as a speaker and the new text without one", async () => {
    const body =
      "Oh thanks.\n\n-Abhishek Kona\n\nOn 01/03/11 7:07 PM, Russell Brown wrote:\n> You can list the keys for the bucket and call delete for each.\n";
    const parsed = await parseSource(encode(body), "reply.txt", DEFAULT_LIMITS);
    expect(parsed.source.format).toBe("email-body");
    expect(parsed.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Russell Brown", "You can list the keys for the bucket and call delete for each."],
      [null, "Oh thanks."],
    ]);
    // 01/03/11 could be January 3 or March 1: no date rather than a wrong one.
    expect(parsed.segments[0]!.occurredAt).toBeUndefined();
  });
});
