import { afterEach, describe, expect, it } from "vitest";
import { parsesInProgress } from "../../src/ingest/parse-pool.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// Hostile uploads are generated here, never committed. Time is not measured (npm run bench -- hostile does):
// what is checked is the order of answers and the limit each refusal names.

function stamp(seconds: number): string {
  const h = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  return `${h}:${m}:${String(seconds % 60).padStart(2, "0")}.000`;
}

/** A WebVTT file in which each of `voices` distinct people says one line. */
function manyVoices(voices: number): Blob {
  const cues = Array.from({ length: voices }, (_, i) => `${stamp(i)} --> ${stamp(i + 1)}\n<v Person ${i + 1}>Line ${i + 1}.`);
  return new Blob([`WEBVTT\n\n${cues.join("\n\n")}\n`]);
}

let t: TestApp;
afterEach(() => t?.close());

async function dealOf(token: string): Promise<string> {
  const res = await t.request("POST", "/v1/deals", { token, json: { account: "Hostile Test Co" } });
  return ((await res.json()) as { id: string }).id;
}

async function upload(dealId: string, token: string, name: string, file: Blob): Promise<Response> {
  const form = new FormData();
  form.append("file", file, name);
  return t.request("POST", `/v1/deals/${dealId}/sources`, { token, body: form });
}

describe("hostile uploads do not hold up the service", () => {
  it("answers a health check sent during a slow parse before the upload's own answer", async () => {
    // A generous speaker limit lets 20,000 voices through: a parse of a second or more on any machine.
    t = createTestApp({ env: { BATON_MAX_SPEAKERS: "50000" } });
    const ae = t.addUser("ae");
    const dealId = await dealOf(ae.token);
    const order: string[] = [];
    const uploading = upload(dealId, ae.token, "voices.vtt", manyVoices(20_000)).then((res) => {
      order.push("upload");
      return res;
    });
    // Wait (in event-loop turns, not time) until the file is being parsed; a parse on the main thread never gets here.
    for (let turn = 0; parsesInProgress() === 0; turn++) {
      if (turn > 1_000_000 || order.length > 0) throw new Error("the upload was never parsed on a parse thread");
      await new Promise((resolve) => setImmediate(resolve));
    }
    const health = await t.request("GET", "/healthz");
    order.push("healthz");
    expect(health.status).toBe(200);
    const answer = await uploading;
    expect(order).toEqual(["healthz", "upload"]);
    expect(answer.status).toBe(201);
  });

  it("refuses a file naming more distinct speakers than the limit, naming it, and stores nothing", async () => {
    t = createTestApp();
    const ae = t.addUser("ae");
    const dealId = await dealOf(ae.token);
    const res = await upload(dealId, ae.token, "voices.vtt", manyVoices(1_001));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("LIMIT_EXCEEDED");
    expect(body.error.message).toBe(
      "voices.vtt: more than 1000 distinct speakers or email senders and recipients (limit BATON_MAX_SPEAKERS)",
    );
    expect(t.deps.sources.listMeta(dealId)).toEqual([]);
  });

  it("refuses a parse past its time limit with the limit named, and parses the next upload", async () => {
    t = createTestApp({ env: { BATON_MAX_SPEAKERS: "50000", BATON_PARSE_TIMEOUT_MS: "50" } });
    const ae = t.addUser("ae");
    const dealId = await dealOf(ae.token);
    const res = await upload(dealId, ae.token, "voices.vtt", manyVoices(20_000));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "voices.vtt: parsing took longer than 50 ms (limit BATON_PARSE_TIMEOUT_MS)",
    );
    expect((await upload(dealId, ae.token, "small.vtt", manyVoices(3))).status).toBe(201);
  });
});
