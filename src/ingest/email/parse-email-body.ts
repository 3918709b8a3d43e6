import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseThreadText } from "./parse-thread-text.ts";

/** Parses a plain-text email body saved without headers (format "email-body"). */
export function parseEmailBody(input: ParseInput, context: ParseContext): ParsedBody {
  return parseThreadText(input.text, "email-body", context);
}
