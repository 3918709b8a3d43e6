import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors.ts";

/** How far a signed timestamp may be from the server's clock, either way: older requests are replays. */
export const CRM_SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export const HUBSPOT_SIGNATURE_HEADER = "x-hubspot-signature-v3";
export const HUBSPOT_TIMESTAMP_HEADER = "x-hubspot-request-timestamp";
export const BATON_SIGNATURE_HEADER = "x-baton-signature";

/** What the signature covers: the request as the CRM sent it, body as raw bytes. */
export type SignedRequest = { method: string; url: string; body: Uint8Array; header: (name: string) => string | undefined };

/** A signature that verified: which scheme, the signature itself (the replay store's key) and when it was made. */
export type VerifiedSignature = { scheme: "hubspot-v3" | "baton-v1"; signature: string; signedAtMs: number };

// HubSpot signs the URI with these characters decoded (its v3 validation guide lists them).
const HUBSPOT_DECODED: Record<string, string> = {
  "%3A": ":",
  "%2F": "/",
  "%3F": "?",
  "%40": "@",
  "%21": "!",
  "%24": "$",
  "%27": "'",
  "%28": "(",
  "%29": ")",
  "%2A": "*",
  "%2C": ",",
  "%3B": ";",
};

/**
 * Checks a CRM webhook's HMAC-SHA256 signature with the shared secret: HubSpot's v3 scheme (base64 of
 * method + URI + body + timestamp in ms) or Baton's own `X-Baton-Signature: t=<unix seconds>,v1=<hex of "t.body">`.
 * Compares in constant time and refuses a timestamp outside CRM_SIGNATURE_WINDOW_MS; throws UNAUTHENTICATED with the reason.
 */
export function verifyCrmSignature(request: SignedRequest, secret: string, now: Date): VerifiedSignature {
  const hubspot = request.header(HUBSPOT_SIGNATURE_HEADER);
  if (hubspot !== undefined) return verifyHubspot(request, hubspot, secret, now);
  const baton = request.header(BATON_SIGNATURE_HEADER);
  if (baton !== undefined) return verifyBaton(request, baton, secret, now);
  throw refuse(`missing signature: send ${HUBSPOT_SIGNATURE_HEADER} (HubSpot v3) or ${BATON_SIGNATURE_HEADER}`);
}

function verifyHubspot(request: SignedRequest, signature: string, secret: string, now: Date): VerifiedSignature {
  const timestamp = request.header(HUBSPOT_TIMESTAMP_HEADER) ?? "";
  if (!/^\d{1,16}$/.test(timestamp)) throw refuse(`${HUBSPOT_TIMESTAMP_HEADER} must be a Unix time in milliseconds`);
  const signedAtMs = Number(timestamp);
  checkWindow(signedAtMs, now);
  const uri = request.url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (code) => HUBSPOT_DECODED[code.toUpperCase()] ?? code);
  const expected = createHmac("sha256", secret)
    .update(`${request.method.toUpperCase()}${uri}`)
    .update(request.body)
    .update(timestamp)
    .digest();
  if (!sameBytes(Buffer.from(signature, "base64"), expected)) throw refuse("signature does not match");
  return { scheme: "hubspot-v3", signature, signedAtMs };
}

function verifyBaton(request: SignedRequest, header: string, secret: string, now: Date): VerifiedSignature {
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = parts.find(([key]) => key === "t")?.[1] ?? "";
  const candidates = parts.filter(([key, value]) => key === "v1" && value !== undefined).map(([, value]) => value!);
  if (!/^\d{1,13}$/.test(timestamp) || candidates.length === 0) {
    throw refuse(`${BATON_SIGNATURE_HEADER} must read t=<unix seconds>,v1=<hex hmac-sha256>`);
  }
  const signedAtMs = Number(timestamp) * 1000;
  checkWindow(signedAtMs, now);
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(request.body).digest();
  // Several v1 values let a sender sign with an old and a new secret while the secret is rotated.
  const match = candidates.find((candidate) => /^[0-9a-f]{64}$/i.test(candidate) && sameBytes(Buffer.from(candidate, "hex"), expected));
  if (match === undefined) throw refuse("signature does not match");
  return { scheme: "baton-v1", signature: match.toLowerCase(), signedAtMs };
}

/** Baton's signature header for a body, as a sender computes it (used by tests and documented in the README). */
export function signBatonRequest(body: string | Uint8Array, secret: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  const signature = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

function checkWindow(signedAtMs: number, now: Date): void {
  if (Math.abs(now.getTime() - signedAtMs) > CRM_SIGNATURE_WINDOW_MS) {
    throw refuse("timestamp is more than 5 minutes from the server's clock: a replay, or a clock out of sync");
  }
}

// timingSafeEqual needs equal lengths; the length of an HMAC is no secret.
function sameBytes(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(message: string): AppError {
  return new AppError({ code: "UNAUTHENTICATED", message: `CRM webhook: ${message}` });
}
