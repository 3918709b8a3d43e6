import type { Context, MiddlewareHandler } from "hono";

/**
 * Pages load nothing from elsewhere and run no inline script or style: everything comes from /assets.
 * Forms may only post back here, and no other site may frame a page (clickjacking).
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

/** Sets the page policy and keeps customer conversations out of shared caches and the browser's disk cache. */
export function applyPageHeaders(c: Context): void {
  c.header("Content-Security-Policy", PAGE_POLICY);
  c.header("Cache-Control", "private, no-store");
}

/** The page headers on every response of the routes it guards, errors included. */
export const pageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  applyPageHeaders(c);
};
