import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type IngestLimits } from "../config.ts";
import { ParsePool } from "./parse-pool.ts";
import { parseSource } from "./parse-source.ts";

const encoder = new TextEncoder();

function stamp(seconds: number): string {
  const h = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const s = String(seconds % 60).padStart(2, "0");
  return `${h}:${m}:${s}.000`;
}

/** A WebVTT call in which each of `voices` people says one line. */
function callWithVoices(voices: number): Uint8Array {
  const cues = Array.from(
    { length: voices },
    (_, i) => `${stamp(i)} --> ${stamp(i + 1)}\n<v Person ${i + 1}>We can start the rollout in week ${i + 1}.`,
  );
  return encoder.encode(`WEBVTT\n\n${cues.join("\n\n")}\n`);
}

/** An mbox of `senders` messages, each from another person. */
function mailboxWithSenders(senders: number): Uint8Array {
  const messages = Array.from(
    { length: senders },
    (_, i) =>
      `From sender${i}@example.com Mon Jan 05 10:00:00 2026\nFrom: Sender ${i} <sender${i}@example.com>\nTo: team@example.com\nSubject: Rollout\nDate: Mon, 05 Jan 2026 10:00:00 +0000\n\nThe rollout starts in week ${i}.\n`,
  );
  return encoder.encode(messages.join("\n"));
}

const limits = (changes: Partial<IngestLimits> = {}): IngestLimits => ({ ...DEFAULT_LIMITS, ...changes });

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("parsing on worker threads", () => {
  it("gives the same source as parsing in place", async () => {
    pool = new ParsePool(1_024);
    const bytes = callWithVoices(12);
    const onThread = await pool.parse(bytes, "call.vtt", limits());
    expect(onThread).toEqual(await parseSource(bytes, "call.vtt", limits()));
    expect(onThread.source.participants).toHaveLength(12);
  });

  it("refuses a file over the size limit at once, without starting a thread", async () => {
    pool = new ParsePool(1_024);
    await expect(pool.parse(callWithVoices(3), "call.vtt", limits({ maxFileBytes: 10 }))).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: expect.stringContaining("BATON_MAX_FILE_BYTES"),
    });
    expect(pool.threadCount).toBe(0);
  });

  it("answers a parser's refusal as the same AppError, and the thread goes on parsing", async () => {
    pool = new ParsePool(1_024);
    await expect(pool.parse(callWithVoices(30), "call.vtt", limits({ maxSpeakers: 20 }))).rejects.toMatchObject({
      name: "AppError",
      code: "LIMIT_EXCEEDED",
      message: "more than 20 distinct speakers or email senders and recipients (limit BATON_MAX_SPEAKERS)",
    });
    expect((await pool.parse(callWithVoices(5), "call.vtt", limits())).segments).toHaveLength(5);
    expect(pool.threadCount).toBe(1);
  });

  it("holds an mbox to the same limit on distinct senders and recipients", async () => {
    pool = new ParsePool(1_024);
    await expect(pool.parse(mailboxWithSenders(40), "list.mbox", limits({ maxSpeakers: 25 }))).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: expect.stringContaining("BATON_MAX_SPEAKERS"),
    });
    expect((await pool.parse(mailboxWithSenders(10), "list.mbox", limits({ maxSpeakers: 25 }))).source.participants.length).toBe(11);
  });

  it("stops a parse past its time limit and replaces the thread", async () => {
    pool = new ParsePool(1_024);
    // 20,000 voices, each matched against every attendee: far more work than 50 ms allows, in the linking stage.
    const hostile = callWithVoices(20_000);
    await expect(pool.parse(hostile, "voices.vtt", limits({ maxSpeakers: 50_000, parseTimeoutMs: 50 }))).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: "parsing took longer than 50 ms (limit BATON_PARSE_TIMEOUT_MS)",
    });
    expect((await pool.parse(callWithVoices(3), "call.vtt", limits())).segments).toHaveLength(3);
  });

  it("refuses a parse that needs more heap than its thread may have, naming the limit", async () => {
    pool = new ParsePool(16);
    const hostile = callWithVoices(60_000);
    await expect(
      pool.parse(hostile, "voices.vtt", limits({ maxSpeakers: 100_000, maxSegments: 100_000, parseMemoryMb: 16, parseTimeoutMs: 600_000 })),
    ).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", message: expect.stringContaining("BATON_PARSE_MEMORY_MB") });
  });
});
