// Input a hostile caller sends: impossible dates, lone surrogates, invalid UTF-8, invisible names, forged request
// ids, and transcript text that would be markup in a Markdown view.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAFE_REQUEST_ID } from "../../src/http/request-id.ts";
import { seedDeal, seedSource } from "../support/seed-deal.ts";
import { citeSegment, extractedItem } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

type Envelope = { error: { code: string; message: string } };

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
});
afterEach(() => t.close());

/** Posts a raw JSON text (so it can hold escapes such as \ud800 that JSON.stringify would not write). */
function postRaw(path: string, body: string | Uint8Array) {
  return t.request("POST", path, { token: ae.token, body, headers: { "content-type": "application/json" } });
}

async function expectInvalid(res: Response, message: RegExp): Promise<void> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as Envelope;
  expect(body.error.code).toBe("INVALID_INPUT");
  expect(body.error.message).toMatch(message);
}

describe("dates", () => {
  it("refuses close dates and report bounds that are not calendar days, naming the field", async () => {
    for (const closeDate of ["2026-13-45", "0000-00-00", "2026-02-30", "2026-02-06T00:00:00Z"]) {
      await expectInvalid(await t.request("POST", "/v1/deals", { token: ae.token, json: { account: "Acme", closeDate } }), /^closeDate: /);
    }
    const deal = seedDeal(t, ae);
    await expectInvalid(
      await t.request("PATCH", `/v1/deals/${deal.id}`, { token: ae.token, json: { closeDate: "2026-04-31" } }),
      /^closeDate: /,
    );
    const revops = t.addUser("revops");
    const report = await t.request("GET", "/v1/reports/handoffs?from=2026-02-30", { token: revops.token });
    await expectInvalid(report, /^from: /);
  });
});

describe("Unicode", () => {
  it("refuses a lone surrogate with 400 naming the field, at any depth", async () => {
    await expectInvalid(await postRaw("/v1/deals", '{"account":"Acme \\ud800 Corp"}'), /^account: not well-formed Unicode/);
    await expectInvalid(await postRaw("/v1/deals", '{"account":"\\udfff"}'), /^account: not well-formed Unicode/);
    const deal = seedDeal(t, ae);
    const parsed = await seedSource(t, deal.id, ae);
    const checks = `{"checks":[{"source":"${parsed.source.id}","quote":"fine"},{"source":"${parsed.source.id}","quote":"x\\ud83d"}]}`;
    await expectInvalid(await postRaw(`/v1/deals/${deal.id}/verify`, checks), /^checks\.1\.quote: not well-formed Unicode/);
    expect(t.deps.deals.listAll()).toHaveLength(1);
  });

  it("accepts surrogate pairs written as escapes", async () => {
    const res = await postRaw("/v1/deals", '{"account":"Acme \\ud83d\\ude80"}');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { account: string }).account).toBe("Acme 🚀");
  });

  it("refuses a JSON body that is not valid UTF-8 instead of storing U+FFFD", async () => {
    const prefix = new TextEncoder().encode('{"account":"Acme ');
    for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x28, 0xa1]]) {
      const body = new Uint8Array([...prefix, ...bad, ...new TextEncoder().encode('"}')]);
      await expectInvalid(await postRaw("/v1/deals", body), /^body: not valid UTF-8$/);
    }
    expect(t.deps.deals.listAll()).toEqual([]);
  });
});

describe("names", () => {
  it("refuses account names of only NUL, zero-width or blank characters", async () => {
    for (const account of ["\u0000", "\u0000\u0000\u0000", "\u200B\u200D", " \u2060 ", "\u3164", "\uFEFF"]) {
      const res = await t.request("POST", "/v1/deals", { token: ae.token, json: { account } });
      await expectInvalid(res, /^account: /);
    }
    const admin = t.addUser("admin");
    const user = await t.request("POST", "/v1/users", {
      token: admin.token,
      json: { name: "\u200B", email: "x@example.test", role: "ae" },
    });
    await expectInvalid(user, /^name: /);
  });
});

describe("request ids", () => {
  it("keeps a caller's id only in the safe form and replaces any other with a generated one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 200, unit: "binary-ascii" }), async (given) => {
        // Header values cannot carry CR, LF or NUL at all; the fetch API refuses them before any server sees them.
        fc.pre(!/[\r\n\0]/.test(given) && given.trim() === given);
        const res = await t.request("GET", "/healthz", { headers: { "x-request-id": given } });
        const answered = res.headers.get("x-request-id")!;
        if (SAFE_REQUEST_ID.test(given)) expect(answered).toBe(given);
        else expect(answered).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      }),
      { numRuns: 300 },
    );
    for (const forged of ['x" level="error', "a".repeat(129), "trace id", "ünïcode", "<script>"]) {
      const res = await t.request("GET", "/v1/deals", { headers: { "x-request-id": forged } });
      expect(res.headers.get("x-request-id")).not.toBe(forged);
      expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe(res.headers.get("x-request-id"));
    }
    for (const kept of ["trace-42", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "req:2026.02.06_1", "a".repeat(128)]) {
      expect((await t.request("GET", "/healthz", { headers: { "x-request-id": kept } })).headers.get("x-request-id")).toBe(kept);
    }
  });
});

describe("Markdown views of transcript text", () => {
  it("escape HTML and neutralise links in the draft and the brief", async () => {
    const csm = t.addUser("csm");
    const deal = seedDeal(t, ae, csm);
    const hostile = [
      "Nate Brennan: Our portal shows <img src=x onerror=alert(1)> on login.",
      "Dana Whitlock: See [the runbook](javascript:alert(document.cookie)) and ![logo](https://tracker.example/p.png).",
      "Nate Brennan: Also \\[docs\\](javascript:alert(2)) and <javascript:alert(3)>.",
    ].join("\n");
    const parsed = await seedSource(t, deal.id, ae, "call.txt", `${hostile}\n`);
    const items = [
      extractedItem("itm_html", "technicalEnvironment", "Login shows <img src=x onerror=alert(1)>.", [citeSegment(parsed, "<img")]),
      extractedItem("itm_link", "nextSteps", "Read [the runbook](javascript:alert(document.cookie)).", [citeSegment(parsed, "runbook")]),
      extractedItem("itm_escape", "promises", "Send \\[docs\\](javascript:alert(2)) <javascript:alert(3)>.", [citeSegment(parsed, "docs")]),
    ];
    t.deps.items.addIfNew(
      deal.id,
      items.map((item) => ({ item, needsChecking: false })),
      "run_seed",
      t.deps.now(),
    );

    for (const [path, token] of [
      [`/v1/deals/${deal.id}/draft?format=md`, ae.token],
      [`/v1/deals/${deal.id}/brief?format=md`, csm.token],
    ] as const) {
      const res = await t.request("GET", path, { token });
      expect(res.status, path).toBe(200);
      const markdown = await res.text();
      expect(markdown, path).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(markdown, path).not.toMatch(/<img|<javascript:/i);
      // No link or image can form: every bracket from a source is escaped.
      expect(markdown, path).not.toMatch(/(^|[^\\])(\\\\)*\]\(\s*(javascript|data|vbscript):/im);
      expect(markdown, path).not.toMatch(/(^|[^\\])(\\\\)*!\[logo\]/);
      expect(markdown, path).toContain("\\[the runbook\\](javascript:alert(document.cookie))");
    }
  });
});
