import { describe, expect, it } from "vitest";
import type { BriefSourceItem } from "./brief.ts";
import { buildBrief } from "./build-brief.ts";
import { renderBriefMarkdown } from "./render-brief-markdown.ts";

const items: BriefSourceItem[] = [
  {
    id: "itm_1",
    section: "promises",
    statement: "Go-live by 16 March.",
    status: "edited",
    origin: "extracted",
    details: { promisedBy: "Dana Whitlock", due: "2026-03-16" },
    citations: [
      {
        sourceId: "src_1",
        segmentId: "s1",
        speaker: "Dana Whitlock",
        startMs: 207_000,
        quote: "live by March 16th",
        charStart: 0,
        charEnd: 18,
        match: "exact",
        filename: "pricing-call.vtt",
      },
    ],
  },
  {
    id: "itm_2",
    section: "stakeholders",
    statement: "Ray <img src=x onerror=alert(1)> runs [IT](http://evil.test).",
    status: "draft",
    origin: "extracted",
    details: { name: "Ray Tanaka", role: "technicalContact", stance: "neutral" },
    citations: [
      {
        sourceId: "src_2",
        segmentId: "m1",
        speaker: null,
        startMs: null,
        quote: "Ray runs IT",
        charStart: 0,
        charEnd: 11,
        match: "normalized",
        filename: "thread.eml",
      },
    ],
  },
];

const base = {
  deal: { id: "deal_1", account: "Kestrel Ridge Freight", closeDate: "2026-02-06" },
  ae: { id: "usr_ae", name: "Dana Whitlock", email: "dana@vendor.test" },
  csm: null,
  firstApprovedAt: null,
  items,
  gaps: [{ section: "competition" as const, question: "Which alternatives?" }],
  now: new Date("2026-02-10T12:00:00Z"),
};

