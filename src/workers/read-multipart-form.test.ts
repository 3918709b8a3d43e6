import { describe, expect, it } from "vitest";
import { readMultipartForm } from "./read-multipart-form.ts";

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
    expect(files[0]!.type).toBe("application/pdf");
    // Read once per request: a second reader gets the same result.
    expect(await readMultipartForm(request)).toBe(parsed);
  });

  it("answers a malformed body as INVALID_INPUT", async () => {
    const request = await honoLike("--x\r\nnot a part", { "content-type": "multipart/form-data; boundary=y" });
    await expect(readMultipartForm(request)).rejects.toMatchObject({ code: "INVALID_INPUT", message: "malformed multipart body" });
  });
});
