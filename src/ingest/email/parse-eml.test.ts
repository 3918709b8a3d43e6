import { describe, expect, it } from "vitest";
import { countOf, emailInput, fixtureInput, testContext } from "../../../test/support/email-input.ts";
import { parseEml } from "./parse-eml.ts";

function invariantHolds(body: { text: string; segments: { text: string; charStart: number; charEnd: number }[] }) {
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
}

describe("parseEml", () => {
  it("splits a multipart/alternative reply into one segment per message of its quoted chain", async () => {
    const body = await parseEml(fixtureInput("multipart-alternative-reply.eml"), testContext());
    invariantHolds(body);
    expect(body.format).toBe("eml");
    expect(body.title).toBe("Re: Pinecrest / Harbor Analytics - DPA and SSO");
    expect(body.occurredAt).toBe("2026-02-11T16:30:00.000Z");
    // Oldest first: Marcus's request, Priya's answer, then this reply (from text/plain, not HTML).
    expect(body.segments.map((s) => s.speaker)).toEqual(["Marcus Feld", "Priya Raman", "Marcus Feld"]);
    expect(body.segments[0]!.occurredAt).toBe("2026-02-09T17:12:00.000Z");
    expect(body.segments[1]!.occurredAt).toBe("2026-02-11T00:05:00.000Z");
    expect(body.segments[2]!.text).toMatch(/^Hi Priya,[\s\S]*included in the Growth tier\?$/);
    expect(body.segments[1]!.text).toContain("$42 per seat per month");
    for (const quoted of ["wrote:", "> ", "Best,", "+1 (503) 555-0134", "Priya\n\n"]) expect(body.text).not.toContain(quoted);
    expect(countOf(body.text, "EU data residency")).toBe(2); // asked for once, answered once: not repeated
  });

  it("lists From, To and Cc as participants, with the title a signature gives", async () => {
    const body = await parseEml(fixtureInput("multipart-alternative-reply.eml"), testContext());
    expect(body.participants).toEqual([
      {
        name: "Marcus Feld",
        email: "marcus.feld@pinecrest.example",
        title: "VP of Operations",
        company: "Pinecrest Foods",
      },
      { name: "Priya Raman", email: "priya.raman@harbor-analytics.example" },
      { name: "Lee, Jordan", email: "jordan.lee@pinecrest.example" },
      { name: "Procurement", email: "procurement@pinecrest.example", labels: ["procurement@pinecrest.example"] },
    ]);
  });

  it("decodes an ISO-8859-1 body and RFC 2047 headers", async () => {
    const body = await parseEml(fixtureInput("iso-8859-1.eml"), testContext());
    expect(body.title).toBe("Réunion de suivi à Zürich");
    expect(body.segments[0]!.speaker).toBe("Hélène Duböck");
    expect(body.text).toContain("Notre équipe à Zürich a validé le périmètre");
    expect(body.text).not.toContain("\ufffd");
    expect(body.text).not.toContain("Cordialement");
  });

  it.each([
    ["koi8-r", new Uint8Array([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), "Привет"],
    ["windows-1252", new Uint8Array([0x93, 0x4f, 0x4b, 0x94, 0x20, 0x80, 0x35]), "“OK” €5"],
    ["iso-8859-2", new Uint8Array([0x50, 0xf8, 0xed, 0x6c, 0x69, 0xb9]), "Příliš"],
    ["utf-16le", new Uint8Array([0x48, 0, 0x69, 0, 0x20, 0, 0x3a, 0x04]), "Hi к"],
  ])("decodes a %s body", async (charset, encoded, expected) => {
    const head = new TextEncoder().encode(
      `From: a@x.example\nContent-Type: text/plain; charset=${charset}\nContent-Transfer-Encoding: base64\n\n`,
    );
    const base64 = new TextEncoder().encode(`${Buffer.from(encoded).toString("base64")}\n`);
    const body = await parseEml(emailInput(new Uint8Array([...head, ...base64])), testContext());
    expect(body.text).toBe(expected);
  });

  it("reads an HTML-only body: quote dropped from the reply, links as text, images dropped, tables as rows", async () => {
    const body = await parseEml(fixtureInput("html-only-gmail-quote.eml"), testContext());
    invariantHolds(body);
    expect(body.segments.map((s) => s.speaker)).toEqual(["Priya Raman", "Lee, Jordan"]);
    const reply = body.segments[1]!.text;
    expect(reply).toContain("the vendor policy [https://pinecrest.example/security/vendor-policy] requires");
    expect(reply).toMatch(/Security review +Feb 13/);
    expect(reply).not.toContain("logo");
    expect(reply).not.toContain("security questionnaire clear");
    expect(countOf(body.text, "security questionnaire clear")).toBe(1);
  });

  it("omits an unparseable Date instead of failing", async () => {
    const body = await parseEml(emailInput("From: a@x.example\nDate: someday soon\nSubject: Hi\n\nHello there\n"), testContext());
    expect(body.occurredAt).toBeUndefined();
    expect(body.segments[0]!.speaker).toBe("a@x.example");
    expect(body.participants[0]).toEqual({ name: "A", email: "a@x.example", labels: ["a@x.example"] });
  });

  it("rejects encrypted mail and mail without body text in one line", async () => {
    const smime = "From: a@x.example\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n";
    await expect(parseEml(emailInput(smime), testContext())).rejects.toThrow(/encrypted \(S\/MIME or PGP\)/);
    const pgp = "From: a@x.example\nSubject: x\n\n-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n";
    await expect(parseEml(emailInput(pgp), testContext())).rejects.toThrow(/encrypted/);
    await expect(parseEml(emailInput("From: a@x.example\nSubject: x\n\n\n"), testContext())).rejects.toThrow(/no body text/);
  });

  it("rejects MIME nesting and breadth past the limits, naming the limit", async () => {
    let nested = "Hello";
    for (let depth = 4; depth >= 1; depth--) {
      nested = `Content-Type: multipart/mixed; boundary="b${depth}"\n\n--b${depth}\n${nested.startsWith("Content-Type") ? nested : `Content-Type: text/plain\n\n${nested}`}\n--b${depth}--\n`;
    }
    const deep = `From: a@x.example\n${nested}`;
    await expect(parseEml(emailInput(deep), testContext({ mimeMaxDepth: 3 }))).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: expect.stringContaining("mimeMaxDepth"),
    });
    expect((await parseEml(emailInput(deep), testContext({ mimeMaxDepth: 4 }))).text).toBe("Hello");
    const parts = Array.from({ length: 6 }, (_, i) => `--p\nContent-Type: text/plain\n\npart ${i}\n`).join("");
    const wide = `From: a@x.example\nContent-Type: multipart/mixed; boundary="p"\n\n${parts}--p--\n`;
    await expect(parseEml(emailInput(wide), testContext({ mimeMaxParts: 5 }))).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: expect.stringContaining("mimeMaxParts"),
    });
  });

  it("refuses a message with more lines than the parse budget allows before parsing it", async () => {
    const eml = `From: a@x.example\n\nhello${"\n".repeat(100_001)}`;
    await expect(parseEml(emailInput(eml), testContext({ parseTimeoutMs: 1000 }))).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: expect.stringContaining("BATON_PARSE_TIMEOUT_MS"),
    });
    expect((await parseEml(emailInput(eml), testContext({ parseTimeoutMs: 20_000 }))).text).toBe("hello");
  });

  it("reads a forward attached as message/rfc822 as the forwarded sender's message", async () => {
    const eml = [
      "From: Ana <ana@x.example>",
      'Content-Type: multipart/mixed; boundary="m"',
      "",
      "--m",
      "Content-Type: text/plain",
      "",
      "FYI, see the customer's note below.",
      "--m",
      "Content-Type: message/rfc822",
      "",
      "From: Carl Buyer <carl@customer.example>",
      "Date: Mon, 2 Feb 2026 10:00:00 +0000",
      "Subject: Budget",
      "",
      "Our budget for the renewal is capped at 80k.",
      "--m--",
      "",
    ].join("\n");
    const body = await parseEml(emailInput(eml), testContext());
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Carl Buyer", "Our budget for the renewal is capped at 80k."],
      ["Ana", "FYI, see the customer's note below."],
    ]);
  });
});
