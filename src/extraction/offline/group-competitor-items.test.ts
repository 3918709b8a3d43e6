import { describe, expect, it } from "vitest";
import type { ParsedSource } from "../../domain/source.ts";
import { brightdeskSource, offlineItemsIn, quotesOf } from "../../../test/support/brightdesk-deal.ts";

const competitionItems = (sources: ParsedSource[]) => offlineItemsIn(sources, "competition");

describe("competitive lines filed by the alternative they name", () => {
  it("makes one item an alternative across calls, a shorter name of it included, with the rebuttal that answers it", async () => {
    const discovery = brightdeskSource("discovery", "discovery.vtt", [
      ["Lena Fischer", "And you mentioned you looked at other options?"],
      [
        "Pia Novak",
        "We looked at Freshdesk. And Omar's team pushed for just building it in Oracle Service Suite, since we already have Oracle.",
      ],
      ["Omar Haddad", "Service Suite is honestly cheaper on paper."],
      [
        "Pia Novak",
        "And Freshdesk didn't have anything for store deliveries. Your Delivery Alerts module is the reason we're here, honestly.",
      ],
    ]);
    const pricing = brightdeskSource("pricing", "pricing.vtt", [
      ["Omar Haddad", "What else did you look at? I keep saying Service Suite would be cheaper."],
      ["Pia Novak", "It's cheaper until you count the six-month integration project."],
      ["Lena Fischer", "And to be fair to Omar, the license is cheaper."],
    ]);
    const items = await competitionItems([discovery, pricing]);
    expect(items.map((i) => i.details.competitor)).toEqual(["Freshdesk", "Oracle Service Suite"]);
    expect(quotesOf(items[0])).toEqual([
      "We looked at Freshdesk.",
      "And Freshdesk didn't have anything for store deliveries.",
      "Your Delivery Alerts module is the reason we're here, honestly.",
    ]);
    expect(quotesOf(items[1])).toEqual([
      "And Omar's team pushed for just building it in Oracle Service Suite, since we already have Oracle.",
      "Service Suite is honestly cheaper on paper.",
      "I keep saying Service Suite would be cheaper.",
      "It's cheaper until you count the six-month integration project.",
    ]);
    expect(items[1]!.statement).toMatch(/^Oracle Service Suite, per Pia Novak: “And Omar's team/);
    // The seller's own concession naming no alternative is their framing, not the customer's evaluation.
    expect(items.flatMap((i) => quotesOf(i))).not.toContain("And to be fair to Omar, the license is cheaper.");
  });

  it("takes neither the customer's own system nor a word in capitals for an alternative", async () => {
    const call = brightdeskSource("call", "call.vtt", [
      ["Lena Fischer", "What do you run today?"],
      ["Pia Novak", "We use HubSpot but the routing in HubSpot is a mess."],
      ["Lena Fischer", "Did you talk to anyone else?"],
      ["Pia Novak", "We talked to a couple of agencies but they'd configure HubSpot and never say what the process SHOULD be."],
    ]);
    const items = await competitionItems([call]);
    expect(items.map((i) => i.details.competitor)).toEqual([null]);
    expect(items[0]!.statement).toMatch(/^Alternative considered, per Pia Novak: /);
  });

  it("makes one item of an alternative left unnamed, called “the other vendor” turns apart", async () => {
    const call = brightdeskSource("call", "call.vtt", [
      ["Pia Novak", "So we've narrowed it down to Brightdesk and one other vendor."],
      ["Lena Fischer", "What matters most in the decision?"],
      ["Pia Novak", "Honestly, support. We need someone to call."],
      ["Lena Fischer", "You get a named CSM."],
      ["Pia Novak", "The other vendor quoted us lower, but support is tiered."],
    ]);
    const items = await competitionItems([call]);
    expect(items.map((i) => quotesOf(i))).toEqual([
      ["So we've narrowed it down to Brightdesk and one other vendor.", "The other vendor quoted us lower, but support is tiered."],
    ]);
    expect(items[0]!.details.competitor).toBeNull();
  });
});
