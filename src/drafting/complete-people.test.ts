import { describe, expect, it } from "vitest";
import type { DraftItem } from "../domain/item.ts";
import { createOfflineExtractor } from "../extraction/offline/offline-extractor.ts";
import { DEFAULT_LIMITS } from "../config.ts";
import { parseSource } from "../ingest/parse-source.ts";
import { createDraft } from "./create-draft.ts";
import { renderDraftMarkdown } from "./render-draft-markdown.ts";

// Hand-written in the shape of a corpus call: a header names the people with titles, the turns use first names.
const CALL = `# Sales Call Transcript: Discovery Call
**Date:** January 22, 2024
**Participants:**
- Marcus (Northwind Account Executive)
- Jennifer Wu (Director of Sales Operations, TechFlow Inc)
- David Park (Sales Manager, TechFlow Inc)

---

**Marcus:** Hey Jennifer, David, thanks for making time today.

**Jennifer:** Of course. David and I have been talking about this problem for months, so curious to hear what you've seen.

**David:** We went from 18 to 28 reps and our cycles keep getting longer.

**Marcus:** I'd like to do a custom demo for you next week.

**David:** Let's do it. When are you free?

**Marcus:** Tuesday at 3pm works. I'll send the invite.
`;

async function draftOf(text: string) {
  const parsed = await parseSource(new TextEncoder().encode(text), "discovery.md", DEFAULT_LIMITS);
  return createDraft([parsed], { extractor: createOfflineExtractor(), now: () => new Date("2024-01-23T00:00:00Z") });
}

const stakeholder = (items: DraftItem[], name: string) =>
  items.find((item) => item.section === "stakeholders" && item.details?.name === name);

describe("the people map from a call's header", () => {
  it("lists each customer-side participant with title and company, citing what they said", async () => {
    const draft = await draftOf(CALL);
    const jennifer = stakeholder(draft.items, "Jennifer Wu");
    const david = stakeholder(draft.items, "David Park");
    expect(jennifer?.details).toMatchObject({ title: "Director of Sales Operations", company: "TechFlow Inc" });
    expect(jennifer?.citations[0]?.speaker).toBe("Jennifer");
    expect(david?.details).toMatchObject({ title: "Sales Manager", stance: "supportive" });
    expect(david?.citations[0]?.quote).toBe("Let's do it.");
    expect(stakeholder(draft.items, "Marcus")).toBeUndefined();
    expect(draft.gaps.map((g) => g.section)).not.toContain("stakeholders");
  });

  it("names a stakeholder the extractor found by a speaker label in full, with title and company, and their own stance words once", async () => {
    const draft = await draftOf(`${CALL}\n**Jennifer:** I talked to my team about Northwind. That sounds great to all of us.\n`);
    const jennifer = stakeholder(draft.items, "Jennifer Wu");
    expect(jennifer?.statement).toMatch(/^Jennifer Wu, Director of Sales Operations, TechFlow Inc: “/);
    const markdown = renderDraftMarkdown(draft);
    const heading = markdown.split("\n").find((line) => line.startsWith("- Jennifer Wu"));
    expect(heading).toBeDefined();
    // "supportive (Jennifer: “…”)" would quote her own words as someone else's view of her.
    expect(heading).not.toContain("(Jennifer:");
  });

  it("makes the person who says the decision is theirs the decision maker, citing those words", async () => {
    const draft = await draftOf(`${CALL}\n**David:** I'd want Jennifer to weigh in on the process. But the decision is mine.\n`);
    const david = stakeholder(draft.items, "David Park");
    expect(david?.details?.role).toBe("decisionMaker");
    expect(david?.citations.map((c) => c.quote)).toContain("But the decision is mine.");
    expect(stakeholder(draft.items, "Jennifer Wu")?.citations.map((c) => c.quote)).not.toContain("But the decision is mine.");
  });
});
