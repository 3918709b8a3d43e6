import { describe, expect, it } from "vitest";
import type { DraftItem } from "../domain/item.ts";
import { findGaps } from "./assemble-draft.ts";

const account = (field: string, extra: Record<string, unknown> = {}): Pick<DraftItem, "section" | "status" | "details"> => ({
  section: "accountOverview",
  status: "draft",
  details: { field, ...extra },
});

describe("contract gaps", () => {
  it("asks for each contract part no source states, by name, when the account overview has only price talk", () => {
    const gap = findGaps([account("pricing")]).find((g) => g.section === "accountOverview");
    expect(gap?.question).toBe(
      "No source states the contract value, seat count, plan or modules, contract start date and renewal date: what are they?",
    );
  });

  it("counts every field of a merged item and asks only for what is still missing", () => {
    const gap = findGaps([account("seats", { fields: ["seats", "contractValue"] }), account("products"), account("contractStart")]).find(
      (g) => g.section === "accountOverview",
    );
    expect(gap?.question).toBe("No source states the renewal date: what is it?");
  });

  it("asks nothing more once value, seats, plan, start and renewal are stated", () => {
    const items = ["contractValue", "seats", "products", "contractStart", "renewalDate"].map((f) => account(f));
    expect(findGaps(items).some((g) => g.section === "accountOverview")).toBe(false);
  });
});
