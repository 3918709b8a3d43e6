import { beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { measureDraft } from "../../src/evaluation/measure-draft.ts";
import { renderDraftMarkdown } from "../../src/drafting/render-draft-markdown.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { pointsBack } from "../../src/extraction/points-back.ts";
import { parseSampleDeal } from "../support/llm-test-harness.ts";

// Issue 10: the defects an AE found reading the sample deal's offline draft, one test each.
let draft: Draft;
let sources: ParsedSource[];
beforeAll(async () => {
  sources = await parseSampleDeal();
  draft = await createDraft(sources, { extractor: createOfflineExtractor(), now: () => new Date("2026-02-09T00:00:00Z") });
});

const citing = (quote: string) => draft.items.filter((item) => item.citations.some((c) => c.quote.includes(quote)));

describe("the sample deal's offline draft", () => {
  it("cites no quote twice outside a contradiction's cross-references", () => {
    expect(measureDraft(draft, sources).repeatedQuotes).toBe(0);
  });

  it("is short enough to approve in ten minutes: at most 60 items and 0.6 words per source word (2.1 before issue 10)", () => {
    const measures = measureDraft(draft, sources);
    // Measured 138 items and 2.12 words per source word before issue 10, 71 and 1.00 after round 1, 68 and 0.88
    // after round 2, 60 and 0.81 after round 3, 0.78 after round 4, 0.73 after round 5 (three quote lines an item,
    // the rest by where), 59 and 0.72 after round 6 (a call-recap promise dropped, labels that restated their
    // heading or a date shortened), 0.70 after round 7 (a delivered promise shows its own line; the header quotes the
    // delivery), 0.69 after round 8 (the SOC 2 report found delivered; the no-charge migration promise shows its own
    // words; "also: 3:51" under a line of the same call), 54 and 0.596 after round 9 (one technical item a system and
    // one competitive item an alternative; people by first name outside the people map; a stakeholder's one line, an
    // alternative's two; a restated target, a sum of money said twice, a signed term or system said again, and an
    // offer the signed form states, listed by where or folded into its line; a delivered promise without its due day),
    // 55 and 0.598 after Nate's first win became its own success criterion (it had joined his ninety-day goal on three
    // shared words).
    expect(measures.items).toBeLessThanOrEqual(55);
    expect(measures.draftWords / measures.sourceWords).toBeLessThanOrEqual(0.6);
  });

  it("shows the telling part of a quote, marked “…”, while the JSON keeps the whole sentence", () => {
    const markdown = renderDraftMarkdown(draft);
    const whole =
      "They call in, my agent puts them on hold, calls the terminal, the terminal radios the driver, and it's like eleven minutes a call just to tell them it's running late.";
    expect(citing(whole)[0]!.citations.map((c) => c.quote)).toContain(whole);
    expect(markdown).toContain("“…it's like eleven minutes a call just to tell them it's running late.”");
    expect(markdown).not.toContain("They call in, my agent");
  });

  it("puts quotes said at one moment on one line with one “where”", () => {
    expect(renderDraftMarkdown(draft)).toContain(
      "  - “The number is too high.” “We budgeted eighty thousand for this, all in, and your proposal is at about a hundred and twenty.” — pricing-call-2026-01-29.vtt, 0:18\n",
    );
  });

  it("says who introduced a person the way a person would: “Ray Tanaka (mentioned by Nate Brennan)”, and in the Markdown on the quote line", () => {
    const ray = draft.items.find((item) => item.section === "stakeholders" && item.details?.name === "Ray Tanaka")!;
    expect(ray.statement).toMatch(/^Ray Tanaka \(mentioned by Nate Brennan\): /);
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain("- Ray Tanaka · technical contact");
    expect(markdown).toContain(
      "- Elaine Kovac, COO · executive sponsor · supportive\n  - “That went all the way up to Elaine, our COO.” “She's the one who said go fix this, and she's sponsoring the project.” — discovery-call-2026-01-13.vtt, Nate Brennan, 2:51\n",
    );
    expect(markdown).not.toMatch(/, per Nate Brennan \(customer\)/);
  });

  it("labels items without repeating the section or a side tag", () => {
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).not.toMatch(/\((?:customer|seller)\)/);
    expect(markdown).not.toContain("Technical environment (");
    expect(markdown).toContain("- Contract dates, per order-form.pdf\n  - “Order date: January 30, 2026”\n");
  });

  it("keeps the renewal cap in Dana's own words, with “We'll put that in the order form.” joined to it", () => {
    const cap = citing("I can cap the renewal increase at five percent.");
    expect(cap).toHaveLength(1);
    expect(cap[0]!.section).toBe("promises");
    expect(cap[0]!.citations.map((c) => c.quote)).toContain("We'll put that in the order form.");
  });

  it("makes the order form's waived fee and go-live one item each with the promise made on the call", () => {
    const fee = citing("And I'll waive the implementation fee completely.");
    expect(fee).toHaveLength(1);
    expect(fee[0]!.citations.map((c) => c.quote)).toContain("Implementation services: $15,000.00, waived");
    const goLive = citing("Target go-live: March 16, 2026");
    expect(goLive[0]!.citations.some((c) => c.quote.includes("live on Corvala by March 16th"))).toBe(true);
    expect(goLive[0]!.details).toMatchObject({ dueDate: "2026-03-16" });
  });

  it("shows no statement quote that its item no longer cites, and no lone “Because …” reason", () => {
    for (const item of draft.items) {
      for (const [, quoted] of item.statement.matchAll(/“([^”]+)”/g)) {
        if (/^(?:he|she|they)$/.test(quoted!)) continue;
        const cited = item.citations.map((c) => c.quote).join(" ");
        for (const sentence of quoted!.split(/(?<=[.?!])\s+/)) expect(cited).toContain(sentence.replace(/…$/, ""));
      }
    }
    expect(citing("Because I've heard this before.")).toEqual([]);
    expect(citing("Which is, to be fair, why we need this.")).toEqual([]);
  });

  it("has no item that is only “We will.” or “Is that real?”", () => {
    for (const fragment of ["We will.", "Is that real?"]) {
      expect(draft.items.filter((item) => item.citations.every((c) => c.quote === fragment))).toEqual([]);
    }
  });

  it("keeps three people's actions from one email apart, each with its owner and calendar date", () => {
    const priya = citing("Priya will answer Ray's open questions");
    const sam = citing("Sam will send a draft project plan");
    const nate = citing("Nate, could you send me the list");
    expect(new Set([...priya, ...sam, ...nate]).size).toBe(3);
    expect(priya[0]!.details).toMatchObject({ dueDate: "2026-02-05", status: "open" });
    expect(sam[0]!.details).toMatchObject({ dueDate: "2026-02-11" });
    expect(nate[0]!.details).toMatchObject({ dueDate: "2026-02-20" });
  });

  it("marks the ROI one-pager done once the email says it went to Elaine, with its Monday resolved", () => {
    const roi = citing("one-page ROI summary");
    expect(roi).toHaveLength(1);
    expect(roi[0]!.details).toMatchObject({ dueDate: "2026-02-02", status: "done" });
  });

  it("marks the SOC 2 report done once Nate writes that Ray says it looks fine, and leaves Ray's open questions open", () => {
    expect(citing("SOC 2 Type II report under NDA")[0]!.details).toMatchObject({
      status: "done",
      statusEvidence: { quote: "Ray says the SOC 2 report looks fine" },
    });
    expect(citing("Priya will answer Ray's open questions")[0]!.details).toMatchObject({ status: "open" });
    // The go-live promise cites "With Ray's security review in the middle": sharing a name is no delivery.
    expect(citing("Target go-live: March 16, 2026")[0]!.details).toMatchObject({ status: "open" });
  });

  it("marks the discovery call's recap step past (due 2026-01-16, weeks before the email), and the email's steps open", () => {
    expect(citing("I'll send a recap and a draft proposal by Friday")[0]!.details).toMatchObject({ status: "past" });
    expect(citing("by February 20")[0]!.details).toMatchObject({ status: "open" });
    expect(renderDraftMarkdown(draft)).toContain("- Dana, due Friday (2026-01-16) · past: check it happened\n");
  });

  it("resolves “tomorrow, end of day” and “Friday” from the day of each call", () => {
    expect(citing("I'll have it to you by tomorrow, end of day.")[0]!.details).toMatchObject({ dueDate: "2026-01-30" });
    expect(citing("I'll send a recap and a draft proposal by Friday")[0]!.details).toMatchObject({ dueDate: "2026-01-16" });
  });

  it("shows a due day said with its month as the date alone, and a weekday as said beside its date", () => {
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain("- Sam Okafor, due 2026-02-11, per Dana\n");
    expect(markdown).toContain("- Priya, due Thursday (2026-02-05), per Dana\n");
    // A delivered promise shows no due day: done is done (the quote under it has the day said).
    expect(markdown).toContain("- Dana Whitlock · done: “…the ROI one-pager went to Elaine yesterday");
    expect(citing("the one-page ROI summary for your leadership meeting")[0]!.details).toMatchObject({ dueDate: "2026-02-02" });
    expect(markdown).not.toMatch(/due [A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \(?2026-/);
  });

  it("labels a concern by whose it is, under the heading that says it is a concern", () => {
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain("- Ray, answered by Priya\n  - “If it doesn't do SAML with Okta, it's a non-starter.”");
    expect(markdown).not.toContain("Concern from");
  });

  it("gives every objection a status other than unknown", () => {
    const objections = draft.items.filter((item) => item.section === "objections");
    expect(objections.length).toBeGreaterThan(0);
    for (const item of objections) expect(["resolved", "answered", "answeredNotAccepted", "open"]).toContain(item.details?.status);
  });

  it("drops pre-signature price talk that the signed order form restates", () => {
    const accountData = (quote: string) => citing(quote).filter((item) => item.section === "accountOverview");
    expect(accountData("It has the 18% discount on the seat price")).toEqual([]);
    expect(citing("Quantity: 120 agent seats").length).toBeGreaterThan(0);
  });

  it("reads Vince as a skeptic from what Nate says of him", () => {
    const vince = draft.items.find((item) => item.section === "stakeholders" && item.details?.name === "Vince Caruso");
    expect(vince?.details).toMatchObject({ role: "blocker", stance: "skeptical", stanceEvidence: { quote: "Vince is still not sold." } });
  });

  it("has Keisha Dunmore as a stakeholder and her first-contact resolution target as her own success criterion", () => {
    expect(draft.items.some((item) => item.section === "stakeholders" && item.details?.name === "Keisha Dunmore")).toBe(true);
    const metric = draft.items.find((item) => item.citations.some((c) => c.quote === "I'd love seventy-five."));
    expect(metric?.section).toBe("successCriteria");
    expect(metric?.citations.map((c) => c.quote)).toContain("And first-contact resolution.");
    expect(metric?.citations.every((c) => c.speaker === "Keisha Dunmore")).toBe(true);
  });

  it("keeps Nate's first win (proactive alerts in two weeks) apart from his ninety-day handle-time goal", () => {
    const firstWin = citing("Proactive delay alerts to our top twenty accounts");
    const ninetyDays = citing("Handle time under four minutes");
    expect(firstWin).toHaveLength(1);
    expect(ninetyDays).toHaveLength(1);
    expect(firstWin[0]).not.toBe(ninetyDays[0]);
    expect(ninetyDays[0]!.citations.map((c) => c.quote)).toContain(
      "Handle time on where's-my-freight calls goes from eleven minutes to under four.",
    );
  });

  it("files Nate's “just text me” under Nate, not Gloria, and uses the email thread's addresses", () => {
    const textMe = citing("just text me");
    expect(textMe).toHaveLength(1);
    expect(textMe[0]!.details).toMatchObject({ name: "Nate Brennan", email: "nate.brennan@kestrelfreight.example" });
    const gloria = draft.items.find((item) => item.section === "stakeholders" && item.details?.name === "Gloria Mendez");
    expect(gloria?.details).toMatchObject({ email: "gloria.mendez@kestrelfreight.example", role: "economicBuyer" });
  });

  it("says who “he” is in “If it isn't, he'll turn it off.” and who runs the migration", () => {
    expect(citing("he'll turn it off")[0]!.details?.refersTo).toEqual([{ pronoun: "he", name: "Vince Caruso" }]);
    expect(citing("He'll run the migration")[0]!.details).toMatchObject({ owner: "Sam Okafor" });
  });

  it("cites who doubted the March 16 go-live with the promise it flags, not as a red flag of its own", () => {
    const goLive = citing("Target go-live: March 16, 2026");
    expect(goLive[0]!.flags).toContain("unrealistic");
    expect(goLive[0]!.citations.map((c) => c.quote)).toEqual(
      expect.arrayContaining(["That's six weeks.", "It's tight, I won't pretend it isn't."]),
    );
    expect(citing("It's tight")).toHaveLength(1);
  });

  it("keeps Ray's open questions on the relay agent apart from Vince's migration concern", () => {
    const questions = citing("still has open questions on the relay agent");
    expect(questions).toHaveLength(1);
    expect(questions[0]!.citations.some((c) => c.quote.includes("migration"))).toBe(false);
  });

  it("shows at most three quote lines an item outside the account overview, the rest by where, while the JSON keeps them", () => {
    const markdown = renderDraftMarkdown(draft);
    const seats = citing("Quantity: 120 agent seats").find((item) => item.flags?.includes("contradiction"))!;
    expect(seats.citations).toHaveLength(5);
    // One line per figure (150 on the calls, 120 on the order form); the pricing call's 150 is listed by where.
    expect(markdown).toContain(
      "  - “Quantity: 120 agent seats” — order-form.pdf\n  - also: discovery-call-2026-01-13.vtt, 6:43; pricing-call-2026-01-29.vtt, 1:02, 1:43\n",
    );
    // Ray's item shows the order form's line, not Nate's roll call of three people.
    expect(markdown).toContain(
      "  - “Technical contact: Ray Tanaka, Director of IT” — order-form.pdf\n  - also: discovery-call-2026-01-13.vtt, 0:38\n",
    );
    // The account overview's lines are its facts: all shown.
    for (const item of markdown.slice(markdown.indexOf("## Stakeholders")).split("\n\n- ").slice(1)) {
      expect(item.split("\n").filter((line) => line.startsWith("  - “")).length).toBeLessThanOrEqual(3);
    }
  });

  it("makes Dana's no-charge migration one promise that also cites the line saying it is not on the order form", () => {
    const migration = citing("Corvala's services team will do the TrackDesk migration for you at no charge");
    expect(migration).toHaveLength(1);
    expect(migration[0]!.section).toBe("promises");
    expect(migration[0]!.citations.map((c) => c.quote)).toContain(
      "To be clear, this isn't on the order form, so please treat this email as our commitment.",
    );
    expect(migration[0]!.details).toMatchObject({ promisedBy: "Dana Whitlock", explicit: true });
    // Different promises stay apart: the migration is not the March 16 go-live said on the pricing call.
    expect(migration[0]!.flags ?? []).not.toContain("unrealistic");
    // The CSM inherits it with nothing in the contract to point to: the item says so.
    expect(migration[0]!.flags).toContain("off-contract");
    expect(draft.items.filter((item) => item.flags?.includes("off-contract"))).toHaveLength(1);
    expect(migration[0]!.citations.every((c) => c.filename === "email-thread.eml")).toBe(true);
  });

  it("labels Nate's “I don't think March 16 holds” a timeline risk, not the technical one said before it", () => {
    expect(renderDraftMarkdown(draft)).toContain(
      "- Timeline risk, per Nate\n  - “If the migration lands on us, I don't think March 16 holds.”",
    );
  });

  it("has no promise that is only a sentence pointing back at one (“this isn't on the order form…”, “That's in writing.”)", () => {
    const promises = draft.items.filter((item) => item.section === "promises");
    for (const item of promises) expect(item.citations.every((c) => pointsBack(c.quote))).toBe(false);
  });

  it("keeps Vince's dispatcher concern an objection with Priya's answer, and his migration concern with Ray's pushback", () => {
    const dispatchers = citing("My dispatchers are not going to live in another screen.");
    expect(dispatchers).toHaveLength(1);
    expect(dispatchers[0]!.section).toBe("objections");
    expect(dispatchers[0]!.details).toMatchObject({ raisedBy: "Vince Caruso" });
    expect(dispatchers[0]!.citations.map((c) => c.quote)).toContain(
      "The way most carriers set it up, dispatchers don't log into Corvala at all.",
    );
    const retype = citing("And I'm not having anybody retype tickets.");
    expect(retype[0]!.citations.map((c) => c.quote)).toContain(
      "Because my team doesn't have time for a big migration project this quarter.",
    );
  });

  it("folds the 18% offer made before signing into the signed order form's price line, listed there by where", () => {
    expect(citing("I can take eighteen percent off the seat price").map((item) => item.section)).toEqual(["accountOverview"]);
    expect(renderDraftMarkdown(draft)).toContain(
      "  - “Price per agent seat per year: $492.00 (list $600.00, 18% discount)”\n  - “Seat subtotal: $59,040.00 per year”",
    );
    expect(renderDraftMarkdown(draft)).toContain(
      "  - “Total contract value (12 months): $77,040.00”\n  - also: pricing-call-2026-01-29.vtt, 1:25\n",
    );
  });

  it("has one technical item a system, labelled the way a person names it, across the calls, the email and the order form", () => {
    const technical = draft.items.filter((item) => item.section === "technicalEnvironment");
    expect(technical.map((item) => item.details?.system)).toEqual([
      "Haulwise TMS",
      "Salesforce",
      "Snowflake",
      "Single sign-on (Okta)",
      "Relay agent",
      "Security review",
      "TrackDesk data to migrate",
    ]);
    const quotesOf = (system: string) => technical.find((item) => item.details?.system === system)!.citations.map((c) => c.quote);
    // The call's line and the order form's line for one system are one item.
    expect(quotesOf("Single sign-on (Okta)")).toEqual([
      "Logins all go through Okta.",
      "And I'd want SCIM so I'm not deprovisioning people by hand.",
      "Single sign-on: Okta SAML 2.0; user provisioning through Okta SCIM",
    ]);
    expect(quotesOf("Salesforce")).toEqual([
      "Customers and contracts are in Salesforce, Sales Cloud.",
      "Integrations: Salesforce Sales Cloud account sync",
    ]);
    expect(quotesOf("TrackDesk data to migrate")).toEqual([
      "Four hundred thousand tickets, give or take, with attachments.",
      "Ray's team only needs to give Sam read access to the TrackDesk database.",
      "We do the export, the field mapping and the validation.",
    ]);
    // A bare fragment naming no system is not cited on its own.
    expect(citing("In our TMS.")).toEqual([]);
  });

  it("cites Keisha's line on today's tools nowhere: the order form's “Replaces:” line already says it", () => {
    expect(citing("TrackDesk, plus the shared Outlook inboxes")).toEqual([]);
    expect(citing("Replaces: TrackDesk 6 (on-premises) and shared Outlook inboxes").map((item) => item.section)).toEqual(["whyTheyBought"]);
  });

  it("has one competitor item an alternative, the rebuttal with the alternative it answers", () => {
    const competition = draft.items.filter((item) => item.section === "competition");
    expect(competition.map((item) => item.details?.competitor)).toEqual(["Zendesk", "Salesforce Service Cloud"]);
    expect(competition[0]!.citations.map((c) => c.quote)).toEqual([
      "We looked at Zendesk.",
      "And Zendesk didn't have anything for freight exceptions.",
      "Your Shipment Exceptions module is the reason we're here, honestly.",
    ]);
    const serviceCloud = competition[1]!.citations.map((c) => c.quote);
    expect(serviceCloud).toContain("Ray keeps telling me Service Cloud would be cheaper.");
    expect(serviceCloud).toContain("It's cheaper until you count the six-month integration project.");
    expect(serviceCloud.some((quote) => quote.includes("Zendesk"))).toBe(false);
  });
});
