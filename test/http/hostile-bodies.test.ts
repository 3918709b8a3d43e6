// Hostile request bodies, generated here (nothing large is committed): refused with the limit named, and the server
// keeps answering meanwhile. Order of answers is asserted, never time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_JSON_BODY_DEPTH, MAX_JSON_BODY_ENTRIES } from "../../src/http/check-json-body.ts";
import { MAX_HTML_NESTING } from "../../src/ingest/email/check-html-nesting.ts";
import { createDeal } from "../support/seed-review-deal.ts";
import { type ServedApp, serveTestApp } from "../support/serve-test-app.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

type ErrorBody = { error: { code: string; message: string } };

let t: TestApp;
let served: ServedApp;
let ae: TestUser;
beforeEach(async () => {
  t = createTestApp();
  ae = t.addUser("ae");
  served = await serveTestApp(t);
});
afterEach(async () => {
  await served.stop();
  t.close();
});

/**
 * A request whose body is sent in two parts: the second only once `release` is called, so the test decides what
 * happens while the server is still receiving it.
 */
function gatedUpload(path: string, first: Uint8Array, rest: Uint8Array, headers: Record<string, string>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (let at = 0; at < first.length; at += 1 << 20) controller.enqueue(first.subarray(at, at + (1 << 20)));
      await released;
      controller.enqueue(rest);
      controller.close();
    },
  });
  const answer = fetch(served.url(path), {
    method: "POST",
    headers: { authorization: `Bearer ${ae.token}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { answer, release };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("JSON request bodies", () => {
  it("refuses a 24 MB deeply nested body naming the depth limit; a health check sent meanwhile is answered first", async () => {
    const dealId = await createDeal(t, ae);
    const half = 12 * 1024 * 1024;
    const upload = gatedUpload(`/v1/deals/${dealId}/sources`, bytes("[".repeat(half)), bytes("]".repeat(half)), {
      "content-type": "application/json",
    });
    const order: string[] = [];
    const uploaded = upload.answer.then((res) => {
      order.push("upload");
      return res;
    });
    const health = await served.fetch("/healthz");
    order.push("healthz");
    expect(health.status).toBe(200);
    upload.release();
    const res = await uploaded;
    expect(order).toEqual(["healthz", "upload"]);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error).toEqual(
      expect.objectContaining({
        code: "LIMIT_EXCEEDED",
        message: `body: JSON nested deeper than ${MAX_JSON_BODY_DEPTH} levels (limit: JSON body depth ${MAX_JSON_BODY_DEPTH})`,
      }),
    );
  });

  it("refuses a body with too many keys or array items naming that limit; brackets and colons in strings are not structure", async () => {
    const dealId = await createDeal(t, ae);
    const keys = Object.fromEntries(Array.from({ length: MAX_JSON_BODY_ENTRIES + 1 }, (_, i) => [`k${i}`, 0]));
    const res = await served.fetch(`/v1/deals/${dealId}/verify`, { method: "POST", token: ae.token, json: keys });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.message).toBe(
      `body: JSON with more than ${MAX_JSON_BODY_ENTRIES} keys and array items (limit: JSON body entries ${MAX_JSON_BODY_ENTRIES})`,
    );
    const items = await served.fetch(`/v1/batches/extractions`, {
      method: "POST",
      token: ae.token,
      json: { dealIds: Array(20_000).fill(0) },
    });
    expect(((await items.json()) as ErrorBody).error.message).toMatch(/^body: JSON with more than 10000 keys and array items/);

    // Brackets and colons inside strings are text, not structure.
    const nested = (levels: number): unknown => (levels === 0 ? "[[[{:,:,}]]]".repeat(2000) : { a: nested(levels - 1) });
    const fine = await served.fetch(`/v1/deals/${dealId}`, {
      method: "PATCH",
      token: ae.token,
      json: { account: "Kestrel", x: nested(20) },
    });
    // Parsed and validated as usual: the unknown field is the route's refusal, not a limit.
    expect(fine.status).toBe(400);
    expect(((await fine.json()) as ErrorBody).error.code).toBe("INVALID_INPUT");
  });
});

describe("HTML bodies", () => {
  it("refuses an upload of HTML nested a million levels deep, naming the nesting limit; a health check is answered first", async () => {
    const dealId = await createDeal(t, ae);
    const levels = 1_000_000;
    const boundary = "baton-hostile-html";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="deep.html"\r\nContent-Type: text/html\r\n\r\n`;
    const upload = gatedUpload(
      `/v1/deals/${dealId}/sources`,
      bytes(`${head}<html><body>${"<div>".repeat(levels)}secret`),
      bytes(`${"</div>".repeat(levels)}</body></html>\r\n--${boundary}--\r\n`),
      { "content-type": `multipart/form-data; boundary=${boundary}` },
    );
    const order: string[] = [];
    const uploaded = upload.answer.then((res) => {
      order.push("upload");
      return res;
    });
    expect((await served.fetch("/healthz")).status).toBe(200);
    order.push("healthz");
    upload.release();
    const res = await uploaded;
    expect(order).toEqual(["healthz", "upload"]);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.message).toContain(
      `HTML nested deeper than ${MAX_HTML_NESTING} elements (limit: HTML nesting depth ${MAX_HTML_NESTING})`,
    );
  });
});
