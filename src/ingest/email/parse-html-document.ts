import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { htmlBodyToText } from "./html-body-to-text.ts";
import { parseThreadText } from "./parse-thread-text.ts";

const META_CHARSET = /<meta[^>]{0,300}?charset\s*=\s*["']?([\w.:-]{1,40})/i;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The HTML's text: as decoded when it is valid UTF-8, else in the charset its <meta> declares
 * (an email body saved to a file keeps its original charset); ISO-2022 text is 7-bit and always
 * valid UTF-8, so its escape sequences decide.
 */
function decodeHtml(input: ParseInput): string {
  const declared = META_CHARSET.exec(input.text.slice(0, 4096))?.[1]?.toLowerCase();
  if (declared === undefined || declared === "utf-8" || declared === "utf8") return input.text;
  const escaped = declared.startsWith("iso-2022") && input.bytes.includes(0x1b);
  if (!escaped && isUtf8(input.bytes)) return input.text;
  try {
    return new TextDecoder(declared).decode(input.bytes).replace(/\r\n?/g, "\n");
  } catch {
    return input.text;
  }
}

/** Parses an HTML email body saved as a file: converted to text, then split like a plain body. */
export async function parseHtmlDocument(input: ParseInput, context: ParseContext): Promise<ParsedBody> {
  return parseThreadText(await htmlBodyToText(decodeHtml(input)), "html", context);
}
