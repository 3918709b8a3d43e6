import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { signBatonRequest, verifyCrmSignature } from "./verify-crm-signature.ts";

const SECRET = "a-shared-secret-of-some-length";
const NOW = new Date("2026-12-01T09:00:00.000Z");
const body = new TextEncoder().encode('[{"eventId":1}]');

const request = (url: string, headers: Record<string, string>) => ({
  method: "post",
  url,
  body,
  header: (name: string) => headers[name.toLowerCase()],
});

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return "accepted";
}

describe("verifyCrmSignature", () => {
  it("checks HubSpot's v3 signature over the URI with the characters HubSpot decodes, decoded", () => {
    const url = "https://baton.example/v1/webhooks/crm?portal=hub%3Aspot%2Fone";
    const timestamp = String(NOW.getTime());
    const signed = `POSThttps://baton.example/v1/webhooks/crm?portal=hub:spot/one${new TextDecoder().decode(body)}${timestamp}`;
    const signature = createHmac("sha256", SECRET).update(signed).digest("base64");
    const headers = { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": timestamp };
    expect(verifyCrmSignature(request(url, headers), SECRET, NOW)).toMatchObject({ scheme: "hubspot-v3", signedAtMs: NOW.getTime() });
    expect(reason(() => verifyCrmSignature(request(url.replace("one", "two"), headers), SECRET, NOW))).toBe(
      "UNAUTHENTICATED: CRM webhook: signature does not match",
    );
  });

  it("takes any of several v1 signatures, so a secret can be rotated, and refuses malformed headers", () => {
    const good = signBatonRequest(body, SECRET, NOW);
    const rotated = `${good.split(",")[0]},v1=${"0".repeat(64)},${good.split(",")[1]}`;
    expect(verifyCrmSignature(request("http://x/", { "x-baton-signature": rotated }), SECRET, NOW).scheme).toBe("baton-v1");
    expect(reason(() => verifyCrmSignature(request("http://x/", { "x-baton-signature": "v1=abc" }), SECRET, NOW))).toMatch(
      /must read t=<unix seconds>,v1=/,
    );
    expect(reason(() => verifyCrmSignature(request("http://x/", { "x-baton-signature": good }), "another-secret-entirely", NOW))).toMatch(
      /does not match/,
    );
  });

  it("accepts a timestamp up to 5 minutes either side and refuses one beyond", () => {
    const at = (offsetMs: number) => signBatonRequest(body, SECRET, new Date(NOW.getTime() + offsetMs));
    expect(reason(() => verifyCrmSignature(request("http://x/", { "x-baton-signature": at(-299_000) }), SECRET, NOW))).toBe("accepted");
    expect(reason(() => verifyCrmSignature(request("http://x/", { "x-baton-signature": at(299_000) }), SECRET, NOW))).toBe("accepted");
    expect(reason(() => verifyCrmSignature(request("http://x/", { "x-baton-signature": at(-301_000) }), SECRET, NOW))).toMatch(/5 minutes/);
  });
});
