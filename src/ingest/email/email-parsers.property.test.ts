import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailInput, testContext } from "../../../test/support/email-input.ts";
import { isAppError } from "../../errors.ts";
import type { ParseInput } from "../parse-context.ts";
import { parseEmailBody } from "./parse-email-body.ts";
import { parseEml } from "./parse-eml.ts";
import { parseHtmlDocument } from "./parse-html-document.ts";
import { parseMbox } from "./parse-mbox.ts";

// Pieces of email syntax, so random inputs reach the quote, header and MIME code paths.
const PIECES = [
  "From: Ann <a@x.example>\n",
  "Content-Type: multipart/mixed; boundary=b\n",
  "--b\n",
  "--b--\n",
  "\n",
  "> ",
  ">> ",
  "On Mon, Feb 2, 2026 at 7:55 AM Bob <b@x.example> wrote:\n",
  "-----Original Message-----\n",
  "Sent: Monday\n",
  "Subject: x\n",
  "-- \n",
  "Thanks,\nAnn\n",
  "Content-Transfer-Encoding: base64\n",
  "Content-Type: message/rfc822\n",
  "From a@x Mon Feb  2 07:55:00 2026\n",
  "<blockquote>",
  "</blockquote>",
  "<div class=gmail_quote>",
  "=?utf-8?B?w6k=?=",
  "format=flowed",
  "text ",
];
const emailLike = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 60 })
  .map((parts) => parts.join(""));

async function expectOnlyAppErrors(parse: (input: ParseInput) => unknown, text: string): Promise<void> {
  try {
    await parse(emailInput(text));
  } catch (error) {
    expect(isAppError(error), String(error)).toBe(true);
    expect((error as Error).message).not.toMatch(/\n/);
  }
}

describe("email parsers on arbitrary input", () => {
  const parsers: [string, (input: ParseInput) => unknown][] = [
    ["eml", (input) => parseEml(input, testContext())],
    ["mbox", (input) => parseMbox(input, testContext())],
    ["email-body", (input) => parseEmailBody(input, testContext())],
    ["html", (input) => parseHtmlDocument(input, testContext())],
  ];
  it.each(parsers)("%s throws nothing but AppError (`npm run bench parse` times the slowest)", async (_name, parse) => {
    await fc.assert(
      fc.asyncProperty(emailLike, (text) => expectOnlyAppErrors(parse, text)),
      { numRuns: 150 },
    );
  });
});
