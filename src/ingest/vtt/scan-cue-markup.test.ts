import { describe, expect, it } from "vitest";
import { newMarkupState, scanCueLine } from "./scan-cue-markup.ts";

function scan(...lines: string[]) {
  const state = newMarkupState();
  return { runs: lines.flatMap((line) => scanCueLine(line, state)), state };
}

describe("scanCueLine", () => {
  it("reads the speaker of voice tags, with classes and without closing tags", () => {
    expect(scan("<v Ana Lima>Hello</v>").runs).toEqual([{ voice: "Ana Lima", text: "Hello" }]);
    expect(scan("<v.loud.first Bo>Hey").runs).toEqual([{ voice: "Bo", text: "Hey" }]);
    expect(scan("<v   Ana   Lima  >Hi").runs).toEqual([{ voice: "Ana Lima", text: "Hi" }]);
  });

  it("carries an unclosed voice to the next line of the cue and splits at a voice change", () => {
    expect(scan("<v Ana>First line", "second line <v Bo>reply").runs).toEqual([
      { voice: "Ana", text: "First line" },
      { voice: "Ana", text: "second line " },
      { voice: "Bo", text: "reply" },
    ]);
  });

  it("strips formatting and timing tags and drops ruby annotations", () => {
    const { runs, state } = scan("<c.yellow.bg_blue>a</c> <i>b</i> <00:00:01.000><c>c</c> <ruby>d<rt>dee</rt></ruby>");
    expect(runs.map((run) => run.text).join("")).toBe("a b c d");
    expect(state.timed).toBe(true);
  });

  it("decodes entities after removing tags, so escaped brackets stay text", () => {
    expect(scan("&lt;v Ana&gt; said &amp; left").runs).toEqual([{ voice: null, text: "<v Ana> said & left" }]);
  });

  it("keeps a stray < as text and drops the name of a tag left without its >", () => {
    expect(scan("a < b").runs[0]?.text).toBe("a < b");
    expect(scan("<v It's a blue apple tree!").runs[0]?.text.trim()).toBe("It's a blue apple tree!");
    expect(scan("<<<<").runs[0]?.text).toBe("<<<<");
  });

  it("removes SubStation override codes left by SRT exporters", () => {
    expect(scan("{\\an8}Top line").runs[0]?.text).toBe("Top line");
  });

  it("collapses tabs, non-breaking and doubled spaces", () => {
    expect(scan("a\t\tb\u00a0 c  d").runs[0]?.text).toBe("a b c d");
  });

  it("returns nothing for a blank or tag-only line", () => {
    expect(scan("   ").runs).toEqual([]);
    expect(scan("<i></i>").runs).toEqual([]);
  });
});
