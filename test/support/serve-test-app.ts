import type { Server } from "node:http";
import { startServer } from "../../src/http/start-server.ts";
import type { TestApp } from "./test-app.ts";

export type ServedRequest = {
  method?: string;
  token?: string;
  json?: unknown;
  body?: RequestInit["body"];
  headers?: Record<string, string>;
};

export type ServedApp = {
  /** Sends a request over a real socket to the served app. */
  fetch: (path: string, init?: ServedRequest) => Promise<Response>;
  url: (path: string) => string;
  stop: () => Promise<void>;
};

/**
 * Serves a test app's dependencies on a free port, as `baton serve` does, so concurrent requests really are separate
 * connections answered by one event loop. Stop it before closing the test app.
 */
export async function serveTestApp(t: TestApp): Promise<ServedApp> {
  const { server, port } = await startServer(t.deps, { host: "127.0.0.1", port: 0 });
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  return {
    url,
    fetch: (path, init = {}) => {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      if (init.json !== undefined) headers["content-type"] = "application/json";
      return fetch(url(path), {
        method: init.method ?? "GET",
        headers,
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
        ...(init.body === undefined ? {} : { body: init.body }),
      });
    },
    stop: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
