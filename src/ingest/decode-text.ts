import { AppError } from "../errors.ts";

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const codePoints: string[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff) throw new AppError({ code: "INVALID_INPUT", message: "invalid UTF-32 text" });
    codePoints.push(String.fromCodePoint(cp));
  }
  return codePoints.join("");
}

/** Guesses UTF-16 without a BOM from the share of NUL bytes at even or odd positions. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return "utf-16be";
  return null;
}

type DecodedText = { text: string; encoding: string };

/**
 * Decodes a text file: BOM-marked UTF-8/16/32, BOM-less UTF-16, UTF-8, else windows-1252.
 * Line endings become "\n". Binary content is rejected.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: string;
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) {
    text = decodeUtf32(b.subarray(4), true);
    encoding = "utf-32le";
  } else if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) {
    text = decodeUtf32(b.subarray(4), false);
    encoding = "utf-32be";
  } else if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    text = new TextDecoder("utf-8").decode(b.subarray(3));
    encoding = "utf-8";
  } else if (b[0] === 0xff && b[1] === 0xfe) {
    text = new TextDecoder("utf-16le").decode(b.subarray(2));
    encoding = "utf-16le";
  } else if (b[0] === 0xfe && b[1] === 0xff) {
    text = new TextDecoder("utf-16be").decode(b.subarray(2));
    encoding = "utf-16be";
  } else {
    const utf16 = guessUtf16(b);
    if (utf16 !== null) {
      text = new TextDecoder(utf16).decode(b);
      encoding = utf16;
    } else {
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(b);
        encoding = "utf-8";
      } catch {
        text = new TextDecoder("windows-1252").decode(b);
        encoding = "windows-1252";
      }
    }
  }
  if (text.includes("\u0000")) {
    throw new AppError({ code: "UNSUPPORTED_FORMAT", message: "binary content, not text" });
  }
  return { text: text.replace(/\r\n?/g, "\n").replace(/^\ufeff/, ""), encoding };
}
