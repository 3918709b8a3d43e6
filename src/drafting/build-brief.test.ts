import { describe, expect, it } from "vitest";
import type { BriefInput, BriefSourceItem } from "./brief.ts";
import { buildBrief } from "./build-brief.ts";
import type { Citation } from "../domain/citation.ts";
import { renderBriefMarkdown } from "./render-brief-markdown.ts";

const NOW = new Date("2026-02-10T12:00:00Z");

function cite(quote: string, match: Citation["match"] = "exact", speaker: string | null = "Nate Brennan"): Citation {
  return {
    sourceId: "src_call",
    segmentId: "seg-1",
    speaker,
    startMs: 74_000,
    quote,
    charStart: 0,
    charEnd: quote.length,
    match,
    filename: "call.vtt",
  };
}

let counter = 0;
function item(section: BriefSourceItem["section"], statement: string, extra: Partial<BriefSourceItem> = {}): BriefSourceItem {
  counter += 1;
  return {
    id: `itm_${counter}`,
    section,
    statement,
    citations: [cite(statement)],
    status: "draft",
    origin: "extracted",
    details: {},
    ...extra,
  };
}

function input(items: BriefSourceItem[], extra: Partial<BriefInput> = {}): BriefInput {
  return {
    deal: { id: "deal_1", account: "Kestrel Ridge Freight", closeDate: "2026-02-06" },
    ae: { id: "usr_ae", name: "Dana Whitlock", email: "dana@vendor.test" },
    csm: { id: "usr_csm", name: "Sam Okafor", email: "sam@vendor.test" },
    approval: null,
    firstApprovedAt: null,
    items,
    gaps: [],
    now: NOW,
    ...extra,
  };
}

/** Every object in the brief that carries an item id. */
function allItems(value: unknown): { itemId: string; basis: string }[] {
  if (Array.isArray(value)) return value.flatMap(allItems);
  if (value === null || typeof value !== "object") return [];
  const own = "itemId" in value ? [value as { itemId: string; basis: string }] : [];
  return [...own, ...Object.values(value).flatMap(allItems)];
}

const SAMPLE: BriefSourceItem[] = [
  item("whyTheyBought", "Customers learn about late shipments before Kestrel Ridge does.", { details: { kind: "pain" } }),
  item("successCriteria", "At 90 days, handle time drops from eleven minutes to under four.", { details: { horizon: "90days" } }),
  item("stakeholders", "Nate Brennan champions the purchase.", {
    details: {
      name: "Nate Brennan",
      title: "Director of Customer Service",
      role: "champion",
      stance: "supportive",
      contactPreferences: "text for anything quick",
    },
  }),
  item("promises", "The AE promised go-live by 16 March.", {
    details: {
      what: "go-live by 16 March",
      promisedBy: "Dana Whitlock",
      promisedTo: "Elaine Kovac",
      due: "2026-03-16",
      looksUnrealistic: true,
    },
    flags: ["unrealistic"],
  }),
  item("nextSteps", "Kickoff is on 17 February in Spokane.", {
    details: { action: "kickoff in Spokane", owner: "Sam Okafor", due: "2026-02-17" },
  }),
];

