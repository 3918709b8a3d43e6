const FENCE = /```[A-Za-z]*[^\S\n]*\n?([\s\S]*?)```/g;
const THINKING = /<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi;
const MAX_STARTS = 50;

/**
 * The JSON object in a model's answer: the whole text, or one inside a Markdown code fence, or one
 * surrounded by prose or preceded by a reasoning model's <think> block. The caller still validates it
 * against the schema; undefined when no object parses.
 */
export function readJsonAnswer(content: string): unknown {
  const text = content.replace(THINKING, "").trim();
  const whole = tryParse(text);
  if (whole !== undefined) return whole;
  for (const [, inner] of text.matchAll(FENCE)) {
    const fenced = tryParse(inner!.trim());
    if (isObject(fenced)) return fenced;
  }
  let tries = 0;
  for (let start = text.indexOf("{"); start >= 0 && tries < MAX_STARTS; start = text.indexOf("{", start + 1), tries++) {
    const end = matchingBrace(text, start);
    if (end < 0) continue;
    const object = tryParse(text.slice(start, end + 1));
    if (isObject(object)) return object;
  }
  return undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Index of the brace closing the object that opens at `start`, skipping braces inside JSON strings; -1 if none.
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}
