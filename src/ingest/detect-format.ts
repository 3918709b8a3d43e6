import { AppError } from "../errors.ts";
import { looksLikeEmailBody } from "./email/looks-like-email-body.ts";

const FORMAT_KINDS = ["pdf", "vtt", "srt", "sbv", "json", "mbox", "eml", "html", "email-body", "markdown", "text"] as const;
export type FormatKind = (typeof FORMAT_KINDS)[number];

export const SUPPORTED_FORMATS_LINE =
  "supported formats: WebVTT (.vtt), SRT (.srt), SBV, plain text or Markdown transcripts, speech-to-text JSON (AssemblyAI, Deepgram, Amazon Transcribe, Speechmatics, Google, generic), email (.eml, .mbox), HTML email bodies, PDF";

const BINARY_MAGIC: { magic: number[]; name: string }[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: "an Outlook .msg or other OLE file (export the email as .eml)" },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: "a ZIP archive (unpack it and upload the files)" },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], name: "a JPEG image" },
  { magic: [0x1f, 0x8b], name: "a gzip archive" },
];

function startsWithBytes(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((value, i) => bytes[i] === value);
}

/** Finds "%PDF-" within the first KiB, as PDF readers allow leading junk. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/** Rejects known binary containers with a reason; returns "pdf" for PDFs, else null. */
export function detectBinaryFormat(bytes: Uint8Array): "pdf" | null {
  if (looksLikePdf(bytes)) return "pdf";
  for (const { magic, name } of BINARY_MAGIC) {
    if (startsWithBytes(bytes, magic)) {
      throw new AppError({ code: "UNSUPPORTED_FORMAT", message: `this is ${name}; ${SUPPORTED_FORMATS_LINE}` });
    }
  }
  return null;
}

const EMAIL_HEADER =
  /^(from|to|cc|subject|date|received|return-path|mime-version|content-type|message-id|delivered-to|x-[\w-]+|reply-to|sender|dkim-signature|in-reply-to|references|thread-topic|importance):/im;

function looksLikeEmail(head: string): boolean {
  // The header block is everything up to the first blank line; most of its lines must be headers.
  const block = head.split(/\n\s*\n/, 1)[0] ?? "";
  const lines = block.split("\n").filter((l) => l.trim() !== "");
  if (lines.length === 0) return false;
  const headerLines = lines.filter((l) => /^[\w-]+:/.test(l) || /^[ \t]/.test(l));
  const known = lines.filter((l) => EMAIL_HEADER.test(l)).length;
  return known >= 2 && headerLines.length >= lines.length * 0.8;
}

/** Picks the parser for a decoded text file from its content first, its extension second. */
export function detectTextFormat(text: string, filename: string): FormatKind {
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const head = text.slice(0, 64 * 1024).replace(/^\s+/, "");
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return "vtt";
  if (head.startsWith("{") || head.startsWith("[")) {
    if (ext === "json" || looksLikeJson(text)) return "json";
  }
  if (/^From \S+.*\n/.test(head) && looksLikeEmail(head.slice(head.indexOf("\n") + 1))) return "mbox";
  if (looksLikeEmail(head)) return "eml";
  if (/^(?:\d+\s*\n)?\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}/.test(head)) return "srt";
  if (/^\d{1,2}:\d{2}:\d{2}\.\d{3},\d{1,2}:\d{2}:\d{2}\.\d{3}\s*\n/.test(head)) return "sbv";
  if (/^(?:<!doctype html|<html|<head|<body|<div|<p[\s>]|<table|<blockquote|<meta)/i.test(head)) return "html";
  if (ext === "vtt") return "vtt";
  if (ext === "srt") return "srt";
  if (ext === "sbv") return "sbv";
  if (ext === "eml") return "eml";
  if (ext === "mbox") return "mbox";
  if (ext === "html" || ext === "htm") return "html";
  if (ext !== "md" && ext !== "markdown" && looksLikeEmailBody(text)) return "email-body";
  if (ext === "md" || ext === "markdown" || /^(#{1,6} |\*\*[^*\n]+:?\*\*)/m.test(head)) return "markdown";
  return "text";
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
