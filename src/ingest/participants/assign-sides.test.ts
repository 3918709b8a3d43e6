import { describe, expect, it } from "vitest";
import type { Participant } from "../../domain/source.ts";
import { assignSides } from "./assign-sides.ts";

function sides(participants: Participant[]): (string | undefined)[] {
  return assignSides(participants).map((p) => p.side);
}

describe("assignSides", () => {
  it("puts a seller-titled person's company on the seller side and other companies on the customer side", () => {
    expect(
      sides([
        { name: "Sarah Chen", title: "VP Sales", company: "Nextera Health" },
        { name: "David Park", title: "AE", company: "SixtySixTen" },
        { name: "Lee Ames", title: "Solutions Consultant", company: "SixtySixTen, Inc." },
        { name: "Ana Ruiz", company: "Nextera Health" },
        { name: "Kim Ito" },
      ]),
    ).toEqual(["customer", "seller", "seller", "customer", undefined]);
  });

  it.each(["Account Executive", "SDR", "BDR", "Sales Engineer", "Solutions Consultant", "CSM", "Customer Success Manager", "Sales Rep"])(
    "treats %s as a seller title",
    (title) => {
      expect(
        sides([
          { name: "A B", title, company: "Vendo" },
          { name: "C D", company: "Acme" },
        ]),
      ).toEqual(["seller", "customer"]);
    },
  );

  it("does not take a buyer's senior customer-success or sales leader for the seller", () => {
    expect(
      sides([
        { name: "A B", title: "VP of Customer Success", company: "Acme" },
        { name: "C D", title: "VP Sales", company: "Acme" },
      ]),
    ).toEqual([undefined, undefined]);
  });

  it("spreads the seller side through email domains, but not through free mail", () => {
    expect(
      sides([
        { name: "Ben Cole", title: "Account Executive", email: "ben@vendo.example" },
        { name: "Lia Moss", email: "lia@vendo.example" },
        { name: "Ana Ruiz", email: "ana@acme.example" },
        { name: "Kim Ito", email: "kim@gmail.com" },
      ]),
    ).toEqual(["seller", "seller", "customer", undefined]);
  });

  it("spreads from company to domain to the next colleague", () => {
    expect(
      sides([
        { name: "Ben Cole", title: "AE", company: "Vendo" },
        { name: "Lia Moss", company: "Vendo", email: "lia@vendo.example" },
        { name: "Max Ott", email: "max@vendo.example" },
      ]),
    ).toEqual(["seller", "seller", "seller"]);
  });

  it("maps role labels: CSR and Agent to the seller, Customer and Caller to the customer", () => {
    expect(
      sides([
        { name: "CSR", labels: ["CSR"] },
        { name: "Customer", labels: ["Customer"] },
        { name: "Agent", labels: ["Agent"] },
        { name: "caller", labels: ["caller"] },
      ]),
    ).toEqual(["seller", "customer", "seller", "customer"]);
  });

  it("maps an escalation's Supervisor and a Support line to the seller", () => {
    expect(
      sides([
        { name: "Support", labels: ["Support"] },
        { name: "Client", labels: ["Client"] },
        { name: "Supervisor", labels: ["Supervisor"] },
      ]),
    ).toEqual(["seller", "customer", "seller"]);
  });

  it("leaves sides undefined when two companies both field a seller role", () => {
    expect(
      sides([
        { name: "A B", title: "AE", company: "Vendo" },
        { name: "C D", title: "Account Executive", company: "Resello" },
        { name: "E F", company: "Acme" },
      ]),
    ).toEqual(["seller", "seller", undefined]);
  });

  it("keeps a side a parser already set and does not modify its input", () => {
    const input: Participant[] = [{ name: "A B", side: "customer", title: "AE" }];
    expect(sides(input)).toEqual(["customer"]);
    expect(input[0]).toEqual({ name: "A B", side: "customer", title: "AE" });
  });
});
