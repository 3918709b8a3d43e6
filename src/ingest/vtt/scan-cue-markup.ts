import { decodeEntities } from "./decode-entities.ts";

/** A stretch of cue text under one voice, with markup removed and entities decoded. */
export type TextRun = { voice: string | null; text: string };

/**
 * Markup state carried from one line of a cue to the next (an unclosed `<v Name>` spans lines);
 * `timed` records inline `<00:01.000>` word timings, the mark of YouTube-style rolling captions.
 */
type MarkupState = { voice: string | null; inAnnotation: boolean; timed: boolean };

export function newMarkupState(): MarkupState {
  return { voice: null, inAnnotation: false, timed: false };
}

// A tag left without its ">" ("<v It's a blue apple tree!"): drop the tag name, keep the words.
const UNTERMINATED_TAG = /^<\/?(?:v|c|i|b|u|ruby|rt|lang|font|span)(?=[\s.]|$)/i;
const TAG_BODY = /^(?:\/?[A-Za-z]|\d)/;
// SubStation override codes such as {\an8} that SRT exporters leave in the text.
const SUBSTATION_OVERRIDE = /\{\\[^{}]*\}/g;
const WHITESPACE = /\s+/g;
const MARKUP_START = /[<&{]/;

const SPACE = 32;

/** True when the text has whitespace other than single spaces; checked by hand as it runs per line. */
function hasUnusualWhitespace(text: string): boolean {
  let previous = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === SPACE) {
      if (previous === SPACE) return true;
    } else if (code < SPACE || code === 0xa0 || code === 0x3000 || code === 0xfeff) {
      return true;
    } else if (code >= 0x1680 && code <= 0x205f && /\s/.test(text[index] ?? "")) {
      return true;
    }
    previous = code;
  }
  return false;
}

/** Collapses runs of whitespace (tabs, non-breaking spaces, doubled spaces) to one space. */
export function collapseWhitespace(text: string): string {
  return hasUnusualWhitespace(text) ? text.replace(WHITESPACE, " ") : text;
}

function tagName(body: string): string {
  const end = body.search(/[\s.]/);
  return (end === -1 ? body : body.slice(0, end)).toLowerCase();
}

function readVoice(body: string): string | null {
  const space = body.search(/\s/);
  if (space === -1) return null;
  const name = collapseWhitespace(decodeEntities(body.slice(space + 1))).trim();
  return name === "" ? null : name;
}

/**
 * Splits one cue text line into voice runs: tags (`<v>`, `<c.class>`, `<i>`, `<b>`, `<u>`, `<lang>`,
 * `<ruby>`, `<font>`, inline `<00:01.000>` times) are removed, ruby annotations dropped and
 * entities decoded. A `</v>` does not end the voice: text after it in the same cue is still
 * that speaker's, which is what exporters mean.
 */
export function scanCueLine(line: string, state: MarkupState): TextRun[] {
  // Most caption lines carry no markup at all.
  if (!MARKUP_START.test(line)) {
    if (state.inAnnotation || line.trim() === "") return [];
    return [{ voice: state.voice, text: collapseWhitespace(line) }];
  }
  const source = line.includes("{\\") ? line.replace(SUBSTATION_OVERRIDE, "") : line;
  const runs: TextRun[] = [];
  const parts: string[] = [];
  const flush = () => {
    if (parts.length === 0) return;
    const text = collapseWhitespace(decodeEntities(parts.join("")));
    parts.length = 0;
    if (text.trim() !== "") runs.push({ voice: state.voice, text });
  };
  const keep = (text: string) => {
    if (!state.inAnnotation && text !== "") parts.push(text);
  };
  let index = 0;
  // The next ">" is looked up once per tag, not rescanned from every "<", so "<<<<…" stays linear.
  let nextGt = -2;
  while (index < source.length) {
    const lt = source.indexOf("<", index);
    if (lt === -1) {
      keep(source.slice(index));
      break;
    }
    keep(source.slice(index, lt));
    if (nextGt !== -1 && nextGt < lt) nextGt = source.indexOf(">", lt);
    if (nextGt === -1) {
      const broken = UNTERMINATED_TAG.exec(source.slice(lt, lt + 8));
      if (broken === null) keep("<");
      index = lt + (broken === null ? 1 : broken[0].length);
      continue;
    }
    const body = source.slice(lt + 1, nextGt);
    if (!TAG_BODY.test(body)) {
      keep("<");
      index = lt + 1;
      continue;
    }
    index = nextGt + 1;
    const first = body.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      state.timed = true;
      continue;
    }
    if (body.startsWith("/")) {
      if (tagName(body.slice(1)) === "rt") state.inAnnotation = false;
      continue;
    }
    const name = tagName(body);
    if (name === "v") {
      flush();
      state.voice = readVoice(body);
    } else if (name === "rt") {
      state.inAnnotation = true;
    } else if (name === "br") {
      keep(" ");
    }
  }
  flush();
  return runs;
}
