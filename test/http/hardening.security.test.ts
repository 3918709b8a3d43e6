import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { seedDeal } from "../support/seed-deal.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

type Envelope = { error: { code: string; message: string; requestId: string } };

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A logger that keeps every line it would have written. */
function captureLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger((line) => lines.push(line)) };
}

/** A request body that counts how many bytes the server pulled from it. */
function countingStream(chunk: Uint8Array, chunks: number) {
  const state = { pulled: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= chunks) return controller.close();
        sent += 1;
        state.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    // No read-ahead: a byte is pulled only when the server asks for it.
    { highWaterMark: 0 },
  );
  return { stream, state };
}

async function expectEnvelope(res: Response, status: number, code: string): Promise<Envelope> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Envelope;
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

describe("body limit", () => {
  it("answers 413 from Content-Length alone, before authentication and without reading the body", async () => {
    t = createTestApp({ env: { BATON_MAX_FILE_BYTES: "1000" } });
    const ae = t.addUser("ae");
    const deal = seedDeal(t, ae);
    for (const token of [ae.token, undefined]) {
      const { stream, state } = countingStream(new Uint8Array(64 * 1024), 64);
      const request = new Request(`http://localhost/v1/deals/${deal.id}/sources`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(4 * 1024 * 1024),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: stream,
        duplex: "half",
      } as RequestInit);
      await expectEnvelope(await t.app.request(request), 413, "LIMIT_EXCEEDED");
      expect(state.pulled).toBe(0);
    }
    expect(t.deps.sources.listMeta(deal.id)).toEqual([]);
  });

  it("stops reading a streamed body without Content-Length once it passes the limit", async () => {
    t = createTestApp({ env: { BATON_MAX_FILE_BYTES: "1000" } });
    const ae = t.addUser("ae");
    const deal = seedDeal(t, ae);
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const { stream, state } = countingStream(chunk, 64);
    const request = new Request(`http://localhost/v1/deals/${deal.id}/sources`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ae.token}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectEnvelope(await t.app.request(request), 413, "LIMIT_EXCEEDED");
    // The limit is the file limit plus 1 MiB of multipart framing: far less than the 4 MiB offered.
    expect(state.pulled).toBeLessThanOrEqual(1000 + 1024 * 1024 + chunk.byteLength);
  });

  it("refuses an uploaded file over BATON_MAX_FILE_BYTES even when the body fits", async () => {
    t = createTestApp({ env: { BATON_MAX_FILE_BYTES: "1000" } });
    const ae = t.addUser("ae");
    const deal = seedDeal(t, ae);
    const res = await t.request("POST", `/v1/deals/${deal.id}/sources`, {
      token: ae.token,
      json: { filename: "big.txt", content: "Dana: hello.\n".repeat(200) },
    });
    await expectEnvelope(res, 413, "LIMIT_EXCEEDED");
    expect(t.deps.sources.listMeta(deal.id)).toEqual([]);
  });
});

