// The service as `baton serve` starts it: a real socket, so Node's own HTTP parser answers what Hono never sees.
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type AppDeps, buildDeps } from "../../src/deps.ts";
import { startServer } from "../../src/http/start-server.ts";
import { createLogger } from "../../src/logger.ts";

let running: { server: Server; deps: AppDeps; dir: string } | undefined;
afterEach(async () => {
  if (!running) return;
  const { server, deps, dir } = running;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  deps.db.close();
  rmSync(dir, { recursive: true, force: true });
  running = undefined;
});

async function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "baton-serve-"));
  const lines: string[] = [];
  const deps = buildDeps(loadConfig({ BATON_DB: join(dir, "baton.sqlite"), ...env }), {
    logger: createLogger((line) => lines.push(line)),
  });
  const { server, port } = await startServer(deps, { host: "127.0.0.1", port: 0 });
  running = { server, deps, dir };
  return { port, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** Sends raw bytes and resolves with everything the server wrote before closing. */
function sendRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

function parseAnswer(raw: string) {
  const [head, body] = raw.split("\r\n\r\n") as [string, string];
  const [statusLine, ...headerLines] = head.split("\r\n");
  const headers = Object.fromEntries(
    headerLines.map((line) => [line.split(":")[0]!.toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
  );
  return {
    status: Number(statusLine!.split(" ")[1]),
    headers,
    body: JSON.parse(body) as { error: { code: string; message: string; requestId: string } },
  };
}

describe("startServer", () => {
  it("logs once where customer text goes when an LLM endpoint is configured", async () => {
    const { entries } = await start({ OPENAI_BASE_URL: "http://10.0.0.5:8000/v1", OPENAI_API_KEY: "sk-secret-key" });
    const notices = entries().filter((entry) => entry.event === "llm-destination");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^customer text is sent to 10\.0\.0\.5:8000 for extraction/);
    expect(JSON.stringify(entries())).not.toContain("sk-secret-key");
  });

  it("logs no destination for the offline extractor", async () => {
    const { entries } = await start({ BATON_EXTRACTOR: "offline" });
    expect(entries().map((entry) => entry.message)).toEqual(["listening"]);
  });

  it("answers a URL or headers over 16 KiB with 431 in the error envelope", async () => {
    const { port } = await start({ BATON_EXTRACTOR: "offline" });
    for (const request of [
      `GET /v1/deals?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Filler: ${"b".repeat(20_000)}\r\n\r\n`,
    ]) {
      const answer = parseAnswer(await sendRaw(port, request));
      expect(answer.status).toBe(431);
      expect(answer.headers["content-type"]).toBe("application/json");
      expect(answer.body.error).toMatchObject({ code: "LIMIT_EXCEEDED", message: "request line and headers are over 16 KiB" });
      expect(answer.body.error.requestId).toBe(answer.headers["x-request-id"]);
    }
  });

  it("answers a malformed request line with 400 in the error envelope", async () => {
    const { port } = await start({ BATON_EXTRACTOR: "offline" });
    const answer = parseAnswer(await sendRaw(port, "NOT A REQUEST\r\n\r\n"));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("INVALID_INPUT");
  });
});
