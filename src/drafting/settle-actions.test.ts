import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../config.ts";
import { createOfflineExtractor } from "../extraction/offline/offline-extractor.ts";
import { parseSource } from "../ingest/parse-source.ts";
import { createDraft } from "./create-draft.ts";

// Hand-written in the shape of a corpus discovery call.
const CALL = `**Participants:**
- Marcus (Northwind Account Executive)
- Jennifer Wu (Director of Sales Operations, TechFlow Inc)

---

**Jennifer:** What's the implementation look like?

**Marcus:** Two weeks from kickoff to live. Week one we do the integration and data sync.
`;

describe("a seller's go-live timeline", () => {
  it("flags “two weeks from kickoff to live” as a promise that looks unrealistic", async () => {
    const parsed = await parseSource(new TextEncoder().encode(CALL), "call.md", DEFAULT_LIMITS);
    const draft = await createDraft([parsed], { extractor: createOfflineExtractor(), now: () => new Date("2024-01-23T00:00:00Z") });
    const promise = draft.items.find((item) => item.citations.some((c) => c.quote === "Two weeks from kickoff to live."));
    expect(promise?.section).toBe("promises");
    expect(promise?.flags).toContain("unrealistic");
    expect(promise?.details).toMatchObject({ looksUnrealistic: true });
  });
});

// Hand-written: an email sent on Monday 2026-01-26.
const MONDAY_EMAIL = `From: Sam Rivera <sam@northwind.example>
To: Elaine Park <elaine@acme.example>
Subject: Pilot plan
Date: Mon, 26 Jan 2026 10:00:00 +0000

Hi Elaine,

I will send you the pilot plan by Tuesday next week.

Sam
`;

describe("a promise due on a weekday of next week", () => {
  it("resolves “by Tuesday next week” said on a Monday to the Tuesday eight days later, not the next day", async () => {
    const parsed = await parseSource(new TextEncoder().encode(MONDAY_EMAIL), "pilot.eml", DEFAULT_LIMITS);
    const draft = await createDraft([parsed], { extractor: createOfflineExtractor(), now: () => new Date("2026-01-27T00:00:00Z") });
    const promise = draft.items.find((item) => item.citations.some((c) => c.quote.includes("by Tuesday next week")));
    expect(promise?.details).toMatchObject({ due: "Tuesday next week", dueDate: "2026-02-03" });
  });
});
