const BARE_LABEL = /^(?:[A-Za-z]|\d{1,4})$/;
const MAX_LABEL_LENGTH = 120;

/**
 * The speaker label a segment carries. Vendors' diarization ids that are a single letter or a
 * bare number (AssemblyAI "A", Deepgram 0, Google speakerTag 1) read as "Speaker A" /
 * "Speaker 0" / "Speaker 1" in every shape, so a citation never shows a lone "A"; any other label
 * ("spk_0", "S1", "F4", "Project Manager", "CSR") is kept exactly as written. The original id is
 * kept on the participant's `labels`.
 */
export function labelSpeaker(raw: unknown): string | null {
  let label: string;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return null;
    label = String(raw);
  } else if (typeof raw === "string") {
    label = raw.replace(/\s+/g, " ").trim();
  } else {
    return null;
  }
  if (label === "") return null;
  if (BARE_LABEL.test(label)) return `Speaker ${label}`;
  return label.length > MAX_LABEL_LENGTH ? label.slice(0, MAX_LABEL_LENGTH) : label;
}
