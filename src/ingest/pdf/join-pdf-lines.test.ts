import { describe, expect, it } from "vitest";
import { collectVocabulary, joinLines } from "./join-pdf-lines.ts";

function join(previous: string, next: string, others: string[] = []): string {
  const joint = joinLines(previous, next, collectVocabulary([previous, next, ...others]));
  return `${previous.slice(0, previous.length - joint.dropFromPrevious)}${joint.separator}${next}`;
}

describe("joinLines", () => {
  it("joins ordinary lines with a space", () => {
    expect(join("the growth data and", "consumption data")).toBe("the growth data and consumption data");
  });

  it("drops a hyphen that split a word the document spells whole elsewhere", () => {
    expect(join("a signed agree-", "ment before we start.", ["Send the agreement."])).toBe("a signed agreement before we start.");
  });

  it("keeps a real hyphen at a line break", () => {
    expect(join("Longer-", "term inflation expectations")).toBe("Longer-term inflation expectations");
    expect(join("read-", "only access", ["We need agreement on read-only scope."])).toBe("read-only access");
    expect(join("Anglo-", "Saxon law")).toBe("Anglo-Saxon law");
  });

  it("drops a soft hyphen and joins after an em dash without a space", () => {
    expect(join("implemen\u00ad", "tation")).toBe("implementation");
    expect(join("more about monetary policy—", "about monetary policy")).toBe("more about monetary policy—about monetary policy");
  });

  it("keeps the space around a dash used as punctuation", () => {
    expect(join("it was fast -", "then it slowed")).toBe("it was fast - then it slowed");
  });
});