describe("renderBriefMarkdown", () => {
  it("says DRAFT at the top and on every item of a draft brief", () => {
    const md = renderBriefMarkdown(buildBrief({ ...base, approval: null }));
    expect(md.split("\n")[2]).toMatch(/^> \*\*DRAFT: not yet approved; confirm any item with the AE/);
    const itemLines = md.split("\n").filter((line) => /^\s*- (Go-live|Ray)/.test(line));
    expect(itemLines.length).toBe(2);
    expect(itemLines.every((line) => line.includes("_[DRAFT"))).toBe(true);
    expect(md).toContain("_[DRAFT · edited by the AE]_");
    expect(md).toContain("- **Competitive landscape:** Which alternatives? _[DRAFT]_\n  - _unanswered_");
  });

  it("shows citations with file, speaker and time, and the timeline with overdue steps", () => {
    const md = renderBriefMarkdown(buildBrief({ ...base, approval: { version: 3, approvedAt: "2026-02-07T10:00:00.000Z" } }));
    expect(md).toContain("> Built from approved handoff version 3, approved 2026-02-07T10:00:00.000Z.");
    expect(md).not.toContain("DRAFT");
    // Named in full once in a part of the brief, then by first name.
    expect(md).toContain("  - owner: Dana Whitlock · due: 2026-03-16\n  - “live by March 16th” — pricing-call.vtt, Dana, 3:27");
    expect(md).toContain("“Ray runs IT” — thread.eml (normalized match)");
    // The Due column says when: the step's "(within 24 h)" is not said again (test/http/brief.error.test.ts: without a close date it is).
    expect(md).toContain("| Handoff document complete | AE | by 2026-02-07 | done 2026-02-07T10:00:00.000Z |");
    expect(md).toContain("| Warm introduction email from the AE | AE | by 2026-02-09 | **overdue** |");
  });

  it("marks the opener's quotes of the sources' words and lists those items no more; a statement in other words stays listed", () => {
    const cite = (quote: string, startMs: number) => ({
      sourceId: "src_1",
      segmentId: `s${startMs}`,
      speaker: "Nate Brennan",
      startMs,
      quote,
      charStart: 0,
      charEnd: quote.length,
      match: "exact" as const,
      filename: "discovery-call.vtt",
    });
    const confirm: BriefSourceItem[] = [
      {
        id: "itm_pain",
        section: "whyTheyBought",
        statement: "Customers hear about late freight first.",
        status: "draft",
        origin: "extracted",
        details: { kind: "pain" },
        citations: [cite("our customer finds out before we do", 74_000)],
      },
      {
        id: "itm_goal",
        section: "successCriteria",
        statement: "Goal, per Nate Brennan: “Handle time goes under four minutes.”",
        status: "edited",
        origin: "extracted",
        details: {},
        citations: [cite("Handle time goes under four minutes.", 442_000)],
      },
    ];
    const md = renderBriefMarkdown(buildBrief({ ...base, items: [...items, ...confirm], approval: null }));
    // The opening sentence quotes the pain's source words ([1]); the opener quotes its statement, in other words.
    expect(md).toContain(
      "why now: “our customer finds out before we do” (Nate Brennan) \\[1\\].\n_[1] discovery-call.vtt, 1:14_ _[DRAFT]_",
    );
    expect(md).toContain("I understand you want to fix this: “Customers hear about late freight first”, for Kestrel Ridge Freight");
    expect(md).toContain("success looks like “Handle time goes under four minutes” \\[2\\]. Is that right?_");
    expect(md).toContain("_[2] discovery-call.vtt, Nate Brennan, 7:22 (edited by the AE)_ _[DRAFT]_");
    expect(md).toContain("### What they want\n\n_Quoted above._\n");
    expect(md).toContain("### What success looks like\n\n_Quoted above._\n");
    expect(md).toContain("### For whom (the account)\n\n_Nothing in the handoff._\n");
    expect(md.split("Handle time goes under four minutes").length - 1).toBe(1);

    // A trigger takes the sentence's "why now": the pain, quoted by the opener in other words, is listed with its quote.
    const trigger: BriefSourceItem = {
      ...confirm[0]!,
      id: "itm_trigger",
      statement: "Trigger, per Ray Tanaka: “Support ends March 31st.”",
      details: { kind: "trigger" },
      citations: [{ ...confirm[0]!.citations[0]!, speaker: "Ray Tanaka", startMs: 133_000, quote: "Support ends March 31st." }],
    };
    const withTrigger = renderBriefMarkdown(buildBrief({ ...base, items: [...items, trigger, ...confirm], approval: null }));
    expect(withTrigger).toContain(
      "### What they want\n\n- Customers hear about late freight first. _[DRAFT]_\n  - “our customer finds out before we do” — discovery-call.vtt, Nate, 1:14\n\n",
    );
  });

  it("says an open objection among the risks is one, whether its statement is a label or a model's sentence", () => {
    const objection = (id: string, statement: string, quote: string, startMs: number): BriefSourceItem => ({
      id,
      section: "objections",
      statement,
      status: "draft",
      origin: "extracted",
      details: { raisedBy: "Gloria Mendez", status: "open" },
      citations: [{ ...items[0]!.citations[0]!, speaker: "Gloria Mendez", quote, startMs }],
    });
    const md = renderBriefMarkdown(
      buildBrief({
        ...base,
        items: [
          objection("itm_o1", "Gloria Mendez: “The number is too high.”", "The number is too high", 18_000),
          objection("itm_o2", "The CFO finds the price too high.", "We budgeted eighty thousand", 20_000),
        ],
        approval: null,
      }),
    );
    expect(md).toContain("- Objection from Gloria Mendez: “The number is too high”");
    expect(md).toContain("- Objection: The CFO finds the price too high.");
  });

  it("under a person, shows a quote saying more than the heading; one that only restates it moves its 'where' to the heading", () => {
    const cite = (quote: string, speaker: string, startMs: number) => ({
      sourceId: "src_3",
      segmentId: `c${startMs}`,
      speaker,
      startMs,
      quote,
      charStart: 0,
      charEnd: quote.length,
      match: "exact" as const,
      filename: "intro-call.vtt",
    });
    const person = (id: string, name: string, title: string, quotes: string[], more = {}): BriefSourceItem => ({
      id,
      section: "stakeholders",
      statement: `${name}, ${title} (mentioned by Lee Park): “${quotes.join(" ")}”`,
      status: "draft",
      origin: "extracted",
      details: { name, title, role: "economicBuyer", ...more },
      citations: quotes.map((quote, i) => cite(quote, "Lee Park", 60_000 + i * 1000)),
    });
    const md = renderBriefMarkdown(
      buildBrief({
        ...base,
        items: [
          person("itm_ana", "Ana Ruiz", "CFO", ["Ana Ruiz, our CFO.", "She signs anything over fifty thousand."]),
          // The other quote is the preference the line under the heading shows: it is not shown again.
          person("itm_bo", "Bo Chen", "COO", ["Bo Chen, our COO.", "Text me any time."], { contactPreferences: "Text me any time." }),
        ],
        approval: null,
      }),
    );
    expect(md).toContain(
      "- **Ana Ruiz**, CFO · economic buyer\n  - “She signs anything over fifty thousand.” — intro-call.vtt, Lee Park, 1:01, 1:00 _[DRAFT]_\n",
    );
    expect(md).toContain(
      "- **Bo Chen**, COO · economic buyer — intro-call.vtt, Lee, 1:00, 1:01 _[DRAFT]_\n  - prefers: Text me any time.\n\n",
    );
    expect(md).not.toContain("our COO");
  });

  it("lets a document line's field name stand for its label, and a next step's words name its owner", () => {
    const line = (id: string, section: BriefSourceItem["section"], statement: string, quote: string, details = {}): BriefSourceItem => ({
      id,
      section,
      statement,
      status: "draft",
      origin: "extracted",
      details,
      citations: [
        {
          sourceId: "src_4",
          segmentId: id,
          speaker: null,
          startMs: null,
          quote,
          charStart: 0,
          charEnd: quote.length,
          match: "exact",
          filename: "msa.pdf",
        },
      ],
    });
    const md = renderBriefMarkdown(
      buildBrief({
        ...base,
        items: [
          line("itm_a", "accountOverview", "Contract dates, per msa.pdf: “Renewal date: May 1, 2027”", "Renewal date: May 1, 2027", {
            field: "renewalDate",
          }),
          line("itm_p", "promises", "Commitment in msa.pdf: “Onboarding: three workshops”", "Onboarding: three workshops", {
            promisedBy: "Dana Whitlock",
          }),
          line("itm_n", "nextSteps", "Lee Park, per msa.pdf: “Lee sends the data by May 2”", "Lee sends the data by May 2", {
            owner: "Lee Park",
          }),
        ],
        approval: null,
      }),
    );
    expect(md).toContain("- “Renewal date: May 1, 2027” — msa.pdf _[DRAFT]_\n");
    expect(md).toContain("- “Onboarding: three workshops” — msa.pdf · owner: Dana Whitlock _[DRAFT]_\n");
    expect(md).toContain("- Per msa.pdf: “Lee sends the data by May 2” _[DRAFT]_\n");
  });

  it("neutralises raw HTML and links that come from sources", () => {
    const md = renderBriefMarkdown(buildBrief({ ...base, approval: null }));
    expect(md).not.toContain("<img");
    expect(md).toContain("Ray &lt;img src=x onerror=alert(1)&gt; runs \\[IT\\](http://evil.test).");
  });
});
