import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import { mergeSameClaimsByScan } from "../../test/support/merge-by-scan.ts";
import type { Citation } from "../domain/citation.ts";
import { SECTION_KEYS, type SectionKey } from "../domain/sections.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { mergeSameClaims } from "./merge-same-claims.ts";

const CALL = buildParsedSource({
  id: "src_call",
  filename: "call.txt",
  turns: Array.from({ length: 8 }, (_, turn) => [turn % 2 === 0 ? "Dana" : "Marcus", `Turn ${turn + 1}.`] as const),
  participants: [{ name: "Dana Whitlock" }, { name: "Marcus Lee" }],
});
const ORDER_FORM = buildParsedSource({
  id: "src_form",
  filename: "order-form.txt",
  turns: [
    [null, "Seats: 150"],
    [null, "Price: $490"],
  ],
});
const SOURCES = [CALL, ORDER_FORM];

const cite = (sourceId: string, segmentId: string, quote: string, match: Citation["match"] = "exact"): Citation => ({
  sourceId,
  segmentId,
  speaker: segmentId === "s1" || segmentId === "s3" ? "Dana" : "Marcus",
  startMs: null,
  quote,
  charStart: Number(segmentId.slice(1)) * 100,
  charEnd: Number(segmentId.slice(1)) * 100 + quote.length,
  match,
});

const item = (section: SectionKey, citations: Citation[], details: Record<string, unknown> = {}, flags?: string[]): GroundedCandidate => ({
  section,
  statement: citations.map((c) => c.quote).join(" "),
  details,
  evidence: citations.map((c) => ({ quote: c.quote, sourceId: c.sourceId, segmentId: c.segmentId })),
  citations,
  ...(flags ? { flags } : {}),
});

