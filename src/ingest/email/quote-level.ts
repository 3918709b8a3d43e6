/** How many ">" quote markers start a line ("> > x" and ">> x" are both 2). */
export function quoteLevel(line: string): number {
  let level = 0;
  let i = 0;
  while (i < line.length) {
    const char = line.charCodeAt(i);
    if (char === 0x3e) {
      level++;
      i++;
    } else if ((char === 0x20 || char === 0x09) && level > 0 && line.charCodeAt(i + 1) === 0x3e) {
      i++;
    } else if (char === 0x20 && level === 0 && i < 3) {
      i++;
    } else {
      break;
    }
  }
  return level;
}

/** The line with one quote level removed: "> > x" becomes "> x", "> x" becomes "x". */
export function stripQuoteLevel(line: string): string {
  const at = line.indexOf(">");
  if (at < 0) return line;
  return line.slice(line.charCodeAt(at + 1) === 0x20 ? at + 2 : at + 1);
}
