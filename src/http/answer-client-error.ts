import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/** Node's own limit on the request line plus headers, stated where the 431 answer names it. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Answers a request Node's HTTP parser refused before Hono saw it (a URL or headers over MAX_HEADER_BYTES, a
 * malformed request line) in the service's error envelope instead of Node's empty-bodied default.
 * A `clientError` listener: with one registered, Node writes nothing itself.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "LIMIT_EXCEEDED", `request line and headers are over ${MAX_HEADER_BYTES / 1024} KiB`]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "TIMEOUT", "the request was not received in time"]
        : [400, "INVALID_INPUT", "malformed HTTP request"];
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message, requestId } });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      "X-Content-Type-Options: nosniff",
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  );
}
