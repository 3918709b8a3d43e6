import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Role } from "../../src/domain/user.ts";
import { loadConfig } from "../../src/config.ts";
import { type AppDeps, buildDeps } from "../../src/deps.ts";
import { createApp } from "../../src/http/create-app.ts";
import { SILENT_LOGGER } from "../../src/logger.ts";
import { runCapturedCli, SAMPLE_DEAL_DIR } from "../cli/run-captured-cli.ts";

export type WebUser = { id: string; name: string; email: string; role: Role; token: string };

export type WebApp = {
  baseUrl: string;
  deps: AppDeps;
  /** Adds a user exactly as `npx baton users add --json` does, against this app's database. */
  addUser(role: Role, name: string): Promise<WebUser>;
  /** Calls the JSON API as `user`. */
  api(user: WebUser, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
};

/** The real app (API and pages) listening on 127.0.0.1 on a free port, on a fresh SQLite file, offline extractor; `env` adds settings. */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const dir = mkdtempSync(join(tmpdir(), "baton-web-"));
  const dbPath = join(dir, "baton.sqlite");
  const deps = buildDeps(loadConfig({ ...env, BATON_DB: dbPath, BATON_EXTRACTOR: "offline" }), { logger: SILENT_LOGGER });
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let emails = 0;

  return {
    baseUrl,
    deps,
    async addUser(role, name) {
      emails += 1;
      const email = `${role}${emails}@corvala.example`;
      const previous = process.env.BATON_DB;
      process.env.BATON_DB = dbPath;
      try {
        const run = await runCapturedCli(["users", "add", "--name", name, "--email", email, "--role", role, "--json"]);
        if (run.code !== 0) throw new Error(`baton users add failed: ${run.stderr}`);
        return JSON.parse(run.stdout) as WebUser;
      } finally {
        if (previous === undefined) delete process.env.BATON_DB;
        else process.env.BATON_DB = previous;
      }
    },
    api(user, method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${user.token}` };
      let payload: RequestInit["body"];
      if (body instanceof FormData) payload = body;
      else if (body !== undefined) {
        headers["content-type"] = "application/json";
        payload = JSON.stringify(body);
      }
      return fetch(`${baseUrl}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.jobs.stop();
      deps.db.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    },
  };
}

/**
 * The sample deal as an AE would set it up through the API: created (assigned to the CSM when given), every file
 * of fixtures/deals/kestrel-ridge-freight uploaded, and extracted by the offline extractor. Returns the deal id.
 */
export async function seedSampleDeal(app: WebApp, ae: WebUser, csm?: WebUser, account = "Kestrel Ridge Freight"): Promise<string> {
  const created = await app.api(ae, "POST", "/v1/deals", {
    account,
    closeDate: "2026-02-06",
    amount: 77040,
    currency: "USD",
    ...(csm ? { csmId: csm.id } : {}),
  });
  if (created.status !== 201) throw new Error(`creating the deal answered ${created.status}`);
  const dealId = ((await created.json()) as { id: string }).id;
  const form = new FormData();
  for (const name of readdirSync(SAMPLE_DEAL_DIR).sort()) {
    form.append("file", new Blob([readFileSync(join(SAMPLE_DEAL_DIR, name))]), name);
  }
  const uploaded = await app.api(ae, "POST", `/v1/deals/${dealId}/sources`, form);
  if (uploaded.status !== 201) throw new Error(`uploading answered ${uploaded.status}`);
  const extracted = await app.api(ae, "POST", `/v1/deals/${dealId}/extractions?wait=true`);
  const run = ((await extracted.json()) as { run: { status: string } }).run;
  if (run.status !== "succeeded") throw new Error(`extraction ended ${run.status}`);
  return dealId;
}
