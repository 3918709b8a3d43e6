import { describe, expect, it } from "vitest";
import { htmlBodyToText } from "./html-body-to-text.ts";

describe("htmlBodyToText", () => {
  it("keeps links as text with their web or mail address, and drops images", () => {
    const html =
      '<p>See <a href="https://x.example/plan">the plan</a>, mail <a href="mailto:ana@x.example">Ana</a> or <a href="https://x.example/">https://x.example/</a>.<img src="https://x.example/pixel.gif" alt="tracking pixel"></p>';
    expect(htmlBodyToText(html)).toBe("See the plan [https://x.example/plan], mail Ana [ana@x.example] or https://x.example/.");
    const tracked = `<a href="https://t.example/?${"q".repeat(300)}">Click here</a>`;
    expect(htmlBodyToText(tracked)).toBe("Click here");
  });

  it("lays out a data table as rows and a layout table as blocks", () => {
    const data = "<table><tr><th>Plan</th><th>Seats</th></tr><tr><td>Growth</td><td>120</td></tr></table>";
    expect(htmlBodyToText(data)).toBe("Plan     Seats\nGrowth   120");
    const layout = "<table><tr><td><table><tr><td>Hello</td></tr></table></td><td>World</td></tr></table>";
    expect(htmlBodyToText(layout)).toBe("Hello\n\nWorld");
  });

  it("marks quotes with '> ' and drops labelled signatures", () => {
    const html = '<div>Yes.</div><div class="gmail_signature">Ana Ruiz<br>CFO</div><blockquote type="cite">Can you sign?</blockquote>';
    expect(htmlBodyToText(html)).toBe("Yes.\n\n> Can you sign?");
  });

  it("survives markup nested far deeper than any email", () => {
    const deep = `${"<div>".repeat(50_000)}text${"</div>".repeat(50_000)}`;
    expect(() => htmlBodyToText(deep)).not.toThrow();
    expect(() => htmlBodyToText(`<table><tr><td>${deep}</td></tr></table>`)).not.toThrow();
  });
});
