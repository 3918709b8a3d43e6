import { describe, expect, it } from "vitest";
import { MAX_HTML_NESTING } from "./check-html-nesting.ts";
import { htmlBodyToText } from "./html-body-to-text.ts";

describe("htmlBodyToText", () => {
  it("keeps links as text with their web or mail address, and drops images", async () => {
    const html =
      '<p>See <a href="https://x.example/plan">the plan</a>, mail <a href="mailto:ana@x.example">Ana</a> or <a href="https://x.example/">https://x.example/</a>.<img src="https://x.example/pixel.gif" alt="tracking pixel"></p>';
    expect(await htmlBodyToText(html)).toBe("See the plan [https://x.example/plan], mail Ana [ana@x.example] or https://x.example/.");
    const tracked = `<a href="https://t.example/?${"q".repeat(300)}">Click here</a>`;
    expect(await htmlBodyToText(tracked)).toBe("Click here");
  });

  it("lays out a data table as rows and a layout table as blocks", async () => {
    const data = "<table><tr><th>Plan</th><th>Seats</th></tr><tr><td>Growth</td><td>120</td></tr></table>";
    expect(await htmlBodyToText(data)).toBe("Plan     Seats\nGrowth   120");
    const layout = "<table><tr><td><table><tr><td>Hello</td></tr></table></td><td>World</td></tr></table>";
    expect(await htmlBodyToText(layout)).toBe("Hello\n\nWorld");
  });

  it("marks quotes with '> ' and drops labelled signatures", async () => {
    const html = '<div>Yes.</div><div class="gmail_signature">Ana Ruiz<br>CFO</div><blockquote type="cite">Can you sign?</blockquote>';
    expect(await htmlBodyToText(html)).toBe("Yes.\n\n> Can you sign?");
  });

  it("converts markup nested as deep as the limit, and refuses deeper markup before parsing it, naming the limit", async () => {
    const nested = (levels: number, inner = "text") => `${"<div>".repeat(levels)}${inner}${"</div>".repeat(levels)}`;
    await expect(htmlBodyToText(nested(MAX_HTML_NESTING))).resolves.toBeTypeOf("string");
    await expect(htmlBodyToText(`<table><tr><td>${nested(MAX_HTML_NESTING - 3)}</td></tr></table>`)).resolves.toBeTypeOf("string");
    for (const levels of [MAX_HTML_NESTING + 1, 1_000_000]) {
      await expect(htmlBodyToText(nested(levels))).rejects.toMatchObject({
        code: "LIMIT_EXCEEDED",
        message: `HTML nested deeper than 1000 elements (limit: HTML nesting depth 1000)`,
      });
    }
  });

  it("counts only elements that hold others: void tags, self-closed ones, paragraphs left open, comments and scripts add no depth", async () => {
    const text = (count: number, part: string) => part.repeat(count);
    const sloppy = `${text(3000, "<p>line<br><img src=x>")}${text(3000, "<o:p/>")}<!-- ${text(3000, "<div>")} -->`;
    expect(await htmlBodyToText(sloppy)).toContain("line");
    const script = `<script>${text(3000, "<div>")}</script><style>${text(3000, "<span>")}</STYLE><p>after</p>`;
    expect(await htmlBodyToText(script)).toBe("after");
  });
});
