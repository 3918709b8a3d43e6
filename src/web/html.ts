import { html as honoHtml, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** Markup that is already escaped: the only kind a page or partial returns. */
export type Html = HtmlEscapedString;

/**
 * Hono's `html` tag (every interpolated value is escaped unless it is itself Html), narrowed to its
 * synchronous result: no template here interpolates a promise, so a page is a plain string.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const result = honoHtml(strings, ...values);
  if (result instanceof Promise) throw new Error("web templates must not interpolate promises");
  return result;
}

/** Joins rendered fragments without escaping them again. */
export function joinHtml(parts: Html[], separator = ""): Html {
  return raw(parts.join(separator));
}

/** Nothing, as markup (for a branch that renders no element). */
export const EMPTY: Html = raw("");
