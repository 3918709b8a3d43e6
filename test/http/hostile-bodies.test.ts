// Hostile request bodies, generated here (nothing large is committed): refused with the limit named, and the server
// keeps answering meanwhile. Order of answers is asserted, never time.
import { createHash } from "node:crypto";
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
  await t.close();
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
  it("refuses a 24 MB deeply nested body naming the depth limit before the rest of it is sent; a health check is answered meanwhile", async () => {
    const dealId = await createDeal(t, ae);
    const half = 12 * 1024 * 1024;
    const upload = gatedUpload(`/v1/deals/${dealId}/sources`, bytes("[".repeat(half)), bytes("]".repeat(half)), {
      "content-type": "application/json",
    });
    const health = await served.fetch("/healthz");
    expect(health.status).toBe(200);
    // The second half is never released: the refusal comes from the first chunk past the limit, not the whole body.
    const res = await upload.answer;
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error).toEqual(
      expect.objectContaining({
        code: "LIMIT_EXCEEDED",
        message: `body: JSON nested deeper than ${MAX_JSON_BODY_DEPTH} levels (limit: JSON body depth ${MAX_JSON_BODY_DEPTH})`,
      }),
    );
    upload.release();
  });

  it("takes a valid JSON body split anywhere, a character across two chunks included", async () => {
    const dealId = await createDeal(t, ae);
    const content = "Ann: we bought it for the rollout — Ünïcode ✓ kept whole.";
    const json = bytes(JSON.stringify({ filename: "notes.txt", content }));
    const cut = json.indexOf(0xe2) + 1;
    const upload = gatedUpload(`/v1/deals/${dealId}/sources`, json.subarray(0, cut), json.subarray(cut), {
      "content-type": "application/json",
    });
    upload.release();
    const res = await upload.answer;
    expect(res.status).toBe(201);
    const { sources } = (await res.json()) as { sources: { sha256: string }[] };
    expect(sources[0]!.sha256).toBe(createHash("sha256").update(content).digest("hex"));
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

describe("request size", () => {
  it("refuses a body sent without a length at the first chunk past the upload limit, before the rest is sent", async () => {
    const small = createTestApp({ env: { BATON_MAX_FILE_BYTES: String(1024 * 1024) } });
    const smallServed = await serveTestApp(small);
    try {
      const user = small.addUser("ae");
      const dealId = await createDeal(small, user);
      // The limit is the file limit plus 1 MB for multipart framing: 3 MB is past it, and the rest never comes.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(120));
        },
      });
      const res = await fetch(smallServed.url(`/v1/deals/${dealId}/sources`), {
        method: "POST",
        headers: { authorization: `Bearer ${user.token}`, "content-type": "multipart/form-data; boundary=x" },
        body,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as ErrorBody).error).toEqual(
        expect.objectContaining({ code: "LIMIT_EXCEEDED", message: "request body is over the upload limit (BATON_MAX_FILE_BYTES)" }),
      );
      // Announced by its length, it is refused before any of it is read.
      const announced = await smallServed.fetch(`/v1/deals/${dealId}/sources`, {
        method: "POST",
        token: user.token,
        json: { filename: "big.txt", content: "x".repeat(3 * 1024 * 1024) },
      });
      expect(announced.status).toBe(413);
      expect(((await announced.json()) as ErrorBody).error.message).toBe("request body is over the upload limit (BATON_MAX_FILE_BYTES)");
    } finally {
      await smallServed.stop();
      await small.close();
    }
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
