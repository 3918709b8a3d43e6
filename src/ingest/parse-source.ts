import { createHash } from "node:crypto";
import type { IngestLimits } from "../config.ts";
import { AppError, isAppError } from "../errors.ts";
import { decodeText } from "./decode-text.ts";
import { detectBinaryFormat, detectTextFormat, type FormatKind, SUPPORTED_FORMATS_LINE } from "./detect-format.ts";
import { parseEmailBody } from "./email/parse-email-body.ts";
import { parseEml } from "./email/parse-eml.ts";
import { parseHtmlDocument } from "./email/parse-html-document.ts";
import { parseMbox } from "./email/parse-mbox.ts";
import { linkParticipants } from "./link-participants.ts";
import { ParseContext, type ParseInput } from "./parse-context.ts";
import type { ParsedBody } from "./parsed-body.ts";
import type { ParsedSource } from "../domain/source.ts";
import { parsePdf } from "./pdf/parse-pdf.ts";
import { parseSbv } from "./srt/parse-sbv.ts";
import { parseSrt } from "./srt/parse-srt.ts";
import { parseSttJson } from "./stt-json/parse-stt-json.ts";
import { parseTextTranscript } from "./text/parse-text-transcript.ts";
import { parseVtt } from "./vtt/parse-vtt.ts";

type FormatParser = (input: ParseInput, context: ParseContext) => ParsedBody | Promise<ParsedBody>;

const PARSERS: Record<FormatKind, FormatParser> = {
  pdf: parsePdf,
  vtt: parseVtt,
  srt: parseSrt,
  sbv: parseSbv,
  json: parseSttJson,
  mbox: parseMbox,
  eml: parseEml,
  html: parseHtmlDocument,
  "email-body": parseEmailBody,
  markdown: (input, context) => parseTextTranscript(input, context, "markdown"),
  text: (input, context) => parseTextTranscript(input, context, "text"),
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
    if (detectBinaryFormat(bytes) === "pdf") return await parsePdf({ filename, bytes, text: "" }, context);
    const { text } = decodeText(bytes);
    if (text.trim() === "") throw new AppError({ code: "INVALID_INPUT", message: "file has no text (only whitespace)" });
    const kind = detectTextFormat(text, filename);
    return await PARSERS[kind]({ filename, bytes, text }, context);
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
