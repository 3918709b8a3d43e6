import { createHash } from "node:crypto";
import type { IngestLimits } from "../config.ts";
import { AppError, isAppError } from "../errors.ts";
import { decodeText } from "./decode-text.ts";
import { detectBinaryFormat, detectTextFormat, type FormatKind, SUPPORTED_FORMATS_LINE } from "./detect-format.ts";
import { linkParticipants } from "./link-participants.ts";
import { ParseContext, type ParseInput } from "./parse-context.ts";
import type { ParsedBody } from "./parsed-body.ts";
import type { ParsedSource } from "../domain/source.ts";

type FormatParser = (input: ParseInput, context: ParseContext) => ParsedBody | Promise<ParsedBody>;

// Each format's parser is loaded when the first file of that format arrives: `baton draft` on captions and an
// email does not load the PDF, speech-to-text JSON or mbox parsers (start-up is most of a small draft's time).
const PARSERS: Record<FormatKind, () => Promise<FormatParser>> = {
  pdf: async () => (await import("./pdf/parse-pdf.ts")).parsePdf,
  vtt: async () => (await import("./vtt/parse-vtt.ts")).parseVtt,
  srt: async () => (await import("./srt/parse-srt.ts")).parseSrt,
  sbv: async () => (await import("./srt/parse-sbv.ts")).parseSbv,
  json: async () => (await import("./stt-json/parse-stt-json.ts")).parseSttJson,
  mbox: async () => (await import("./email/parse-mbox.ts")).parseMbox,
  eml: async () => (await import("./email/parse-eml.ts")).parseEml,
  html: async () => (await import("./email/parse-html-document.ts")).parseHtmlDocument,
  "email-body": async () => (await import("./email/parse-email-body.ts")).parseEmailBody,
  markdown: async () => {
    const { parseTextTranscript } = await import("./text/parse-text-transcript.ts");
    return (input, context) => parseTextTranscript(input, context, "markdown");
  },
  text: async () => {
    const { parseTextTranscript } = await import("./text/parse-text-transcript.ts");
    return (input, context) => parseTextTranscript(input, context, "text");
  },
};

/** Stable id of a source: derived from its bytes, so re-uploads and caches line up. */
function sourceIdFor(sha256: string): string {
  return `src_${sha256.slice(0, 16)}`;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Turns one uploaded file into a Source and its Segments.
 * Throws AppError (INVALID_INPUT, UNSUPPORTED_FORMAT, LIMIT_EXCEEDED) with a one-line reason.
 */
export async function parseSource(bytes: Uint8Array, filename: string, limits: IngestLimits): Promise<ParsedSource> {
  checkFileSize(bytes, limits);
  const context = new ParseContext(filename, limits);
  const body = await runParser(bytes, filename, context);
  if (body.segments.length === 0) {
    throw new AppError({ code: "INVALID_INPUT", message: `no text found in this ${body.format} file` });
  }
  const sha256 = sha256Hex(bytes);
  return {
    source: {
      id: sourceIdFor(sha256),
      filename,
      format: body.format,
      sha256,
      text: body.text,
      participants: linkParticipants(body.participants, body.segments),
      ...(body.occurredAt === undefined ? {} : { occurredAt: body.occurredAt }),
      ...(body.title === undefined ? {} : { title: body.title }),
    },
    segments: body.segments,
  };
}

/** Refuses an empty file or one over the size limit, before any parsing. */
export function checkFileSize(bytes: Uint8Array, limits: IngestLimits): void {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new AppError({
      code: "LIMIT_EXCEEDED",
      message: `file is ${bytes.byteLength} bytes, over the limit of ${limits.maxFileBytes} (BATON_MAX_FILE_BYTES)`,
      context: { bytes: bytes.byteLength, limit: limits.maxFileBytes },
    });
  }
  if (bytes.byteLength === 0) throw new AppError({ code: "INVALID_INPUT", message: "file is empty" });
}

async function runParser(bytes: Uint8Array, filename: string, context: ParseContext): Promise<ParsedBody> {
  try {
    if (detectBinaryFormat(bytes) === "pdf") return await (await PARSERS.pdf())({ filename, bytes, text: "" }, context);
    const { text } = decodeText(bytes);
    if (text.trim() === "") throw new AppError({ code: "INVALID_INPUT", message: "file has no text (only whitespace)" });
    const parse = await PARSERS[detectTextFormat(text, filename)]();
    return await parse({ filename, bytes, text }, context);
  } catch (error) {
    if (isAppError(error)) throw error;
    // A parser bug or a library failure on odd input is still the user's one-line answer.
    throw new AppError({
      code: "INVALID_INPUT",
      message: `could not read this file (${SUPPORTED_FORMATS_LINE})`,
      cause: error,
    });
  }
}
