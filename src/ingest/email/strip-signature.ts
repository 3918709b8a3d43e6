import type { EmailPerson } from "./email-person.ts";
import {
  hasFooterHint,
  isClosing,
  isContactLine,
  isFooterRule,
  isMobileFooter,
  isNotificationFooter,
  isSignatureDelimiter,
  isSignOffName,
} from "./signature-patterns.ts";

/** A message's own lines without its signature, and the signature lines (kept to read a title from). */
type StrippedMessage = { lines: string[]; signature: string[] };

const TAIL_LINES = 14;
const MAX_SIGN_OFF_LINES = 8;

const isBlank = (line: string) => line.trim() === "";
// "Thanks,", "Have a good weekend," or "Talk soon!" right above a sign-off name.
const endsGreeting = (line: string) => isClosing(line) || (/[,!]\s*$/.test(line) && line.trim().split(/\s+/).length <= 6);

function trimBlankEnds(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start] ?? "")) start++;
  while (end > start && isBlank(lines[end - 1] ?? "")) end--;
  return lines.slice(start, end);
}

/** Positions of the last `count` non-blank lines, earliest first. */
function tailPositions(lines: readonly string[], count: number): number[] {
  const positions: number[] = [];
  for (let i = lines.length - 1; i >= 0 && positions.length < count; i--) {
    if (!isBlank(lines[i] ?? "")) positions.unshift(i);
  }
  return positions;
}

function isShortContactBlock(lines: readonly string[], from: number, maxLines: number): boolean {
  const rest = lines.slice(from).filter((line) => !isBlank(line));
  return rest.length <= maxLines && rest.every(isContactLine);
}

/** Where the signature starts, by the strongest rule that holds; null when none does. */
function findSignatureStart(lines: readonly string[], author: EmailPerson | null): number | null {
  const tail = tailPositions(lines, TAIL_LINES);
  const last = tail.at(-1);
  if (last === undefined) return null;
  // RFC 3676 "-- " delimiter: only when a short block follows it, so a "--" divider keeps long text.
  const delimiter = tail.find((i) => isSignatureDelimiter(lines[i] ?? ""));
  if (delimiter !== undefined && tail.filter((i) => i > delimiter).length <= 12) return delimiter;
  // A bare "--" is also an underline ("Agenda:\n--"): only after a blank line, before a short block.
  const loose = tail.find((i) => isSignatureDelimiter(lines[i] ?? "", true) && isBlank(lines[i - 1] ?? ""));
  if (loose !== undefined && tail.filter((i) => i > loose).length <= 6) return loose;
  const footer = tail.find(
    (i) => isFooterRule(lines[i] ?? "") && tail.filter((j) => j > i).length <= 6 && lines.slice(i + 1).some(hasFooterHint),
  );
  if (footer !== undefined) return footer;
  if (isMobileFooter(lines[last] ?? "")) return last;
  const notification = tail.find((i) => i >= (tail.at(-3) ?? 0) && isNotificationFooter(lines[i] ?? ""));
  if (notification !== undefined) return notification;
  for (const i of tailPositions(lines, MAX_SIGN_OFF_LINES)) {
    const line = lines[i] ?? "";
    const previous = lines[i - 1];
    if (isClosing(line)) {
      if (i < last && isShortContactBlock(lines, i + 1, MAX_SIGN_OFF_LINES - 1)) return i;
    } else if (isSignOffName(line, author) && (previous === undefined || isBlank(previous) || endsGreeting(previous))) {
      if (isShortContactBlock(lines, i + 1, MAX_SIGN_OFF_LINES - 1)) return i;
    }
  }
  return null;
}

/**
 * Removes a message's signature: the "-- " block, list and notification footers, "Sent from my
 * iPhone", and a closing ("Thanks,", "Best,") or the author's name followed only by short contact
 * lines. Conservative: a block with a sentence in it stays, and nothing is removed when it would
 * leave the message empty.
 */
export function stripSignature(input: readonly string[], author: EmailPerson | null): StrippedMessage {
  let lines = trimBlankEnds(input);
  const signature: string[] = [];
  for (let round = 0; round < 4; round++) {
    const start = findSignatureStart(lines, author);
    if (start === null) break;
    signature.unshift(...lines.slice(start));
    lines = trimBlankEnds(lines.slice(0, start));
  }
  if (lines.length === 0) return { lines: trimBlankEnds(input), signature: [] };
  return { lines, signature };
}