describe("headers and request ids", () => {
  it("sends secure headers and a request id on successes and errors alike", async () => {
    t = createTestApp();
    const ae = t.addUser("ae");
    const responses = [
      await t.request("GET", "/healthz"),
      await t.request("GET", "/v1/deals", { token: ae.token }),
      await t.request("GET", "/v1/deals"),
      await t.request("GET", "/v1/deals/deal_nope", { token: ae.token }),
      await t.request("GET", "/no/such/route"),
      await t.request("POST", "/v1/deals", { token: ae.token, body: "{", headers: { "content-type": "application/json" } }),
    ];
    const ids = new Set<string>();
    for (const res of responses) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(res.headers.get("x-powered-by")).toBeNull();
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(/^[\w-]{8,}$/);
      ids.add(id!);
      if (res.status >= 400) expect(((await res.json()) as Envelope).error.requestId).toBe(id);
    }
    expect(ids.size).toBe(responses.length);
  });

  it("keeps a caller's well-formed request id and replaces one that could forge log lines", async () => {
    t = createTestApp();
    const kept = await t.request("GET", "/v1/deals", { headers: { "x-request-id": "trace-42" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-42");
    expect(((await kept.json()) as Envelope).error.requestId).toBe("trace-42");
    const replaced = await t.request("GET", "/healthz", { headers: { "x-request-id": 'x" level="error' } });
    expect(replaced.headers.get("x-request-id")).not.toContain('"');
  });
});

describe("unknown errors", () => {
  it("answer 500 'internal error' without the detail, log no content, and leave nothing half-written", async () => {
    const { lines, logger } = captureLogger();
    t = createTestApp({ logger });
    const ae = t.addUser("ae");
    const deal = seedDeal(t, ae);
    // A storage failure whose message carries what was being written, as real driver errors do.
    t.deps.db.exec(
      "CREATE TRIGGER break_sources BEFORE INSERT ON sources BEGIN SELECT RAISE(ABORT, 'cannot store: ' || NEW.filename); END;",
    );
    const res = await t.request("POST", `/v1/deals/${deal.id}/sources`, {
      token: ae.token,
      json: { filename: "ophelia-secret.txt", content: "Nate: The budget is $180K.\n" },
    });
    const body = await expectEnvelope(res, 500, "INTERNAL");
    expect(body.error.message).toBe("internal error");
    expect(JSON.stringify(body)).not.toMatch(/ophelia|cannot store|trigger|sqlite/i);
    expect(t.deps.sources.listMeta(deal.id)).toEqual([]);
    const failure = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.message === "request failed");
    expect(failure).toMatchObject({ level: "error", code: "INTERNAL", requestId: body.error.requestId });
    expect(lines.join("\n")).not.toMatch(/ophelia|cannot store|180K/);
  });
});

describe("logs", () => {
  it("never contain uploaded content, quotes, filenames or query strings, through a whole walk", async () => {
    const { lines, logger } = captureLogger();
    t = createTestApp({ logger });
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const deal = seedDeal(t, ae, csm);
    const phrase = "Zanzibar tangerine protocol";
    const upload = await t.request("POST", `/v1/deals/${deal.id}/sources?note=${encodeURIComponent(phrase)}`, {
      token: ae.token,
      json: {
        filename: "zanzibar-call.txt",
        content: `Nate Brennan: We must finish the ${phrase} before March 3.\nDana Whitlock: We will.\n`,
      },
    });
    expect(upload.status).toBe(201);
    const { sources } = (await upload.json()) as { sources: { id: string }[] };
    const sourceId = sources[0]!.id;
    const calls: [string, string, unknown?][] = [
      ["GET", `/v1/deals/${deal.id}/sources/${sourceId}`],
      ["POST", `/v1/deals/${deal.id}/verify`, { source: sourceId, quote: `the ${phrase}` }],
      ["POST", `/v1/deals/${deal.id}/verify`, { source: "src_unknown", quote: phrase }],
      ["POST", `/v1/deals/${deal.id}/extractions?wait=true`],
      ["GET", `/v1/deals/${deal.id}/draft?format=md`],
      ["GET", `/v1/deals/${deal.id}/brief`],
      ["POST", `/v1/deals/${deal.id}/items`, { section: "nextSteps", statement: `Finish the ${phrase}`, quote: phrase }],
      [
        "POST",
        `/v1/deals/${deal.id}/sources`,
        { filename: "zanzibar.bin", contentBase64: Buffer.from(`\u0000${phrase}`).toString("base64") },
      ],
    ];
    for (const [method, path, json] of calls) {
      const res = await t.request(method, path, { token: ae.token, ...(json === undefined ? {} : { json }) });
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
    await t.request("GET", `/v1/deals/${deal.id}/brief`, { token: csm.token });
    expect(lines.length).toBeGreaterThanOrEqual(calls.length);
    const log = lines.join("\n");
    expect(log).not.toMatch(/zanzibar|tangerine/i);
    expect(log).not.toContain(ae.token);
  });
});
