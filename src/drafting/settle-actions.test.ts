import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../config.ts";
import { createOfflineExtractor } from "../extraction/offline/offline-extractor.ts";
import { parseSource } from "../ingest/parse-source.ts";
import { createDraft } from "./create-draft.ts";

/** The offline draft of hand-written files (text and file name each), drafted on `today`. */
async function draftOf(files: [string, string][], today: string) {
  const parsed = await Promise.all(files.map(([text, name]) => parseSource(new TextEncoder().encode(text), name, DEFAULT_LIMITS)));
  return createDraft(parsed, { extractor: createOfflineExtractor(), now: () => new Date(`${today}T00:00:00Z`) });
}

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
    const draft = await draftOf([[CALL, "call.md"]], "2024-01-23");
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
    const draft = await draftOf([[MONDAY_EMAIL, "pilot.eml"]], "2026-01-27");
    const promise = draft.items.find((item) => item.citations.some((c) => c.quote.includes("by Tuesday next week")));
    expect(promise?.details).toMatchObject({ due: "Tuesday next week", dueDate: "2026-02-03" });
  });
});

// Hand-written in the shape of a corpus call of Monday 2024-01-22: a day picked from the options offered.
const PICKED_DAY_CALL = `# Discovery call
**Date:** January 22, 2024
**Participants:**
- Marcus (Northwind Account Executive)
- Jennifer Wu (Director of Sales Operations, TechFlow Inc)

---

**Marcus:** I've got Tuesday at 3pm or Wednesday at 11am next week.

**Jennifer:** Tuesday at 3 works for both of us.
`;

describe("a day picked from the options offered", () => {
  it("resolves “Tuesday at 3 works” after options “next week” to that week's Tuesday, with the words as said", async () => {
    const draft = await draftOf([[PICKED_DAY_CALL, "call.md"]], "2024-01-23");
    const step = draft.items.find((item) => item.citations.some((c) => c.quote.startsWith("Tuesday at 3 works")));
    expect(step?.details).toMatchObject({ due: "Tuesday", dueDate: "2024-01-30" });
  });
});

// Hand-written: a call of Monday 2026-03-02, then the customer's reply on the Thursday.
const SECURITY_CALL = `WEBVTT

00:00:05.000 --> 00:00:12.000
<v Priya Raman>I'll send Omar the penetration test summary by Friday.

00:00:13.000 --> 00:00:18.000
<v Lena Ortiz>Good. And the sandbox?

00:00:19.000 --> 00:00:26.000
<v Priya Raman>And I'll send Lena our data retention policy by Friday too.
`;
const REPLY = `From: Lena Ortiz <lena@acme.example>
To: Priya Raman <priya@corvala.example>
Subject: Re: security review
Date: Thu, 05 Mar 2026 09:00:00 +0000

Hi Priya,

Omar says the penetration test summary looks fine, but his team still has questions on the data retention policy.

Lena
`;

describe("a promise or step its recipient says they have read", () => {
  it("is done, with the words that say so up to the turn to what is still open", async () => {
    const draft = await draftOf(
      [
        [SECURITY_CALL, "security-call-2026-03-02.vtt"],
        [REPLY, "reply.eml"],
      ],
      "2026-03-10",
    );
    const byQuote = (words: string) => draft.items.find((item) => item.citations.some((c) => c.quote.includes(words)));
    expect(byQuote("penetration test summary by Friday")?.details).toMatchObject({
      status: "done",
      statusEvidence: { quote: "Omar says the penetration test summary looks fine", filename: "reply.eml" },
    });
    // "…but his team still has questions on the data retention policy" is what is still open: it delivers nothing.
    expect(byQuote("data retention policy by Friday")?.details).toMatchObject({ status: "open" });
  });
});

// Hand-written: a discovery call of 2026-01-13 and the signed-order email of 2026-02-03.
const EARLY_CALL = `WEBVTT

00:00:05.000 --> 00:00:12.000
<v Dana Whitlock>Next steps: I'll send a draft proposal by Friday.

00:00:13.000 --> 00:00:20.000
<v Nate Brennan>Good. Can you set up the security call for Tuesday, February 10?
`;
const ORDER_EMAIL = `From: Dana Whitlock <dana@corvala.example>
To: Nate Brennan <nate@kestrel.example>
Subject: Order form
Date: Tue, 03 Feb 2026 10:00:00 +0000

Hi Nate, the order form is signed. Thanks!
`;

describe("a next step due before the deal's latest source", () => {
  it("is past: it belonged to the sale; a step due later stays open", async () => {
    const draft = await draftOf(
      [
        [EARLY_CALL, "discovery-2026-01-13.vtt"],
        [ORDER_EMAIL, "order.eml"],
      ],
      "2026-02-04",
    );
    const steps = draft.items.filter((item) => item.section === "nextSteps");
    const byQuote = (words: string) => steps.find((item) => item.citations.some((c) => c.quote.includes(words)));
    expect(byQuote("draft proposal by Friday")?.details).toMatchObject({ dueDate: "2026-01-16", status: "past" });
    expect(byQuote("security call")?.details).toMatchObject({ dueDate: "2026-02-10", status: "open" });
  });
});

// Hand-written: a seller's email with a promise it says is outside the order form, and one that is not.
const SIDE_PROMISE_EMAIL = `From: Dana Whitlock <dana@corvala.example>
To: Nate Brennan <nate@kestrel.example>
Subject: Migration
Date: Tue, 03 Feb 2026 10:00:00 +0000

Hi Nate,

Our services team will move your old tickets for you at no charge. To be clear, this isn't on the order form, so please treat this email as our commitment.

I'll send the kickoff agenda by Friday.

Dana
`;

describe("a promise its own words put outside the signed paper", () => {
  it("is flagged off-contract; a promise that says nothing of the paper is not", async () => {
    const draft = await draftOf([[SIDE_PROMISE_EMAIL, "migration.eml"]], "2026-02-04");
    const byQuote = (words: string) => draft.items.find((item) => item.citations.some((c) => c.quote.includes(words)));
    const migration = byQuote("move your old tickets");
    expect(migration?.section).toBe("promises");
    expect(migration?.flags).toContain("off-contract");
    expect(byQuote("kickoff agenda")?.flags ?? []).not.toContain("off-contract");
  });
});
