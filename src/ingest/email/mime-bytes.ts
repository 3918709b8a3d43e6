import type { ParseInput } from "../parse-context.ts";

/**
 * The bytes to give the MIME parser: the file's own bytes (each part declares its charset),
 * except for a file saved whole as UTF-16/32, which is re-encoded from its decoded text.
 */
export function mimeBytesOf(input: ParseInput): Uint8Array {
  const { bytes } = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  if (bytes.subarray(0, 64).includes(0)) return new TextEncoder().encode(input.text);
  return bytes;
}
