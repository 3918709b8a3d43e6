import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../../test/support/build-parsed-source.ts";
import type { ParsedSource } from "../../domain/source.ts";
import { brightdeskSource, offlineItemsIn, quotesOf } from "../../../test/support/brightdesk-deal.ts";
import { createOfflineExtractor } from "./offline-extractor.ts";

const technicalItems = (sources: ParsedSource[]) => offlineItemsIn(sources, "technicalEnvironment");

describe("technical lines filed by the system they name", () => {
  it("makes one item of a system's lines across a call and an order form, and one of sign-on and provisioning", async () => {
    const call = brightdeskSource("call", "call.vtt", [
      ["Lena Fischer", "Where does inventory live today?"],
      [
        "Omar Haddad",
        "Inventory is in NetSuite and reports go out of it every night. Logins all go through Okta. And I'd want SCIM for offboarding.",
      ],
    ]);
    const form = buildParsedSource({
      id: "form",
      filename: "order-form.pdf",
      turns: [
        [null, "Single sign-on: Okta SAML 2.0 with SCIM provisioning"],
        [null, "Integrations: NetSuite inventory sync"],
      ],
    });
    const items = await technicalItems([call, form]);
    expect(items.map((i) => i.details.system)).toEqual(["NetSuite", "Single sign-on (Okta)"]);
    expect(quotesOf(items[0])).toEqual([
      "Inventory is in NetSuite and reports go out of it every night.",
      "Integrations: NetSuite inventory sync",
    ]);
    expect(quotesOf(items[1])).toEqual([
      "Logins all go through Okta.",
      "And I'd want SCIM for offboarding.",
      "Single sign-on: Okta SAML 2.0 with SCIM provisioning",
    ]);
    expect(items[1]!.statement).toMatch(/^Single sign-on \(Okta\), per Omar Haddad: “Logins all go through Okta\./);
  });

  it("names the deal's own product by what the sources call it, and cites no bare fragment naming none", async () => {
    const call = brightdeskSource("call", "call.vtt", [
      ["Lena Fischer", "Where do orders live?"],
      ["Omar Haddad", "In our ERP. It's Fernwood, hosted on-prem in our data center. And the ERP is behind our firewall."],
    ]);
    const form = buildParsedSource({ id: "form", filename: "order-form.pdf", turns: [[null, "Connector: the Fernwood ERP order feed"]] });
    const items = await technicalItems([call, form]);
    const fernwood = items.find((i) => i.details.system === "Fernwood ERP");
    expect(quotesOf(fernwood)).toEqual([
      "It's Fernwood, hosted on-prem in our data center.",
      "And the ERP is behind our firewall.",
      "Connector: the Fernwood ERP order feed",
    ]);
    expect(items.flatMap((i) => quotesOf(i))).not.toContain("In our ERP.");
  });

  it("files a line naming no system with the line before it, and migration talk with the data to migrate", async () => {
    const call = brightdeskSource("call", "call.vtt", [
      ["Lena Fischer", "What happens with the history in Ledgerly?"],
      ["Pia Novak", "About two hundred thousand tickets, with attachments."],
    ]);
    const email = brightdeskSource("mail", "thread.eml", [
      [
        "Lena Fischer",
        "Your team only needs to give us read access to the Ledgerly database. We do the export, the field mapping and the validation.",
      ],
    ]);
    const items = await technicalItems([call, email]);
    expect(items.map((i) => i.details.system)).toEqual(["Ledgerly data to migrate"]);
    expect(quotesOf(items[0])).toEqual([
      "About two hundred thousand tickets, with attachments.",
      "Your team only needs to give us read access to the Ledgerly database.",
      "We do the export, the field mapping and the validation.",
    ]);
  });

  it("cites a line on today's tools once, where the order form says what they replace", async () => {
    const call = brightdeskSource("call", "call.vtt", [
      ["Lena Fischer", "And what are the agents working in today?"],
      ["Pia Novak", "Ledgerly, plus the shared Gmail inboxes, plus a spreadsheet nobody trusts."],
      ["Omar Haddad", "Ledgerly data has to come over, every ticket from the Ledgerly database."],
    ]);
    const form = buildParsedSource({
      id: "form",
      filename: "order-form.pdf",
      turns: [[null, "Replaces: Ledgerly 4 and shared Gmail inboxes"]],
    });
    const { items } = await createOfflineExtractor().extract([call, form]);
    const citing = (quote: string) => items.filter((i) => i.evidence.some((e) => e.quote.startsWith(quote))).map((i) => i.section);
    expect(citing("Replaces: Ledgerly 4")).toEqual(["whyTheyBought"]);
    expect(citing("Ledgerly, plus the shared Gmail inboxes")).toEqual([]);
    expect(citing("Ledgerly data has to come over")).toEqual(["technicalEnvironment"]);
  });

  it("files account chatter said right after a technical line as more of that system, not as account data", async () => {
    const call = brightdeskSource("call", "call.vtt", [
      ["Lena Fischer", "How are leads assigned?"],
      [
        "Pia Novak",
        "The routing rules in HubSpot are basically nonexistent. We set them up when we had 4 reps and never touched them again.",
      ],
    ]);
    const { items } = await createOfflineExtractor().extract([call]);
    expect(items.filter((i) => i.section === "accountOverview")).toEqual([]);
    expect(quotesOf(items.find((i) => i.section === "technicalEnvironment"))).toEqual([
      "The routing rules in HubSpot are basically nonexistent.",
      "We set them up when we had 4 reps and never touched them again.",
    ]);
  });

  it("cites at most six lines an item: a long call naming one system all along makes several items of it", async () => {
    const call = brightdeskSource(
      "call",
      "call.vtt",
      Array.from({ length: 8 }, (_, i) => ["Omar Haddad", `Report ${i + 1} comes out of NetSuite every ${i + 2} days.`] as const),
    );
    const items = await technicalItems([call]);
    expect(items.map((i) => [i.details.system, i.evidence.length])).toEqual([
      ["NetSuite", 6],
      ["NetSuite", 2],
    ]);
  });
});
