import { createHash } from "node:crypto";

// PDF 1.4 "Standard" security handler, revision 2 (40-bit RC4): old, weak, and read by every
// PDF reader, which is all a test of password-protected input needs.
const PASSWORD_PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e,
  0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);
const PERMISSIONS = -4;

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[n] = (data[n] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 0xff] as number);
  }
  return out;
}

function md5(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash("md5");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

function padPassword(password: string): Uint8Array {
  const bytes = Buffer.from(password, "latin1").subarray(0, 32);
  const padded = new Uint8Array(32);
  padded.set(bytes);
  padded.set(PASSWORD_PAD.subarray(0, 32 - bytes.length), bytes.length);
  return padded;
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

export type PdfSecurity = {
  /** The /Encrypt dictionary, written unencrypted as its own object. */
  encryptDictionary: string;
  /** The trailer's /ID entry. */
  idEntry: string;
  /** Encrypts a string or stream belonging to object `objectId` (generation 0). */
  encrypt: (objectId: number, data: Uint8Array) => Uint8Array;
};

/** Security for a PDF that opens only with `userPassword`. */
export function createPdfSecurity(userPassword: string, ownerPassword = `${userPassword}-owner`): PdfSecurity {
  const fileId = md5(Buffer.from(`baton-test-${userPassword}`, "latin1"));
  const ownerEntry = rc4(md5(padPassword(ownerPassword)).subarray(0, 5), padPassword(userPassword));
  const permissions = new Uint8Array(4);
  new DataView(permissions.buffer).setInt32(0, PERMISSIONS, true);
  const fileKey = md5(padPassword(userPassword), ownerEntry, permissions, fileId).subarray(0, 5);
  const userEntry = rc4(fileKey, PASSWORD_PAD);
  return {
    encryptDictionary: `<< /Filter /Standard /V 1 /R 2 /O <${toHex(ownerEntry)}> /U <${toHex(userEntry)}> /P ${PERMISSIONS} >>`,
    idEntry: `/ID [<${toHex(fileId)}> <${toHex(fileId)}>]`,
    encrypt: (objectId, data) => {
      const salt = Uint8Array.from([objectId & 0xff, (objectId >> 8) & 0xff, (objectId >> 16) & 0xff, 0, 0]);
      return rc4(md5(fileKey, salt).subarray(0, 10), data);
    },
  };
}
