import { describe, expect, it } from "vitest";
import { testContext } from "../../../test/support/email-input.ts";
import { splitThread } from "./split-thread.ts";

const split = (body: string) =>
  splitThread(body, { author: { name: "Nate Brennan", email: "nate@k.example" }, offsetMinutes: -480 }, testContext());

/** [speaker, text] of every message that has text, newest first. */
const messagesOf = (body: string) =>
  split(body)
    .filter((m) => m.text !== "")
    .map((m) => [m.author?.name ?? m.author?.email ?? null, m.text]);

describe("splitThread", () => {
  it("separates the new text from an 'On … wrote:' quote, wrapped over two lines", () => {
    const thread = split(
      "Works for us.\n\nOn Mon, Feb 2, 2026 at 7:55 AM Dana Whitlock <dana@c.example>\nwrote:\n> Can we meet Tuesday?\n",
    );
    expect(thread.map((m) => [m.author?.name, m.text, m.quoted])).toEqual([
      ["Nate Brennan", "Works for us.", false],
      ["Dana Whitlock", "Can we meet Tuesday?", true],
    ]);
    // The quote header has no zone: the reply's own zone (-08:00) applies.
    expect(thread[1]!.occurredAt).toBe("2026-02-02T15:55:00.000Z");
    expect(thread[1]!.author?.email).toBe("dana@c.example");
  });

  it("reads localized quote headers", () => {
    expect(messagesOf("Merci.\n\nLe 3 avr. 2012 à 16:19, Bob Martin <bob@x.example> a écrit :\n\n> Salut\n")).toEqual([
      ["Nate Brennan", "Merci."],
      ["Bob Martin", "Salut"],
    ]);
    expect(messagesOf("Danke.\n\nAm 03.04.2012 um 16:19 schrieb Eva Braun <eva@x.example>:\n> Hallo\n")).toEqual([
      ["Nate Brennan", "Danke."],
      ["Eva Braun", "Hallo"],
    ]);
    const russian = split('Hello\n02.04.2012 14:20 пользователь "bob@x.example" <\nbob@x.example> написал:\n\n> Hi\n');
    expect(russian[1]?.author?.email).toBe("bob@x.example");
    expect(russian[1]?.occurredAt).toBe("2012-04-02T22:20:00.000Z");
  });

  it("splits Outlook '-----Original Message-----' and bare From/Sent/To/Subject blocks into older messages", () => {
    const body = [
      "Approved on our side.",
      "",
      "-----Original Message-----",
      "From: Ray Tanaka [mailto:ray@k.example]",
      "Sent: Thursday, February 5, 2026 1:36 PM",
      "To: Nate Brennan",
      "Subject: RE: SOC 2",
      "",
      "The SOC 2 report looks fine.",
      "",
      "From: Dana Whitlock <dana@c.example>",
      "Sent: Wednesday, February 4, 2026 9:00 AM",
      "To: Ray Tanaka",
      "Subject: SOC 2",
      "",
      "Attached is our SOC 2 Type II report.",
    ].join("\n");
    const thread = split(body);
    expect(thread.map((m) => [m.author?.name, m.text])).toEqual([
      ["Nate Brennan", "Approved on our side."],
      ["Ray Tanaka", "The SOC 2 report looks fine."],
      ["Dana Whitlock", "Attached is our SOC 2 Type II report."],
    ]);
    expect(thread[1]!.author?.email).toBe("ray@k.example");
    expect(thread[2]!.occurredAt).toBe("2026-02-04T17:00:00.000Z");
  });

  it("reads a forwarded message as its original sender's", () => {
    const body =
      "FYI\n\n---------- Forwarded message ---------\nFrom: Vince Ortega <vince@k.example>\nDate: Tue, Feb 3, 2026 at 8:00 AM\nSubject: Migration\nTo: Nate Brennan <nate@k.example>\n\nWe cannot take on the migration this quarter.\n";
    expect(messagesOf(body)).toEqual([
      ["Nate Brennan", "FYI"],
      ["Vince Ortega", "We cannot take on the migration this quarter."],
    ]);
  });

  it("keeps inline replies written between quotes as the new text", () => {
    const body =
      "On Tue, Apr 29, 2014 at 4:22 PM, Example Dev <dev@x.example> wrote:\n> First question?\n\nAnswer one.\n\n> Second question?\n\nAnswer two.\n";
    expect(messagesOf(body)).toEqual([
      ["Nate Brennan", "Answer one.\n\nAnswer two."],
      ["Example Dev", "First question?\n\nSecond question?"],
    ]);
  });

  it("gives a bare quote no sender, but reads the header block inside it", () => {
    const thread = split(
      "Hello\n\n> Subject: Test\n> From: bob@x.example\n> To: nate@k.example\n> Date: Mon, 2 Apr 2012 17:44:22 +0400\n>\n> Hi\n",
    );
    expect(thread.filter((m) => m.text !== "").map((m) => [m.author?.email ?? null, m.text])).toEqual([
      ["nate@k.example", "Hello"],
      ["bob@x.example", "Hi"],
    ]);
    expect(split("Sure.\n\n> some quoted line\n> another\n").map((m) => [m.author, m.text])).toEqual([
      [{ name: "Nate Brennan", email: "nate@k.example" }, "Sure."],
      [null, "some quoted line\nanother"],
    ]);
  });

  it("drops signatures: the '-- ' block, mobile footers, a closing with name and contact lines", () => {
    expect(messagesOf("See you Tuesday.\n\n-- \nNate Brennan\nDirector of Customer Service\n")).toEqual([
      ["Nate Brennan", "See you Tuesday."],
    ]);
    expect(messagesOf("See you Tuesday.\n\nSent from my iPhone\n")).toEqual([["Nate Brennan", "See you Tuesday."]]);
    expect(messagesOf("See you Tuesday.\n\nThanks,\nNate\nKestrel Ridge Freight\n(509) 555-0172\n")).toEqual([
      ["Nate Brennan", "See you Tuesday."],
    ]);
    expect(messagesOf("See you Tuesday.\n\nNate\n\nNate Brennan\nDirector | Kestrel Ridge Freight\n")).toEqual([
      ["Nate Brennan", "See you Tuesday."],
    ]);
  });

  it("keeps what only looks like a signature", () => {
    const keep = [
      "Here is another email\n\nSent from my desk, is much easier then my mobile phone.",
      "And here is a fix -- this is not a signature.\n\nkthxbai",
      "Best,\nNate\n\nP.S. Please send the pricing sheet before Friday.",
      "Thanks!",
      "Agenda:\n--\nPricing\nSecurity\nTimeline",
    ];
    for (const body of keep) expect(messagesOf(body)).toEqual([["Nate Brennan", body]]);
  });

  it("does not take a sentence starting with 'On' for a quote header", () => {
    const body = "On your remote host you can run:\n\n    telnet 127.0.0.1 52698\n\nOn the other hand, I wrote:\nnothing else.";
    expect(messagesOf(body)).toEqual([["Nate Brennan", body]]);
  });

  // Its time is measured by `npm run bench parse` (worst-case inputs).
  it("keeps the top message of a deeply nested quote", () => {
    const deep = `Top\n${">".repeat(200_000)} deep\n${"> level one\n".repeat(20_000)}`;
    const thread = split(deep);
    expect(thread[0]!.text).toBe("Top");
  });
});
