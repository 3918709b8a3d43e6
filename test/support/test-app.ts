import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role, User } from "../../src/domain/user.ts";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import type { Clock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { type AppDeps, buildDeps } from "../../src/deps.ts";
import { createApp } from "../../src/http/create-app.ts";
import { type Logger, SILENT_LOGGER } from "../../src/logger.ts";

export type TestUser = { user: User; token: string };

export type RequestOptions = {
  token?: string;
  json?: unknown;
  body?: RequestInit["body"];
  headers?: Record<string, string>;
};

/**
 * A fresh service on its own SQLite file, offline unless `env` configures an endpoint
 * (then pass msw or an injected fetch). Call `close()` in afterEach.
 */
export function createTestApp(
  options: {
    env?: Record<string, string>;
    fetch?: typeof fetch;
    now?: () => Date;
    logger?: Logger;
    clock?: Clock;
    random?: () => number;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "baton-test-"));
  const config = loadConfig({ BATON_DB: join(dir, "baton.sqlite"), ...options.env });
  const deps: AppDeps = buildDeps(config, {
    logger: options.logger ?? SILENT_LOGGER,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  const app = createApp(deps);
  let counter = 0;

  const addUser = (role: Role, name?: string): TestUser => {
    counter += 1;
    name ??= `${role} user ${counter}`;
    const token = generateToken();
    const user = deps.users.add(
      { name, email: `${role}${counter}-${Date.now()}@example.test`, role, tokenHash: hashToken(token) },
      deps.now(),
    );
    return { user, token };
  };

  const request = (method: string, path: string, init: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body = init.body;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
  };

  return {
    app,
    deps,
    addUser,
    request,
    /**
     * Stops the job queue (a running job is aborted and awaited), closes the database, then removes its folder. A
     * draft thread's read-only connection may still be letting go of the WAL index as the folder goes: the removal
     * retries instead of failing on a file that appeared under it.
     */
    async close() {
      await deps.jobs.stop();
      deps.db.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    },
  };
}

export type TestApp = ReturnType<typeof createTestApp>;
