import { expect } from "vitest";
import { z } from "zod";
import type { ParsedSource } from "../../src/domain/source.ts";
import { parseThroughCli, runCapturedCli } from "./run-captured-cli.ts";

/** One quote checked through `baton verify`, with the verdict the rules of issue 5 demand. */
export type VerifyCase = {
  rule: string;
  file: string;
  quote: string;
  segment?: string;
  match: "exact" | "normalized" | "fuzzy" | "unverified";
  /** The source's own text the answer must point at. */
  span?: string;
  /** Every segment the span touches (the first is `segmentId`). */
  segmentIds?: string[];
  reason?: RegExp;
};

const CONTRACT_KEYS = ["match", "charStart", "charEnd", "quote", "segmentId", "speaker", "startMs", "score"];

// docs/contracts.md's answer, closed: any other key is a contract change; segmentIds is the one extension.
export const VerifyAnswerSchema = z.strictObject({
  match: z.enum(["exact", "normalized", "fuzzy", "unverified"]),
  charStart: z.number().int().nonnegative().nullable(),
  charEnd: z.number().int().nonnegative().nullable(),
  quote: z.string().nullable(),
  segmentId: z.string().nullable(),
  speaker: z.string().nullable(),
  startMs: z.number().nullable(),
  score: z.number().min(0).max(1),
  segmentIds: z.array(z.string()).min(2).optional(),
  reason: z.string().min(1).optional(),
});
export type VerifyAnswer = z.infer<typeof VerifyAnswerSchema>;

/** Parses one answer line, checking its keys are the contract's, in the contract's order. */
export function readAnswer(line: string): VerifyAnswer {
  const json = JSON.parse(line) as Record<string, unknown>;
  expect(Object.keys(json).slice(0, CONTRACT_KEYS.length)).toEqual(CONTRACT_KEYS);
  return VerifyAnswerSchema.parse(json);
}

const parsedByPath = new Map<string, Promise<ParsedSource>>();

/** `baton parse FILE --json` of a source, once per file. */
export function parseOnce(path: string): Promise<ParsedSource> {
  let parsed = parsedByPath.get(path);
  if (parsed === undefined) {
    parsed = parseThroughCli(path);
    parsedByPath.set(path, parsed);
  }
  return parsed;
}

/** The argv of `baton verify … --json` for a case. */
export function verifyArgs(testCase: VerifyCase): string[] {
  const segment = testCase.segment === undefined ? [] : ["--segment", testCase.segment];
  return ["verify", "--source", testCase.file, ...segment, "--quote", testCase.quote, "--json"];
}

/** Checks an answer against its case and against the text `baton parse` prints for the file. */
export async function expectAnswerFits(answer: VerifyAnswer, testCase: VerifyCase): Promise<void> {
  expect(answer.match, answer.reason).toBe(testCase.match);
  if (answer.match === "unverified") {
    expect(answer).toMatchObject({ charStart: null, charEnd: null, quote: null, segmentId: null, speaker: null, startMs: null });
    expect(answer.score).toBeLessThan(0.5);
    expect(answer.reason).toBeTruthy();
  } else {
    const { source, segments } = await parseOnce(testCase.file);
    expect(answer.quote).toBe(source.text.slice(answer.charStart!, answer.charEnd!));
    const segment = segments.find((s) => s.id === answer.segmentId);
    expect(segment, `segment ${answer.segmentId}`).toBeDefined();
    expect(answer.charStart!).toBeGreaterThanOrEqual(segment!.charStart);
    expect(answer.charStart!).toBeLessThan(segment!.charEnd);
    expect(answer.speaker).toBe(segment!.speaker);
    expect(answer.startMs).toBe(segment!.startMs);
    expect(answer.score).toBeGreaterThanOrEqual(0.5);
    if (answer.match === "exact") expect(answer.score).toBe(1);
  }
  if (testCase.span !== undefined) expect(answer.quote).toBe(testCase.span);
  if (testCase.segmentIds !== undefined) {
    expect(answer.segmentId).toBe(testCase.segmentIds[0]);
    expect(answer.segmentIds ?? [answer.segmentId]).toEqual(testCase.segmentIds);
  }
  if (testCase.reason !== undefined) expect(answer.reason).toMatch(testCase.reason);
  else if (testCase.segment === undefined && answer.match !== "unverified") expect(answer.reason).toBeUndefined();
}

/** Runs one case through `baton verify --json` in-process: exit 0, one answer line, and the verdict. */
export async function checkVerifyCase(testCase: VerifyCase): Promise<VerifyAnswer> {
  const run = await runCapturedCli(verifyArgs(testCase));
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe("");
  expect(run.stdout).toMatch(/^[^\n]+\n$/);
  const answer = readAnswer(run.stdout);
  await expectAnswerFits(answer, testCase);
  return answer;
}

/** The cases as stdin JSON lines of the batch form. */
export function toBatchLines(cases: VerifyCase[]): string {
  return cases
    .map((testCase) =>
      JSON.stringify({ source: testCase.file, ...(testCase.segment ? { segment: testCase.segment } : {}), quote: testCase.quote }),
    )
    .join("\n");
}