describe("mergeSameClaims", () => {
  it("joins a reply pointing back to the request in the turn before, and a person named in full and by first name", () => {
    const merged = mergeSameClaims(
      [
        item("nextSteps", [cite("src_call", "s1", "Can you send the security questionnaire?")]),
        item("stakeholders", [cite("src_call", "s3", "Dana runs dispatch.")], { name: "Dana" }),
        item("promises", [cite("src_call", "s2", "You'll have it by Monday.")]),
        item("stakeholders", [cite("src_call", "s5", "Dana Whitlock signs.")], { name: "Dana Whitlock" }),
      ],
      SOURCES,
    );
    expect(merged.map((m) => m.citations.map((c) => c.segmentId))).toEqual([
      ["s1", "s2"],
      ["s3", "s5"],
    ]);
  });

  it("joins a reply that will get the thing asked for over, in the turn after the request", () => {
    const merged = mergeSameClaims(
      [
        item("nextSteps", [cite("src_call", "s1", "Send me the pilot proposal.")]),
        item("promises", [cite("src_call", "s2", "I'll get that over to you today.")]),
      ],
      SOURCES,
    );
    expect(merged.map((m) => m.citations.map((c) => c.segmentId))).toEqual([["s1", "s2"]]);
  });

  it("joins a yes to a request in the next turn, and not a yes to a statement", () => {
    const merged = mergeSameClaims(
      [
        item("nextSteps", [cite("src_call", "s1", "Before we hang up, can you send me access to a sample deal or two?")]),
        item("nextSteps", [cite("src_call", "s2", "Sure, I'll send you a couple of opportunities after this call.")]),
        item("nextSteps", [cite("src_call", "s3", "We'll book the training for the pod leads.")]),
        item("nextSteps", [cite("src_call", "s4", "Yes, I'll ask the dispatchers to join.")]),
      ],
      SOURCES,
    );
    expect(merged.map((m) => m.citations.map((c) => c.segmentId))).toEqual([["s1", "s2"], ["s3"], ["s4"]]);
  });

  it("joins two lines about someone known only by the same title, and keeps other titles apart", () => {
    const merged = mergeSameClaims(
      [
        item("stakeholders", [cite("src_call", "s1", "Our CEO approved the budget.")], { name: null, title: "CEO" }),
        item("stakeholders", [cite("src_call", "s3", "It needs CEO sign-off.")], { name: null, title: "ceo" }),
        item("stakeholders", [cite("src_call", "s5", "Our CFO signs over fifty thousand.")], { name: null, title: "CFO" }),
      ],
      SOURCES,
    );
    expect(merged.map((m) => m.citations.map((c) => c.segmentId))).toEqual([["s1", "s3"], ["s5"]]);
  });

  it("gives a merged goal the horizon one of its lines states, over an unspecified one", () => {
    const merged = mergeSameClaims(
      [
        item("successCriteria", [cite("src_call", "s1", "Handle time goes from eleven minutes to under four minutes.")], {
          horizon: "unspecified",
        }),
        item("successCriteria", [cite("src_call", "s3", "Handle time under four minutes by the end of ninety days.")], {
          horizon: "90days",
        }),
      ],
      SOURCES,
    );
    expect(merged.map((m) => [m.citations.length, m.details.horizon])).toEqual([[2, "90days"]]);
  });

  it("names one actor on a step joined with a promise: the promiser of a promise, the owner of a step", () => {
    const [merged] = mergeSameClaims(
      [
        item("nextSteps", [cite("src_call", "s1", "Can you send the security questionnaire?")], { owner: "Dana Whitlock", due: null }),
        item("promises", [cite("src_call", "s2", "You'll have it by Monday.")], { promisedBy: "Marcus Lee", due: "Monday" }),
      ],
      SOURCES,
    );
    const actors = [merged!.details.owner, merged!.details.promisedBy].filter((name) => name !== undefined);
    expect({ section: merged!.section, actors, due: merged!.details.due }).toEqual({
      section: "nextSteps",
      actors: ["Dana Whitlock"],
      due: "Monday",
    });
  });

  it("keeps two promises apart that share only the deal's company name, a team and a negation", () => {
    // "Northwind" names the seller in most of what either side says; "isn't" is "not", too short to count.
    const note = buildParsedSource({
      id: "src_note",
      filename: "note.eml",
      turns: [
        ["Dana", "Northwind's services team will do the data migration for you at no charge."],
        ["Dana", "To be clear, this isn't on the order form."],
        ["Marcus", "Turn 3."],
        ["Dana", "We'll have your service team live on Northwind by April 1st."],
        ["Dana", "It's tight, I won't pretend it isn't."],
      ],
      participants: [
        { name: "Dana Whitlock", company: "Northwind, Inc.", email: "dana@northwind.example" },
        { name: "Marcus Lee", email: "marcus@acme.example" },
      ],
    });
    const merged = mergeSameClaims(
      [
        item("promises", [
          cite("src_note", "s1", "Northwind's services team will do the data migration for you at no charge."),
          cite("src_note", "s2", "To be clear, this isn't on the order form."),
        ]),
        item("promises", [
          cite("src_note", "s4", "We'll have your service team live on Northwind by April 1st."),
          cite("src_note", "s5", "It's tight, I won't pretend it isn't."),
        ]),
      ],
      [note],
    );
    expect(merged).toHaveLength(2);
  });

  it("still counts the later words of a company's name: “Data” of Northwind Data Services is a word of its own", () => {
    const call = buildParsedSource({
      id: "src_call",
      filename: "call.txt",
      turns: Array.from({ length: 8 }, (_, turn) => [turn % 2 === 0 ? "Dana" : "Marcus", `Turn ${turn + 1}.`] as const),
      participants: [{ name: "Dana Whitlock", company: "Northwind Data Services" }, { name: "Marcus Lee" }],
    });
    const merged = mergeSameClaims(
      [
        item("promises", [cite("src_call", "s1", "We'll copy the data archive by Friday.")]),
        item("promises", [cite("src_call", "s5", "The data archive lands Friday.")]),
      ],
      [call],
    );
    expect(merged).toHaveLength(1);
  });

  it("joins a concern given as a reason right after an objection's answer, not a new concern said there", () => {
    const answered = () =>
      item(
        "objections",
        [cite("src_call", "s2", "Nobody here is retyping tickets."), cite("src_call", "s3", "We have an import tool for exports.")],
        {
          answer: "We have an import tool for exports.",
        },
      );
    const pushback = mergeSameClaims(
      [answered(), item("objections", [cite("src_call", "s4", "Because my team has no time for that this quarter.")])],
      SOURCES,
    );
    expect(pushback.map((m) => m.citations.map((c) => c.segmentId))).toEqual([["s2", "s3", "s4"]]);
    const newConcern = mergeSameClaims(
      [answered(), item("objections", [cite("src_call", "s4", "I'm not opening an inbound port for a vendor.")])],
      SOURCES,
    );
    expect(newConcern).toHaveLength(2);
  });

  it("passes over a kept item that already has six citations and joins the next one with the same words", () => {
    const words = "renewal increase capped percent order form";
    const full = item(
      "promises",
      ["s1", "s2", "s3", "s4", "s5", "s6"].map((s) => cite("src_call", s, `${words} ${s}`)),
    );
    const merged = mergeSameClaims(
      [full, item("promises", [cite("src_form", "s1", `${words} again`)]), item("promises", [cite("src_form", "s2", `${words} twice`)])],
      SOURCES,
    );
    expect(merged.map((m) => m.citations.length)).toEqual([6, 2]);
  });

  it("joins technical items of one system family: sign-on and provisioning, a product and its database", () => {
    const merged = mergeSameClaims(
      [
        item("technicalEnvironment", [cite("src_call", "s2", "Logins all go through Okta.")], { system: "Okta" }),
        item("technicalEnvironment", [cite("src_call", "s4", "Ledgerly 4 holds three years of tickets.")], { system: "Ledgerly 4" }),
        item("technicalEnvironment", [cite("src_form", "s1", "Seats: 150")], { system: "SCIM provisioning" }),
        item("technicalEnvironment", [cite("src_call", "s6", "Read access to the Ledgerly database.")], { system: "Ledgerly database" }),
        item("technicalEnvironment", [cite("src_call", "s8", "Reports end up in Snowflake.")], { system: "Snowflake" }),
      ],
      SOURCES,
    );
    expect(merged.map((m) => m.details.system)).toEqual(["Okta", "Ledgerly 4", "Snowflake"]);
    expect(merged.map((m) => m.citations.length)).toEqual([2, 2, 1]);
  });

  it("keeps two named alternatives apart in consecutive turns, and a why-we-chose line with the one named before it", () => {
    const zendesk = cite("src_call", "s2", "And Zendesk had nothing for freight.");
    const chosen = { ...cite("src_call", "s2", "Your module is the reason we're here."), charStart: 240, charEnd: 276 };
    const merged = mergeSameClaims(
      [
        item("competition", [cite("src_call", "s1", "Service Cloud was cheaper on paper.")], { competitor: "Service Cloud" }),
        item("competition", [zendesk], { competitor: "Zendesk" }),
        item("competition", [chosen], { competitor: null, kind: "whyChosen" }),
      ],
      SOURCES,
    );
    expect(merged.map((m) => [m.details.competitor, m.citations.map((c) => c.quote)])).toEqual([
      ["Service Cloud", ["Service Cloud was cheaper on paper."]],
      ["Zendesk", ["And Zendesk had nothing for freight.", "Your module is the reason we're here."]],
    ]);
  });

  it("gives what comparing each item with every kept item gives, on random items sharing words, names, turns and parts", () => {
    const quote = fc
      .array(
        fc.constantFrom(
          "renewal",
          "pricing",
          "seats",
          "Salesforce",
          "integration",
          "training",
          "budget",
          "rollout",
          "dispatch",
          "twenty",
          "150",
          "the",
          "Friday",
          "SOC",
          "16th",
          "16",
          "trained",
          "waived",
          "waive",
        ),
        { minLength: 1, maxLength: 7 },
      )
      .chain((words) =>
        fc.constantFrom(
          words.join(" "),
          `You'll have it ${words.join(" ")}`,
          `Yeah, we'll send that ${words.join(" ")}`,
          `Until then: ${words.join(" ")}`,
        ),
      );
    const citation = fc
      .record({
        source: fc.constantFrom("src_call", "src_call", "src_form", "src_gone"),
        segment: fc.integer({ min: 1, max: 8 }),
        quote,
        match: fc.constantFrom("exact", "exact", "fuzzy", "unverified"),
      })
      .map(({ source, segment, quote, match }) => cite(source, `s${source === "src_form" ? (segment % 2) + 1 : segment}`, quote, match));
    const candidate = fc
      .record({
        section: fc.constantFrom<SectionKey>(...SECTION_KEYS, "promises", "nextSteps", "stakeholders", "accountOverview"),
        citations: fc.array(citation, { minLength: 1, maxLength: 3 }),
        details: fc.record({
          name: fc.constantFrom(null, "Dana", "Dana Whitlock", "Marcus", " "),
          system: fc.constantFrom(null, "Salesforce", "salesforce"),
          competitor: fc.constantFrom(null, "Haulwise"),
          field: fc.constantFrom(null, "seats", "pricing", "contractStart", "renewalDate", "products", "terms", "other", "company"),
        }),
        flags: fc.option(
          fc.constantFrom("contradiction", "unrealistic").map((flag) => [flag]),
          { nil: undefined },
        ),
      })
      .map(({ section, citations, details, flags }) => item(section, citations, details, flags));
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 50 }), (items) => {
        expect(mergeSameClaims(structuredClone(items), SOURCES)).toEqual(mergeSameClaimsByScan(structuredClone(items), SOURCES));
      }),
      { numRuns: 1000 },
    );
  });
});
