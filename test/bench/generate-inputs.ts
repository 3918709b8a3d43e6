// Large synthetic inputs for throughput benchmarks: realistic line shapes, deterministic content.
const SENTENCES = [
  "We need the Salesforce integration live before the quarter closes, otherwise the board will ask questions.",
  "Honestly the price is higher than what we budgeted for, so I'd need to take it to our CFO.",
  "I'll send over the security questionnaire by Friday and loop in our solutions engineer.",
  "Our reps spend about six hours a week on manual data entry, and it's killing us.",
  "If the pilot shows a ten percent lift in win rates after ninety days, we'll roll it out to everyone.",
];
const SPEAKERS = ["Dana Whitfield", "Marcus Lee", "Priya Raman", "Tom Okafor"];

function line(i: number): string {
  return SENTENCES[i % SENTENCES.length]!;
}

/** A cue timestamp, "hh:mm:ss.mmm" (WebVTT) or "hh:mm:ss,mmm" (SRT). */
export function formatCueTime(ms: number, separator: "." | ","): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const milli = ms % 1000;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(milli, 3)}`;
}

function build(targetBytes: number, piece: (i: number) => string, header = ""): string {
  const parts: string[] = [header];
  let size = header.length;
  for (let i = 0; size < targetBytes; i++) {
    const p = piece(i);
    parts.push(p);
    size += p.length;
  }
  return parts.join("");
}

export function generateVtt(targetBytes: number): string {
  return build(
    targetBytes,
    (i) =>
      `${i + 1}\n${formatCueTime(i * 4000, ".")} --> ${formatCueTime(i * 4000 + 3500, ".")}\n<v ${SPEAKERS[Math.floor(i / 3) % 4]}>${line(i)}</v>\n\n`,
    "WEBVTT\n\n",
  );
}

export function generateSrt(targetBytes: number): string {
  return build(
    targetBytes,
    (i) =>
      `${i + 1}\n${formatCueTime(i * 4000, ",")} --> ${formatCueTime(i * 4000 + 3500, ",")}\n${SPEAKERS[Math.floor(i / 3) % 4]}: ${line(i)}\n\n`,
  );
}

// Text transcripts stamp turns "[hh:mm:ss]" with at most two hour digits: a generated call stays under 100 hours.
const TEXT_MAX_MS = 99 * 3_600_000;

export function generateTextTranscript(targetBytes: number): string {
  // Turns are about 110 bytes: spread them over at most 99 hours, 4 s apart when that fits.
  const stepMs = Math.min(4000, Math.floor(TEXT_MAX_MS / Math.ceil(targetBytes / 100)));
  return build(
    targetBytes,
    (i) => `[${formatCueTime(i * stepMs, ".").slice(0, 8)}] ${SPEAKERS[Math.floor(i / 3) % 4]}: ${line(i)}\n\n`,
    "Call Date: 2026-03-02\nParticipants:\n- Dana Whitfield (VP Operations, Kestrel)\n- Marcus Lee (Account Executive, Baton)\n\n",
  );
}

export function generateMbox(targetBytes: number): string {
  return build(targetBytes, (i) => {
    const from = SPEAKERS[i % 4]!;
    const address = `${from.split(" ")[0]!.toLowerCase()}@example.com`;
    return [
      `From ${address} Mon Mar  2 10:${String(i % 60).padStart(2, "0")}:00 2026`,
      `From: ${from} <${address}>`,
      "To: team@example.com",
      `Subject: Re: rollout plan ${i}`,
      `Date: Mon, 2 Mar 2026 10:${String(i % 60).padStart(2, "0")}:00 +0000`,
      `Message-ID: <m${i}@example.com>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      `${line(i)} ${line(i + 1)}`,
      "",
      `On Mon, 2 Mar 2026 at 09:00, ${SPEAKERS[(i + 1) % 4]} <x@example.com> wrote:`,
      `> ${line(i + 2)}`,
      "",
      "",
    ].join("\n");
  });
}
