// The behaviour table of issue 9: `baton draft` on the sample deal against a local mock of each way
// real OpenAI-compatible servers answer (test/support/llm-server-behaviours.ts), through the real
// binary with default settings unless the behaviour names one. Prints a Markdown table: behaviour,
// exit code, HTTP calls the server saw, and the line printed on stderr.
//   node test/bench/llm-behaviour-table.ts [NAME-FILTER]
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SERVER_BEHAVIOURS, type ServerBehaviour, type ServerRequest } from "../support/llm-server-behaviours.ts";

const PROJECT_DIR = resolve(import.meta.dirname, "../..");
const DEAL_DIR = join(PROJECT_DIR, "fixtures/deals/kestrel-ridge-freight");
const DEAL_FILES = readdirSync(DEAL_DIR)
  .sort()
  .map((name) => join(DEAL_DIR, name));

type Mock = { port: number; calls: () => number; close: () => Promise<void> };

async function startMock(behaviour: ServerBehaviour): Promise<Mock> {
  let calls = 0;
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const expected = `${behaviour.basePath ?? "/v1"}/chat/completions`;
    calls += 1;
    if (request.method !== "POST" || request.url !== expected) {
      // What Ollama (Go's mux) answers for a path it does not serve.
      response.writeHead(404, { "content-type": "text/plain" }).end("404 page not found");
      return;
    }
    const reply = behaviour.reply(JSON.parse(body) as ServerRequest, calls);
    if (reply.hang) return;
    const text = reply.text ?? JSON.stringify(reply.json);
    const headers = { "content-type": "application/json", ...reply.headers, "content-length": String(Buffer.byteLength(text)) };
    response.writeHead(reply.status, headers);
    if (reply.cut) {
      response.write(text.slice(0, Math.floor(text.length / 2)));
      setTimeout(() => response.socket?.destroy(), 20);
      return;
    }
    response.end(text);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  if (behaviour.down) await close();
  return { port, calls: () => calls, close: behaviour.down ? async () => {} : close };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function runDraft(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["src/baton.js", "draft", ...DEAL_FILES], { cwd: PROJECT_DIR, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const filter = process.argv[2];
const rows: string[] = ["| behaviour | exit | calls | line printed |", "|---|---|---|---|"];
for (const behaviour of SERVER_BEHAVIOURS.filter((b) => filter === undefined || b.name.includes(filter))) {
  const mock = await startMock(behaviour);
  const workDir = mkdtempSync(join(tmpdir(), "baton-behaviour-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: `http://127.0.0.1:${mock.port}${behaviour.basePath ?? "/v1"}`,
    BATON_MODEL: "mock-model",
    BATON_EXTRACTOR: "llm",
    BATON_DB: join(workDir, "baton.sqlite"),
    ...behaviour.env,
  };
  const exits: string[] = [];
  const lines: string[] = [];
  for (let run = 0; run < (behaviour.runs ?? 1); run++) {
    const result = await runDraft(env);
    exits.push(String(result.code));
    const printed = result.stderr.trim();
    const gaps = (result.stdout.match(/The model declined to answer this section/g) ?? []).length;
    const drafted = result.code === 0 ? `(draft printed${gaps > 0 ? `; ${gaps} sections marked declined` : ""})` : "";
    lines.push(printed === "" ? drafted : printed.replace(/\|/g, "\\|"));
  }
  await mock.close();
  rmSync(workDir, { recursive: true, force: true });
  rows.push(`| ${behaviour.name} | ${exits.join(", ")} | ${mock.calls()} | ${lines.join(" / then: ")} |`);
  process.stderr.write(`${behaviour.name}: exit ${exits.join(", ")}\n`);
}
process.stdout.write(`${rows.join("\n")}\n`);
