import { createHash, randomBytes } from "node:crypto";

/** A new bearer token; shown once, only its hash is stored. */
export function generateToken(): string {
  return `baton_${randomBytes(32).toString("base64url")}`;
}

/** Tokens are long and random, so a plain SHA-256 is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
