const FLOWED = new TextEncoder().encode("flowed");
const FORMAT = "format=";

function isFormatParameter(bytes: Uint8Array, at: number): boolean {
  let i = at - 1;
  if (bytes[i] === 0x22) i--;
  for (let k = FORMAT.length - 1; k >= 0; k--, i--) {
    const byte = bytes[i];
    if (byte === undefined || (byte | 0x20) !== FORMAT.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Turns `format=flowed` parameters into an unknown format, so text parts keep their lines.
 * postal-mime's flowed decoding joins a quoted line ending in a space with the unquoted reply
 * below it ("> Hi " + "Hello"), which would hide the reply inside the quote. Returns the input
 * itself when there is nothing to change, else a copy.
 */
export function neutralizeFlowed(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let copy: Uint8Array | null = null;
  let at = buffer.indexOf(FLOWED);
  while (at >= 0) {
    if (isFormatParameter(bytes, at)) {
      copy ??= new Uint8Array(bytes);
      copy[at] = 0x78; // "xlowed": same length, not a format postal-mime knows
    }
    at = buffer.indexOf(FLOWED, at + FLOWED.length);
  }
  return copy ?? bytes;
}
