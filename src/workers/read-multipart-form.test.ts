import { describe, expect, it } from "vitest";
import { fileBytes, readMultipartForm } from "./read-multipart-form.ts";

/** A request as hono's c.req shows it to readMultipartForm. */
async function honoLike(body: string | FormData, headers: Record<string, string> = {}) {
  const raw = new Request("http://baton.test/upload", { method: "POST", body, headers });
  const bytes = await raw.clone().arrayBuffer();
  return { raw, arrayBuffer: () => Promise.resolve(bytes) };
}

describe("readMultipartForm", () => {
  it("splits fields and files on a worker thread, repeated fields as arrays, bytes intact", async () => {
    const form = new FormData();
    form.append("csrf", "token-1");
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
    form.append("file", new Blob([bytes], { type: "application/pdf" }), "order-form.pdf");
    form.append("file", new Blob(["WEBVTT\n"]), "call.vtt");
    const request = await honoLike(form);
    const parsed = await readMultipartForm(request);
    expect(parsed.csrf).toBe("token-1");
    const files = parsed.file as File[];
    expect(files.map((f) => f.name)).toEqual(["order-form.pdf", "call.vtt"]);
    expect(new Uint8Array(await files[0]!.arrayBuffer())).toEqual(bytes);
    expect(await fileBytes(files[0]!)).toEqual(bytes);
    expect(files[0]!.type).toBe("application/pdf");
    // Read once per request: a second reader gets the same result.
    expect(await readMultipartForm(request)).toBe(parsed);
  });

  it("receives a body of a declared length, sent in pieces, whole", async () => {
    const boundary = "b";
    const text = "Ann: the rollout starts in March — ✓".repeat(5_000);
    const body = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < body.length; at += 7_001) controller.enqueue(body.slice(at, at + 7_001));
        controller.close();
      },
    });
    const raw = new Request("http://baton.test/upload", {
      method: "POST",
      body: stream,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(body.length) },
      duplex: "half",
    } as RequestInit);
    const form = await readMultipartForm({ raw });
    expect(new TextDecoder().decode(await fileBytes(form.file as File))).toBe(text);
  });

  it("answers a malformed body as INVALID_INPUT", async () => {
    const request = await honoLike("--x\r\nnot a part", { "content-type": "multipart/form-data; boundary=y" });
    await expect(readMultipartForm(request)).rejects.toMatchObject({ code: "INVALID_INPUT", message: "malformed multipart body" });
  });
});
