import type { ParseContext } from "../parse-context.ts";

/** Walks a text line by line without splitting it into one big array; checks the time budget as it goes. */
export class LineReader {
  private readonly text: string;
  private readonly context: ParseContext;
  private position = 0;
  private count = 0;

  constructor(text: string, context: ParseContext) {
    this.text = text;
    this.context = context;
  }

  /** The next line without its "\n", or null after the last one. */
  next(): string | null {
    if (this.position > this.text.length) return null;
    if ((++this.count & 255) === 0) this.context.checkTime();
    const end = this.text.indexOf("\n", this.position);
    const stop = end === -1 ? this.text.length : end;
    const line = this.text.slice(this.position, stop);
    this.position = stop + 1;
    return line;
  }
}
