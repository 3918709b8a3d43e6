import { describe, expect, it } from "vitest";
import type { Citation } from "../domain/citation.ts";
import type { Draft } from "../domain/draft.ts";
import type { DraftItem } from "../domain/item.ts";
import { renderDraftMarkdown } from "./render-draft-markdown.ts";

const cite = (filename: string, speaker: string | null, startMs: number | null, quote: string): Citation => ({
  sourceId: filename,
  segmentId: `${filename}-${startMs}`,
  speaker,
  startMs,
  quote,
  charStart: 0,
  charEnd: quote.length,
  match: "exact",
  filename,
});

const draftOf = (item: Omit<DraftItem, "id" | "status">): Omit<Draft, "createdAt"> => ({
  extractor: { kind: "offline", model: "test" },
  sources: [],
  items: [{ id: "itm_1", status: "draft", ...item }],
  needsChecking: [],
  gaps: [],
  completeness: { score: 1, sectionsFilled: 1, sectionsTotal: 11 },
  usage: { llmCalls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 },
});

describe("renderDraftMarkdown", () => {
  it("lists the times of hidden quotes in the file of the line above first, without its name", () => {
    const citations = [
      cite("call.vtt", "Ana Gomez", 60_000, "We'll have you live by March 16th."),
      cite("notes.vtt", "Ben Carter", 5_000, "March is tight."),
      cite("notes.vtt", "Ben Carter", 15_000, "Ask about the review."),
      cite("call.vtt", "Ben Carter", 70_000, "That's six weeks."),
      cite("call.vtt", "Ana Gomez", 80_000, "It's tight, I won't pretend it isn't."),
    ];
    const markdown = renderDraftMarkdown(draftOf({ section: "promises", statement: "Ana Gomez (due 2026-03-16)", citations }));
    expect(markdown).toContain("  - “That's six weeks.” — call.vtt, 1:10\n  - also: 1:20; notes.vtt, 0:15\n");
  });

  it("drops a statement's quote cut short at its end when a line below prints that quote whole", () => {
    const promise = "Our onboarding team will move all five years of case history at no cost.";
    const pointer = "To be clear, this isn't in the contract, so please treat this note as our commitment.";
    const markdown = renderDraftMarkdown(
      draftOf({
        section: "promises",
        statement: `Ana Gomez: “${promise} To be clear, this isn't in the contract, so please…”`,
        citations: [cite("note.eml", "Ana Gomez", null, promise), cite("note.eml", "Ana Gomez", null, pointer)],
      }),
    );
    expect(markdown).toContain("- Ana Gomez\n  - “Our onboarding team");
  });

  it("names people in full in the people map and by first name in every other section", () => {
    const draft = draftOf({
      section: "stakeholders",
      statement: "Ana Gomez (CFO)",
      citations: [cite("call.vtt", "Ana Gomez", 0, "I sign.")],
    });
    draft.items.unshift({
      id: "itm_0",
      status: "draft",
      section: "accountOverview",
      statement: "Seats, per Ana Gomez",
      citations: [cite("call.vtt", "Ana Gomez", 5_000, "We need 40 seats.")],
    });
    draft.items.push({
      id: "itm_2",
      status: "draft",
      section: "redFlags",
      statement: "Budget risk, per Ana Gomez",
      citations: [cite("call.vtt", "Ana Gomez", 9_000, "Money is tight.")],
    });
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain("- Seats, per Ana Gomez\n");
    expect(markdown).toContain("- Ana Gomez (CFO)\n");
    expect(markdown).toContain("- Budget risk, per Ana\n");
  });

  it("lists no “also” for a document a shown line is already from: it would point nowhere new", () => {
    const citations = [
      cite("call.vtt", "Ben Carter", 1000, "We'll train the pod leads on site."),
      cite("form.pdf", null, null, "Training: two days on site"),
      cite("form.pdf", null, null, "Recorded sessions for terminal staff"),
      cite("form.pdf", null, null, "Trainer travel included"),
    ];
    const markdown = renderDraftMarkdown(draftOf({ section: "promises", statement: "Ben Carter", citations }));
    expect(markdown).toContain("  - “Recorded sessions for terminal staff”\n\n");
    expect(markdown).not.toContain("also:");
  });

  it("names who said a line when the heading's person speaks again after someone else", () => {
    const citations = [
      cite("call.vtt", "Ana Gomez", 1000, "Service Cloud is what IT wants."),
      cite("call.vtt", "Ben Carter", 2000, "It would be cheaper."),
      cite("call.vtt", "Ana Gomez", 3000, "Cheaper until you count the integration."),
    ];
    const markdown = renderDraftMarkdown(draftOf({ section: "objections", statement: "Service Cloud, per Ana Gomez", citations }));
    expect(markdown).toContain(
      "— call.vtt, 0:01\n  - “It would be cheaper.” — Ben Carter, 0:02\n  - “Cheaper until you count the integration.” — Ana, 0:03\n",
    );
  });
});
