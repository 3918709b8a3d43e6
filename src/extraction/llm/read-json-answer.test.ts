import { describe, expect, it } from "vitest";
import { readJsonAnswer } from "./read-json-answer.ts";

describe("readJsonAnswer", () => {
  const object = { nextSteps: [{ statement: "Kickoff {Spokane}", evidence: [] }] };
  const json = JSON.stringify(object);

  it("finds the object whole, fenced, in prose or after a <think> block", () => {
    for (const text of [
      json,
      `\`\`\`json\n${json}\n\`\`\``,
      `Here it is:\n\`\`\`\n${json}\n\`\`\`\nAnything else?`,
      `Sure! ${json} Hope this helps.`,
      `<think>Which {sections} apply?</think>\n${json}`,
    ]) {
      expect(readJsonAnswer(text), text).toEqual(object);
    }
  });

  it("gives up on text without a parseable object", () => {
    for (const text of ["I cannot help with that.", "{accountOverview: []", "```json\n{ not json }\n```", ""]) {
      expect(readJsonAnswer(text), text).toBeUndefined();
    }
  });
});
