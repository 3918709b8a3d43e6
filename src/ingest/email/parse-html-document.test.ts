import { describe, expect, it } from "vitest";
import { emailInput, testContext } from "../../../test/support/email-input.ts";
import { parseHtmlDocument } from "./parse-html-document.ts";

describe("parseHtmlDocument", () => {
  it("separates a Gmail reply from its gmail_quote and keeps the quoted sender", async () => {
    const html =
      '<div dir="ltr">Hi. I am fine.<br><br>Thanks,<br>Alex</div><div class="gmail_quote">On Thu, Jun 26, 2014 at 2:14 PM, Alexander L &lt;<a href="mailto:a@x.example">a@x.example</a>&gt; wrote:<br><blockquote class="gmail_quote" style="border-left:1px #ccc solid">Hello! How are you?<br><br>Thanks,<br>Sasha.</blockquote></div>';
    const body = await parseHtmlDocument(emailInput(html, "reply.html"), testContext());
    expect(body.format).toBe("html");
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Alexander L", "Hello! How are you?"],
      [null, "Hi. I am fine."],
    ]);
    expect(body.participants).toEqual([{ name: "Alexander L", email: "a@x.example" }]);
  });

  it("treats an Outlook header block after a rule as the start of the quoted message", async () => {
    const html =
      "<p>Approved.</p><hr><p><b>From:</b> Ray Tanaka [mailto:ray@k.example]<br><b>Sent:</b> Thursday, February 5, 2026 1:36 PM<br><b>To:</b> Nate<br><b>Subject:</b> SOC 2</p><p>The report looks fine.</p>";
    const body = await parseHtmlDocument(emailInput(html, "reply.html"), testContext());
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Ray Tanaka", "The report looks fine."],
      [null, "Approved."],
    ]);
  });

  it("reads an Outlook on the web divRplyFwdMsg block as the quoted sender's header", async () => {
    const html =
      '<div>We can start on the 17th.</div><div id="divRplyFwdMsg" dir="ltr"><font><b>From:</b> Vince Ortega &lt;vince@k.example&gt;<br><b>Sent:</b> Monday, February 9, 2026 4:00 PM<br><b>To:</b> Dana<br><b>Subject:</b> Kickoff</font><div>&nbsp;</div></div><div>Which date works for the kickoff?</div>';
    const body = await parseHtmlDocument(emailInput(html, "reply.htm"), testContext());
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Vince Ortega", "Which date works for the kickoff?"],
      [null, "We can start on the 17th."],
    ]);
  });

  it("keeps a Gmail indent (borderless blockquote) as the reply's own text", async () => {
    const html = '<div>Our terms:<blockquote style="margin:0 0 0 40px;border:none;padding:0px">Net 45, annual billing.</blockquote></div>';
    const body = await parseHtmlDocument(emailInput(html, "note.html"), testContext());
    expect(body.text).toBe("Our terms:\n\nNet 45, annual billing.");
  });

  it("decodes the charset a <meta> declares when the bytes are not UTF-8", async () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>Привет</p></body></html>';
    const bytes = new Uint8Array([...html].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : c.charCodeAt(0) - 0x410 + 0xc0)));
    expect((await parseHtmlDocument(emailInput(bytes, "note.html"), testContext())).text).toBe("Привет");
  });
});