describe("buildBrief", () => {
  it("marks a brief from the unapproved draft at the top and on every item", () => {
    const brief = buildBrief(input(SAMPLE, { gaps: [{ section: "competition", question: "Which alternatives?" }] }));
    expect(brief.status).toBe("draft");
    expect(brief.version).toBeNull();
    expect(brief.notice).toMatch(/^DRAFT/);
    const items = allItems(brief);
    expect(new Set(items.map((i) => i.itemId))).toEqual(new Set(SAMPLE.map((i) => i.id)));
    expect(items.every((i) => i.basis === "draft")).toBe(true);
    expect(brief.stakeholders.every((s) => s.basis === "draft")).toBe(true);
    expect(brief.openQuestions.every((q) => q.basis === "draft")).toBe(true);
    expect(brief.introEmail.basis).toBe("draft");
  });

  it("states the approved version and its approval time", () => {
    const approved = SAMPLE.map((i) => ({ ...i, status: "approved" as const }));
    const brief = buildBrief(
      input(approved, { approval: { version: 2, approvedAt: "2026-02-07T09:00:00.000Z" }, firstApprovedAt: "2026-02-06T18:00:00.000Z" }),
    );
    expect(brief).toMatchObject({ status: "approved", version: 2, approvedAt: "2026-02-07T09:00:00.000Z" });
    expect(brief.notice).toContain("version 2");
    expect(allItems(brief).every((i) => i.basis === "approved")).toBe(true);
    const document = brief.timeline.milestones.find((m) => m.key === "document")!;
    expect(document).toMatchObject({ state: "done", doneAt: "2026-02-06T18:00:00.000Z", late: false });
  });

  it("uses only verified items: never rejected, never needs-checking, never an unverified quote", () => {
    const brief = buildBrief(
      input([
        item("promises", "Rejected promise.", { status: "rejected", details: { promisedBy: "Dana" } }),
        item("promises", "Unchecked promise.", { needsChecking: true }),
        item("promises", "Made-up promise.", { citations: [cite("never said", "unverified")] }),
        item("promises", "Half-verified promise.", { citations: [cite("real words", "fuzzy"), cite("invented words", "unverified")] }),
        item("promises", "The AE's own promise.", { origin: "ae", citations: [], status: "approved" }),
      ]),
    );
    expect(brief.promises.map((p) => p.statement)).toEqual(["Half-verified promise.", "The AE's own promise."]);
    expect(brief.promises[0]!.citations).toEqual([
      {
        file: "call.vtt",
        sourceId: "src_call",
        speaker: "Nate Brennan",
        time: "1:14",
        startMs: 74_000,
        quote: "real words",
        match: "fuzzy",
      },
    ]);
    expect(brief.promises[1]).toMatchObject({ origin: "ae", reviewStatus: "approved", citations: [] });
  });

  it("lists promises with owner, due date and whether they look unrealistic", () => {
    const [promise] = buildBrief(input(SAMPLE)).promises;
    expect(promise).toMatchObject({ owner: "Dana Whitlock", promisedTo: "Elaine Kovac", due: "2026-03-16", unrealistic: true });
  });

  it("writes an opener quoting what they want, for whom, and what success looks like", () => {
    const { confirm } = buildBrief(input(SAMPLE));
    expect(confirm.opener).toBe(
      "I understand you want to fix this: “Customers learn about late shipments before Kestrel Ridge does”, for Kestrel Ridge Freight, " +
        "with Nate Brennan as your champion, and success looks like " +
        "“At 90 days, handle time drops from eleven minutes to under four”. Is that right?",
    );
    expect(confirm.openerItemIds).toEqual([SAMPLE[0]!.id, SAMPLE[2]!.id, SAMPLE[1]!.id]);
    expect(confirm.whatTheyWant).toHaveLength(1);
    expect(confirm.successLooksLike).toHaveLength(1);
  });

  it("quotes the customer's words when a statement only frames a quote", () => {
    const framed = item("whyTheyBought", "Pain, per Nate Brennan: “We can't hire our way out of the call volume.”", {
      details: { kind: "pain" },
      citations: [cite("We can't hire our way out of the call volume.")],
    });
    expect(buildBrief(input([framed])).confirm.opener).toBe(
      "I understand you want to fix this: “We can't hire our way out of the call volume”, for Kestrel Ridge Freight. Is that right?",
    );
    expect(buildBrief(input([])).confirm.opener).toBeNull();
  });

  it("merges stakeholder items per person, keeping the most telling role and every citation", () => {
    const { stakeholders } = buildBrief(
      input([
        item("stakeholders", "Gloria signs.", { details: { name: "Gloria Mendez", role: "other", stance: "skeptical" } }),
        item("stakeholders", "Gloria is the CFO.", {
          details: { name: "gloria  mendez", title: "CFO", role: "economicBuyer", stance: "supportive" },
        }),
        item("stakeholders", "Someone in logistics said so.", { details: {} }),
      ]),
    );
    expect(stakeholders).toHaveLength(2);
    expect(stakeholders[0]).toMatchObject({
      name: "Gloria Mendez",
      title: "CFO",
      role: "economicBuyer",
      stance: "mixed",
      stances: ["skeptical", "supportive"],
    });
    expect(stakeholders[0]!.items.map((i) => i.citations.length)).toEqual([1, 1]);
    expect(stakeholders[1]).toMatchObject({ name: null, role: null, stance: "unknown" });
  });

  it("collects risks: red flags, contradictions, unresolved objections and politics, each shown once", () => {
    const shared = cite("Vince is still not sold.");
    const brief = buildBrief(
      input([
        item("objections", "Price was too high.", { details: { resolved: "partly", answer: "18% discount" } }),
        item("objections", "No inbound port.", { details: { resolved: "yes" } }),
        item("politicalDynamics", "Vince is not sold.", { citations: [shared], details: { involves: ["Vince Caruso"] } }),
        item("accountOverview", "Seats: 120 vs 150.", { flags: ["contradiction"] }),
        item("redFlags", "Sponsor retires in April.", { details: { severity: "low", risk: "departing sponsor" } }),
        item("redFlags", "Vince could turn it off.", { citations: [shared], details: { severity: "high" } }),
      ]),
    );
    expect(brief.risks.map((r) => [r.reason, r.statement])).toEqual([
      ["redFlag", "Vince could turn it off."],
      ["redFlag", "Sponsor retires in April."],
      ["contradiction", "Seats: 120 vs 150."],
      ["unresolvedObjection", "Price was too high."],
    ]);
    expect(brief.risks[0]!.alsoListedAs).toEqual(["politicalDynamics"]);
    expect(brief.risks[3]!.detail).toBe("resolved: partly; answered with: 18% discount");
  });

  it("lists gaps as open questions, showing the AE's answers as the AE's", () => {
    const brief = buildBrief(
      input(SAMPLE, {
        gaps: [
          { section: "competition", question: "Which alternatives did they evaluate?" },
          {
            section: "redFlags",
            question: "Any risks?",
            answer: { answer: "None known.", answeredBy: "usr_ae", answeredAt: "2026-02-07T10:00:00.000Z" },
          },
        ],
      }),
    );
    expect(brief.openQuestions).toEqual([
      {
        section: "competition",
        title: "Competitive landscape",
        question: "Which alternatives did they evaluate?",
        basis: "draft",
        state: "unanswered",
        aeSays: null,
        answeredAt: null,
      },
      {
        section: "redFlags",
        title: "Red flags and risks",
        question: "Any risks?",
        basis: "draft",
        state: "answeredByAe",
        aeSays: "None known.",
        answeredAt: "2026-02-07T10:00:00.000Z",
      },
    ]);
  });

  it("builds the kickoff agenda and takes the kickoff date from a next step", () => {
    const brief = buildBrief(input(SAMPLE));
    expect(brief.kickoffAgenda.map((s) => s.key)).toEqual(["goals", "timeline", "contacts", "nextSteps", "successCriteria"]);
    const contacts = brief.kickoffAgenda.find((s) => s.key === "contacts")!;
    expect(contacts.points.join(" ")).toContain("Sam Okafor (CSM, sam@vendor.test)");
    // Who is who is the stakeholder list's: the agenda points to it instead of listing the people again.
    expect(contacts.points).toContain("Customer side: confirm each stakeholder's role.");
    expect(contacts.points.join(" ")).not.toContain("Nate Brennan");
    const timeline = brief.kickoffAgenda.find((s) => s.key === "timeline")!;
    expect(timeline.itemIds).toEqual([SAMPLE[3]!.id]);
    expect(brief.kickoffAgenda.find((s) => s.key === "nextSteps")!.itemIds).toEqual([SAMPLE[4]!.id]);
    expect(brief.nextSteps[0]).toMatchObject({ owner: "Sam Okafor", due: "2026-02-17", citations: [{ quote: SAMPLE[4]!.statement }] });
    expect(brief.timeline.milestones.find((m) => m.key === "kickoff")!.scheduledFor).toBe("2026-02-17");
  });

  it("reads a kickoff date written out in words, and shows it outside the day 5-7 window", () => {
    const kickoff = item("nextSteps", "Kickoff is on the calendar for Tuesday, February 17.", { details: { due: "Tuesday, February 17" } });
    const brief = buildBrief(input([kickoff]));
    expect(brief.timeline.milestones.find((m) => m.key === "kickoff")).toMatchObject({ scheduledFor: "2026-02-17", dueBy: "2026-02-13" });
    expect(brief.introEmail.body).toContain("Sam will lead the kickoff on 2026-02-17.");
    expect(renderBriefMarkdown(brief)).toContain(
      "| CSM-led kickoff | CSM | 2026-02-11 to 2026-02-13 (scheduled 2026-02-17, **outside this window**) |",
    );
  });

  it("drafts a warm introduction naming the CSM and the customer's contacts, inventing nothing", () => {
    const items = [...SAMPLE, item("stakeholders", "Ray runs IT.", { details: { name: "Ray Tanaka", role: "technicalContact" } })];
    const email = buildBrief(input(items)).introEmail;
    expect(email).toMatchObject({ sendBy: "2026-02-09", to: ["Nate Brennan"], cc: ["Sam Okafor"], missing: [] });
    expect(email.body).toMatch(/^Hi Nate,/);
    expect(email.body).toContain("I'd like to introduce Sam Okafor (sam@vendor.test)");
    expect(email.body).toContain("Sam already knows the story");
    expect(email.body).toContain("Sam will also be working with Ray.");
    expect(email.body).toContain("Sam will lead the kickoff on 2026-02-17.");
    expect(email.body).toMatch(/Dana Whitlock$/);
    // Nothing the items say about the customer's business leaks into a customer-facing email.
    expect(email.body).not.toMatch(/late shipments|eleven minutes|16 March|unrealistic/);
    // The preference is the AE's own knowledge and shown under Nate in the brief: the notes do not repeat it.
    expect(email.notesForAe.join(" ")).not.toContain("text for anything quick");
  });

  it("calls the addressee's colleagues by first name, in full when two share one", () => {
    const items = [
      ...SAMPLE,
      item("stakeholders", "Ray runs IT.", { details: { name: "Ray Tanaka", role: "technicalContact" } }),
      item("stakeholders", "Ray runs the terminals.", { details: { name: "Ray Olsen", role: "endUser" } }),
      item("stakeholders", "Gloria signs.", { details: { name: "Gloria Mendez", role: "economicBuyer" } }),
    ];
    expect(buildBrief(input(items)).introEmail.body).toContain("Sam will also be working with Ray Tanaka, Ray Olsen and Gloria.");
  });

  it("leaves visible blanks in the email when the CSM or the contacts are unknown", () => {
    const email = buildBrief(input([], { csm: null })).introEmail;
    expect(email.body).toContain("Hi [customer contact],");
    expect(email.body).toContain("[CSM name] already knows the story");
    expect(email.missing).toHaveLength(2);
    expect(email.cc).toEqual([]);
  });
});
