import { describe, expect, it } from "vitest";
import type { DraftItem } from "../domain/item.ts";
import { contractFieldsOnDeal, findGaps } from "./find-gaps.ts";

type GapItem = Parameters<typeof findGaps>[0][number];

const account = (field: string, extra: Record<string, unknown> = {}, quote = "quoted"): GapItem => ({
  section: "accountOverview",
  status: "draft",
  statement: "stated",
  citations: [{ quote } as DraftItem["citations"][number]],
  details: { field, ...extra },
});

const contractGaps = (items: GapItem[], known = contractFieldsOnDeal({ amount: null })) =>
  findGaps(items, { knownFields: known }).filter((g) => g.id?.startsWith("accountOverview."));

describe("contract gaps", () => {
  it("asks for each contract field no source states, one question each, by name, with a stable id", () => {
    expect(contractGaps([account("pricing")])).toEqual([
      {
        id: "accountOverview.contractValue",
        section: "accountOverview",
        question: "No source states the contract value: what is it, with its currency?",
      },
      {
        id: "accountOverview.seats",
        section: "accountOverview",
        question: "No source states the seat count: how many seats?",
      },
      {
        id: "accountOverview.products",
        section: "accountOverview",
        question: "No source states the plan: which plan or modules?",
      },
      {
        id: "accountOverview.contractStart",
        section: "accountOverview",
        question: "No source states the contract start date: when does it start?",
      },
      {
        id: "accountOverview.renewalDate",
        section: "accountOverview",
        question: "No source states the renewal date: when does it renew?",
      },
    ]);
  });

  it("counts every field of a merged item and asks only for what is still missing", () => {
    const gaps = contractGaps([account("seats", { fields: ["seats", "contractValue"] }), account("products"), account("contractStart")]);
    expect(gaps.map((g) => g.id)).toEqual(["accountOverview.renewalDate"]);
  });

  it("reads a value or a plan the extractor tagged as seats from what the quote says", () => {
    const gaps = contractGaps([
      account("seats", {}, "150 seats at four ninety-two, plus the module, that's ninety-one thousand eight hundred a year."),
      account("seats", {}, "List price on the Enterprise plan is six hundred per agent seat per year."),
      account("terms", {}, "the renewal increase capped at 5%"),
    ]);
    expect(gaps.map((g) => g.id)).toEqual(["accountOverview.contractStart", "accountOverview.renewalDate"]);
  });

  it("takes the deal's amount as the contract value", () => {
    const gaps = contractGaps([account("seats")], contractFieldsOnDeal({ amount: 91_800 }));
    expect(gaps.map((g) => g.id)).not.toContain("accountOverview.contractValue");
  });

  it("asks nothing more once value, seats, plan, start and renewal are stated, and keeps the section gap's id", () => {
    const items = ["contractValue", "seats", "products", "contractStart", "renewalDate"].map((f) => account(f));
    expect(contractGaps(items)).toEqual([]);
    const empty = findGaps([], {});
    expect(empty.filter((g) => g.section === "accountOverview").map((g) => g.id)).toEqual([
      "accountOverview",
      "accountOverview.contractValue",
      "accountOverview.seats",
      "accountOverview.products",
      "accountOverview.contractStart",
      "accountOverview.renewalDate",
    ]);
    expect(empty.filter((g) => g.section === "competition")).toEqual([
      { id: "competition", section: "competition", question: expect.any(String) },
    ]);
  });

  it("ignores rejected items", () => {
    expect(
      contractGaps([account("seats", { fields: ["seats"] }), { ...account("contractValue"), status: "rejected" }]).map((g) => g.id),
    ).toContain("accountOverview.contractValue");
  });
});
