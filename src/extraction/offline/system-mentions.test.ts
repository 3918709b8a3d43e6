import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../../test/support/build-parsed-source.ts";
import { createSystemCatalog } from "./system-mentions.ts";

const people = {
  namedIn: (text: string) => (/\bOmar\b/.test(text) ? [{ name: "Omar Haddad", side: "customer" as const }] : []),
  isSellerCompany: (name: string) => name === "Brightdesk",
};

describe("createSystemCatalog", () => {
  it("learns the deal's own products from what follows their names, and which one's data moves", () => {
    const form = buildParsedSource({
      id: "form",
      filename: "order-form.pdf",
      turns: [
        [null, "Connector: the Fernwood ERP order feed, and the Brightdesk database hosted by us"],
        [null, "Migration: read access to the Ledgerly database; we map the Ledgerly exports"],
        [null, "Contact: ask Omar database questions"],
      ],
    });
    const catalog = createSystemCatalog([form], people);
    expect(catalog.isOwnSystem("Fernwood")).toBe(true);
    expect(catalog.isOwnSystem("Brightdesk")).toBe(false);
    expect(catalog.isOwnSystem("Omar")).toBe(false);
    expect(catalog.migrated).toBe("product:ledgerly");
    expect(catalog.mentionsIn("It's Fernwood, on-prem. And the ERP is old.").map((m) => [m.label, m.attribute, m.named])).toEqual([
      ["Fernwood ERP", false, true],
      ["On-prem", true, false],
      ["Fernwood ERP", false, false],
    ]);
  });

  it("files sign-on terms under one family and a category with no product by its own name", () => {
    const catalog = createSystemCatalog([], people);
    expect(catalog.mentionsIn("Okta for SSO, and our CRM is old.").map((m) => [m.key, m.label])).toEqual([
      ["sso", "Single sign-on"],
      ["sso", "Single sign-on"],
      ["crm", "CRM"],
    ]);
  });
});
