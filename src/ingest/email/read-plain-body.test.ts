import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import PostalMime, { type Email } from "postal-mime";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR } from "../../../test/support/corpus-dir.ts";
import { describeWithCorpus } from "../../../test/support/describe-with-corpus.ts";
import { testContext } from "../../../test/support/email-input.ts";
import { neutralizeFlowed } from "./neutralize-flowed.ts";
import { readPlainBody } from "./read-plain-body.ts";
import { splitMbox } from "./split-mbox.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** What readMimeMessage takes from postal-mime's headers, which must not change when it sees the headers alone. */
function headerView(email: Email) {
  const { from, to, cc, subject, date, messageId, headers } = email;
  return { from, to, cc, subject, date, messageId, headers };
}

/** The fast path either declines or gives exactly postal-mime's text and headers for the message. */
async function expectSameAsPostalMime(bytes: Uint8Array): Promise<boolean> {
  const plain = readPlainBody(bytes);
  if (plain === null) return false;
  const full = await PostalMime.parse(bytes);
  expect(plain.text).toBe(full.text);
  expect(full.html).toBeUndefined();
  expect(full.attachments).toEqual([]);
  expect(headerView(await PostalMime.parse(plain.header))).toEqual(headerView(full));
  return true;
}

function listMessages(dir: string): Uint8Array[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listMessages(path);
    const bytes = new Uint8Array(readFileSync(path));
    if (name.endsWith(".mbox")) return splitMbox(bytes, testContext()).map((message) => neutralizeFlowed(message));
    return name.endsWith(".eml") ? [neutralizeFlowed(bytes)] : [];
  });
}

describe("readPlainBody", () => {
  it("decodes what postal-mime decodes for every plain message of the fixtures", async () => {
    let taken = 0;
    for (const message of listMessages(join(import.meta.dirname, "../../../fixtures")))
      if (await expectSameAsPostalMime(message)) taken += 1;
    expect(taken).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["7bit with CRLF", "From: a@x.example\r\nSubject: Hi\r\n\r\nLine one\r\nLine two\r\n", "Line one\nLine two\n"],
    ["no newline at the end", "From: a@x.example\n\nLast line", "Last line\n"],
    ["carriage returns", "From: a@x.example\n\nOne\r\r\nTw\ro\r", "One\nTw\ro\n"],
    [
      "quoted-printable",
      "Content-Transfer-Encoding: quoted-printable\nContent-Type: text/plain; charset=utf-8\n\nCaf=C3=A9 =3D soft=\n break =ZZ =4\n",
      "Café = soft break =ZZ =4\n",
    ],
    ["Latin-1", 'Content-Type: text/plain; charset="ISO-8859-1"\nContent-Transfer-Encoding: 8bit\n\nR\xe9sum\xe9\n', "Résumé\n"],
    ["folded content type", "Content-Type: text/plain;\n charset=windows-1252\n\nDon\x92t\n", "Don’t\n"],
  ])("reads %s", async (_name, raw, text) => {
    const bytes = Uint8Array.from(raw, (character) => character.charCodeAt(0));
    expect(readPlainBody(bytes)?.text).toBe(text);
    expect(await expectSameAsPostalMime(bytes)).toBe(true);
  });

  it.each([
    ["multipart", "Content-Type: multipart/alternative; boundary=b\n\n--b\n\nx\n--b--\n"],
    ["HTML", "Content-Type: text/html\n\n<p>x</p>\n"],
    ["base64", "Content-Transfer-Encoding: base64\n\naGVsbG8=\n"],
    ["an attachment", "Content-Disposition: attachment; filename=a.txt\n\nx\n"],
    ["an unknown charset", "Content-Type: text/plain; charset=iso-8859-12\n\nx\n"],
    ["a charset given twice", "Content-Type: text/plain; charset=utf-8; charset=latin1\n\nx\n"],
    ["a repeated content type", "Content-Type: text/plain\nContent-Type: text/html\n\nx\n"],
    ["a parameter it does not read", "Content-Type: text/plain; name=a.txt\n\nx\n"],
    ["flowed text", "Content-Type: text/plain; format=flowed\n\nx\n"],
    ["no body", "From: a@x.example\nSubject: Hi\n"],
    ["an empty body", "From: a@x.example\n\n \n"],
  ])("leaves %s to postal-mime", (_name, raw) => {
    expect(readPlainBody(encode(raw))).toBeNull();
  });

  // Its time is measured by `npm run bench parse` (worst-case inputs).
  it("reads hostile headers as postal-mime does", async () => {
    for (const raw of [
      `Content-Type: text/plain;${" ".repeat(60_000)}x\n\nbody\n`,
      `Subject: ${"\r".repeat(60_000)}x\n\nbody\n`,
      `X: y\n${" z\n".repeat(20_000)}\nbody\n`,
    ]) {
      await expectSameAsPostalMime(encode(raw));
    }
  });

  // Pieces of the header and body syntax the fast path has to read exactly as postal-mime does.
  const HEADERS = [
    "From: Ann <a@x.example>",
    "Subject: =?utf-8?Q?Caf=C3=A9?=",
    "Content-Type: text/plain",
    "Content-Type: text/plain; charset=utf-8",
    'Content-Type: TEXT/PLAIN; Charset="iso-8859-1"',
    "Content-Type: text/plain;\n\tcharset=windows-1252",
    "Content-Type: text/plain; charset=us-ascii; format=xlowed",
    "Content-Type: text/html",
    "Content-Transfer-Encoding: quoted-printable",
    "Content-Transfer-Encoding: 7bit",
    "Content-Transfer-Encoding: 8BIT",
    "Content-Transfer-Encoding: base64",
    "Content-Disposition: inline",
    " folded",
    "X-Note: \u00e9t\u00e9",
  ];
  const BODY = [
    "=",
    "=3D",
    "=c3=a9",
    "=ZZ",
    "=4",
    "\r",
    "\r\n",
    "\r\r\n",
    "=\r\r\n",
    "\n",
    " ",
    "\t",
    "é",
    "\xff",
    "text",
    "=\r\n",
    "=\n",
    "--b",
  ];

  it("matches postal-mime on generated messages", async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...HEADERS), { maxLength: 6 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.oneof(fc.constantFrom(...BODY), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 40 }),
        async (headers, newline, body) => {
          const raw = `${headers.join(newline)}${newline}${newline}${body.join("")}`;
          // Latin-1 code points as bytes, so bodies carry raw 8-bit bytes as well as UTF-8.
          const bytes = Uint8Array.from(raw, (character) => character.charCodeAt(0) & 0xff);
          if (await expectSameAsPostalMime(bytes)) taken += 1;
        },
      ),
      { numRuns: 400 },
    );
    // Most generated messages must take the fast path, or the property says little.
    expect(taken).toBeGreaterThan(100);
  });
});

describeWithCorpus("readPlainBody on the shared corpus", () => {
  it("decodes what postal-mime decodes for every plain message of the corpus", async () => {
    let taken = 0;
    for (const message of listMessages(join(CORPUS_DIR, "email"))) if (await expectSameAsPostalMime(message)) taken += 1;
    expect(taken).toBeGreaterThan(0);
  });
}, ["email"]);
