import type { IngestLimits } from "../config.ts";
import { AppError } from "../errors.ts";
import { ParticipantList } from "./email/participant-list.ts";
import { TextBuilder } from "./text-builder.ts";

/** What every format parser receives: the decoded input, limits and a deadline. */
export type ParseInput = {
  filename: string;
  bytes: Uint8Array;
  /** The bytes decoded as text (BOM removed); empty for binary formats. */
  text: string;
};

export class ParseContext {
  readonly limits: IngestLimits;
  readonly filename: string;
  private readonly deadline: number;

  constructor(filename: string, limits: IngestLimits, now = Date.now()) {
    this.filename = filename;
    this.limits = limits;
    this.deadline = now + limits.parseTimeoutMs;
  }

  /** Throws LIMIT_EXCEEDED once the parse has run past its time budget; call it in loops. */
  checkTime(): void {
    if (Date.now() > this.deadline) {
      throw new AppError({
        code: "LIMIT_EXCEEDED",
        message: `parsing took longer than ${this.limits.parseTimeoutMs} ms (limit BATON_PARSE_TIMEOUT_MS)`,
        context: { limitMs: this.limits.parseTimeoutMs },
      });
    }
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  /** The people list of an email file, held to the per-file limit on distinct people. */
  newParticipantList(): ParticipantList {
    return new ParticipantList(this.limits.maxSpeakers);
  }

  newTextBuilder(): TextBuilder {
    return new TextBuilder(this.limits.maxSegments, this.limits.maxSpeakers);
  }

  /** A one-line INVALID_INPUT error about this file. */
  invalid(reason: string): AppError {
    return new AppError({ code: "INVALID_INPUT", message: reason, context: { filename: this.filename } });
  }
}
