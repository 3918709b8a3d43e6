const SENTENCE_END = /[.?!…]["'”’)\]]*\s+/g;

/**
 * Cuts a long text into [start, end) ranges of at least `target` characters, each ending at a
 * sentence end; a stretch with no sentence end is cut at a space (or hard, if it has none) once
 * it reaches twice the target. Linear in the text length.
 */
export function splitLongText(text: string, target: number): [number, number][] {
  const ranges: [number, number][] = [];
  const sentenceEnd = new RegExp(SENTENCE_END.source, "g");
  let chunkStart = 0;
  for (let match = sentenceEnd.exec(text); match !== null; match = sentenceEnd.exec(text)) {
    const cut = match.index + match[0].trimEnd().length;
    if (cut - chunkStart < target) continue;
    pushHardSplit(ranges, text, chunkStart, cut, target * 2);
    chunkStart = match.index + match[0].length;
  }
  if (chunkStart < text.length) pushHardSplit(ranges, text, chunkStart, text.length, target * 2);
  return ranges;
}

function pushHardSplit(ranges: [number, number][], text: string, start: number, end: number, max: number): void {
  let position = start;
  while (end - position > max) {
    let cut = position + max;
    // Look back at most half a chunk for a space; the scan stays bounded so this stays linear.
    let back = cut;
    while (back > position + max / 2 && text.charCodeAt(back) !== 32) back--;
    if (back > position + max / 2) cut = back;
    else if (isLowSurrogate(text.charCodeAt(cut))) cut--;
    ranges.push([position, cut]);
    position = cut;
    while (position < end && text.charCodeAt(position) === 32) position++;
  }
  if (position < end) ranges.push([position, end]);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
