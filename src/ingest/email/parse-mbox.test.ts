import { describe, expect, it } from "vitest";
import { countOf, emailInput, fixtureInput, testContext } from "../../../test/support/email-input.ts";
import { parseMbox } from "./parse-mbox.ts";

describe("parseMbox", () => {
  it("writes a three-message thread once: each message's new text, quoted copies left out", async () => {
    const body = await parseMbox(fixtureInput("thread.mbox"), testContext());
    expect(body.format).toBe("mbox");
    expect(body.segments.map((s) => [s.speaker, s.occurredAt])).toEqual([
      ["Priya Raman", "2026-02-09T17:00:00.000Z"],
      ["Marcus Feld", "2026-02-09T19:30:00.000Z"],
      ["Priya Raman", "2026-02-09T22:05:00.000Z"],
    ]);
    for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
    expect(countOf(body.text, "three distribution centers")).toBe(1);
    expect(countOf(body.text, "warehouse system freeze")).toBe(1);
    expect(body.text).not.toContain("Sent from my iPhone");
    expect(body.text).not.toContain("wrote:");
    // ">From our side" was escaped by the mbox writer; the reader restores the line.
    expect(body.segments[0]!.text).toContain("\nFrom our side, Sam Okafor will lead the rollout.");
    expect(body.occurredAt).toBe("2026-02-09T17:00:00.000Z");
    expect(body.title).toBe("Pilot scope");
    expect(body.participants.map((p) => p.name)).toEqual(["Priya Raman", "Marcus Feld"]);
  });

  it("keeps quoted history of a message that is not in the mailbox", async () => {
    const mbox = [
      "From ana@x.example Tue Feb 10 10:00:00 2026",
      "From: Ana <ana@x.example>",
      "Date: Tue, 10 Feb 2026 10:00:00 +0000",
      "",
      "Agreed, Net 45 it is.",
      "",
      "On Mon, Feb 9, 2026 at 9:00 AM Carl Buyer <carl@customer.example> wrote:",
      "> We can only sign with Net 45 payment terms.",
      "",
    ].join("\n");
    const body = await parseMbox(emailInput(mbox, "x.mbox"), testContext());
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Carl Buyer", "We can only sign with Net 45 payment terms."],
      ["Ana", "Agreed, Net 45 it is."],
    ]);
  });

  it("splits only at real separator lines and skips unreadable messages", async () => {
    const mbox = [
      "From a@x.example Mon Feb  9 09:00:00 2026",
      "From: a@x.example",
      "",
      "From 9:00 to 10:00 we review the contract.",
      "",
      "From b@x.example Mon Feb  9 10:00:00 2026",
      "From: b@x.example",
      "Content-Type: application/pkcs7-mime; smime-type=enveloped-data",
      "",
      "MIAGCSqGSIb3DQEHA6CAMIACAQAx",
      "",
    ].join("\n");
    const body = await parseMbox(emailInput(mbox, "x.mbox"), testContext());
    expect(body.segments.map((s) => s.text)).toEqual(["From 9:00 to 10:00 we review the contract."]);
  });

  it("rejects a mailbox with no readable message in one line", async () => {
    const mbox = "From b@x.example Mon Feb  9 10:00:00 2026\nFrom: b@x.example\nSubject: x\n\n\n";
    await expect(parseMbox(emailInput(mbox, "x.mbox"), testContext())).rejects.toThrow(/no readable message in this mbox \(1 skipped/);
  });
});
