import type { ParseContext } from "../parse-context.ts";
import { isSpeakerLabel } from "./is-speaker-label.ts";
import { type LineRecord, recognizeLine } from "./recognize-line.ts";

type ClassifiedLines = {
  records: LineRecord[];
  /** How many candidate lines carry each label. */
  labelCounts: Map<string, number>;
  /** How many candidate lines carry a timestamp. */
  timedCount: number;
};

const CHECK_EVERY = 512;
const MEMO_LIMIT = 10_000;

/** isSpeakerLabel with a per-parse memo: the same few labels open thousands of lines. */
function memoizeLabelTest(): (label: string) => boolean {
  const memo = new Map<string, boolean>();
  return (label) => {
    let known = memo.get(label);
    if (known === undefined) {
      known = isSpeakerLabel(label);
      if (memo.size < MEMO_LIMIT) memo.set(label, known);
    }
    return known;
  };
}

/** Classifies every line, joining a bare name line and the timestamp line under it (Otter, Teams). */
export function classifyLines(text: string, markdown: boolean, context: ParseContext): ClassifiedLines {
  const lines = text.split("\n");
  const records: LineRecord[] = new Array(lines.length);
  const labelCounts = new Map<string, number>();
  let timedCount = 0;
  const isLabel = memoizeLabelTest();
  for (let i = 0; i < lines.length; i++) {
    if (i % CHECK_EVERY === 0) context.checkTime();
    let record = recognizeLine(lines[i]!, markdown, isLabel);
    const previous = records[i - 1];
    if (
      record.kind === "candidate" &&
      record.label === null &&
      record.timed &&
      record.text === "" &&
      previous?.kind === "text" &&
      !previous.bullet &&
      isLabel(previous.text)
    ) {
      records[i - 1] = { kind: "skip" };
      record = { ...record, label: previous.text, fallback: `${previous.text}\n${record.fallback}` };
    }
    if (record.kind === "candidate") {
      if (record.timed) timedCount++;
      // A bulleted "- Tom: invite the team" is an action item, not a turn.
      if (record.label !== null && (record.timed || !record.bullet))
        labelCounts.set(record.label, (labelCounts.get(record.label) ?? 0) + 1);
    }
    records[i] = record;
  }
  return { records, labelCounts, timedCount };
}
