import { matchAttribution } from "./match-attribution.ts";
import { isMessageMarker, matchHeaderBlock } from "./match-header-block.ts";
import { quoteLevel } from "./quote-level.ts";
import { hasFooterHint, isFooterRule, isMobileFooter } from "./signature-patterns.ts";

const MAX_LINES = 2000;
const HEAD_CHARS = 64 * 1024;
const TAIL_CHARS = 4096;

/**
 * True for an email body saved without headers: it has a quote header ("On … wrote:"), an
 * "-----Original Message-----" or Outlook "From:/Sent:" block, mostly ">"-quoted lines, an
 * RFC 3676 "-- " signature, a mailing-list footer or a "Sent from my iPhone" last line.
 */
export function looksLikeEmailBody(text: string): boolean {
  if (hasEmailMarkers(text.slice(0, HEAD_CHARS))) return true;
  // A signature or list footer sits at the end, past the head of a long body.
  return text.length > HEAD_CHARS && hasEmailMarkers(text.slice(-TAIL_CHARS));
}

function hasEmailMarkers(head: string): boolean {
  const lines = head.split("\n", MAX_LINES);
  let nonBlank = 0;
  let quoted = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    nonBlank++;
    if (quoteLevel(line) > 0) {
      quoted++;
      continue;
    }
    if (line === "-- " || isMessageMarker(line)) return true;
    if (isFooterRule(line) && lines.slice(i + 1, i + 7).some(hasFooterHint)) return true;
    if (matchAttribution(lines, i)?.weak === false || matchHeaderBlock(lines, i) !== null) return true;
  }
  if (quoted >= 3 && quoted >= nonBlank * 0.4) return true;
  const last = lines.findLast((line) => line.trim() !== "");
  return last !== undefined && isMobileFooter(last);
}
