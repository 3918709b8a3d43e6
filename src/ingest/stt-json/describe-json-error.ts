const POSITION = / in JSON at position (\d+)/;
const UNEXPECTED_TOKEN = /^Unexpected token '(.)', (.*) is not valid JSON$/s;
// V8 quotes 10 characters either side of an unexpected token.
const CONTEXT_CHARS = 10;
const SHORT_TEXT = 64;

/** One line saying where and why JSON.parse failed, without quoting the file's content. */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const positioned = POSITION.exec(message);
  if (positioned !== null) {
    const reason = message.slice(0, positioned.index).toLowerCase();
    return `invalid JSON at ${where(text, Number(positioned[1]))}: ${reason}`;
  }
  const token = UNEXPECTED_TOKEN.exec(message);
  if (token !== null) {
    const character = token[1]!;
    const position = locateToken(text, character, token[2]!);
    const shown = /^[\x21-\x7e]$/.test(character) ? ` '${character}'` : "";
    return position === null
      ? `invalid JSON: unexpected character${shown}`
      : `invalid JSON at ${where(text, position)}: unexpected character${shown}`;
  }
  if (/end of JSON input/i.test(message)) return `invalid JSON at ${where(text, text.length)}: the file ends early`;
  return "invalid JSON";
}

function where(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line} column ${position - lineStart + 1} (position ${position})`;
}

/** Finds the unexpected token from the excerpt V8 puts in its message. */
function locateToken(text: string, character: string, quoted: string): number | null {
  const leading = quoted.startsWith('..."');
  const trailing = quoted.endsWith('"...');
  const excerpt = quoted.slice(leading ? 4 : 1, trailing ? -4 : -1);
  if (leading) {
    // The excerpt is the text from 10 characters before the token; take the first fitting match.
    for (let at = text.indexOf(excerpt); at !== -1; at = text.indexOf(excerpt, at + 1)) {
      if (text[at + CONTEXT_CHARS] === character) return at + CONTEXT_CHARS;
    }
    return null;
  }
  if (trailing) return Math.max(0, excerpt.length - CONTEXT_CHARS);
  return text.length <= SHORT_TEXT ? locateInShortText(text, character) : null;
}

/** The whole text was quoted: the token is the first occurrence where parsing breaks. */
function locateInShortText(text: string, character: string): number | null {
  for (let i = text.indexOf(character); i !== -1; i = text.indexOf(character, i + 1)) {
    try {
      JSON.parse(text.slice(0, i + 1));
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("Unexpected token")) return i;
    }
  }
  return null;
}
