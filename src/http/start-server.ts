import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { AppDeps } from "../deps.ts";
import { describeLlmDestination } from "../extraction/describe-llm-destination.ts";
import { answerClientError, MAX_HEADER_BYTES } from "./answer-client-error.ts";
import { createApp } from "./create-app.ts";

/**
 * Serves the app on host:port (port 0 picks a free one) and resolves once it listens, having logged where it
 * listens and, when customer text can leave the machine, where it goes (once, at start-up).
 */
export async function startServer(deps: AppDeps, options: { host: string; port: number }): Promise<{ server: Server; port: number }> {
  const app = createApp(deps);
  // Hono compiles its router on the first request it matches: a pause of a tenth of a second or more that the first
  // callers (a health check among them) would wait. Compiled here, before the server listens.
  app.router.match("GET", "/healthz");
  const server = serve({
    fetch: app.fetch,
    port: options.port,
    hostname: options.host,
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
  }) as Server;
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  deps.logger.info("listening", { host: options.host, port, extractor: deps.config.extractor });
  const destination = describeLlmDestination(deps.config);
  if (destination !== undefined) deps.logger.warn(destination, { event: "llm-destination" });
  return { server, port };
}
