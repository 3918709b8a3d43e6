import { describe, expect, it } from "vitest";
import { fieldNameStandsForLabel, withoutHeadingWords, withoutNamedOwner, withoutSaidDue } from "./brief-labels.ts";

describe("withoutHeadingWords", () => {
  it("leaves out what the section heading says: 'Next step', a risk's 'risk', an 'Other' kind", () => {
    expect(withoutHeadingWords("Next step, per Ana Ruiz", "“We meet on Friday”")).toBe("Per Ana Ruiz");
    expect(withoutHeadingWords("Budget risk, per Ana Ruiz", "“Spend is frozen”")).toBe("Budget, per Ana Ruiz");
    expect(withoutHeadingWords("Timeline risk", "“It's tight”")).toBe("Timeline");
    expect(withoutHeadingWords("Other risk, per Ana Ruiz", "“We might wait”")).toBe("Per Ana Ruiz");
    // Only the kind's own word goes: a label that merely holds "risk" elsewhere is kept.
    expect(withoutHeadingWords("Ana Ruiz, per Lee Park", "“No risk at all”")).toBe("Ana Ruiz, per Lee Park");
  });

  it("keeps a pronoun's referent only when the words shown use the pronoun", () => {
    expect(withoutHeadingWords("Per Ana Ruiz (“he” is Lee Park)", "“He owns the plan”")).toBe("Per Ana Ruiz (“he” is Lee Park)");
    expect(withoutHeadingWords("Per Ana Ruiz (“he” is Lee Park)", "“so Lee will report to Ana”")).toBe("Per Ana Ruiz");
  });
});

describe("withoutNamedOwner", () => {
  it("drops the owner before ', per' when the words shown name them by first name", () => {
    expect(withoutNamedOwner("Lee Park, per Ana Ruiz", "Lee Park", "“Lee will send the plan by May 2”")).toBe("Per Ana Ruiz");
    expect(withoutNamedOwner("Lee Park, per Ana Ruiz", "Lee Park", "“Could you send the list, Lee?”")).toBe("Per Ana Ruiz");
  });

  it("keeps the owner when the words do not name them, or name someone else whose name starts the same", () => {
    expect(withoutNamedOwner("Lee Park, per Ana Ruiz", "Lee Park", "“The plan comes by May 2”")).toBe("Lee Park, per Ana Ruiz");
    expect(withoutNamedOwner("Lee Park, per Ana Ruiz", "Lee Park", "“Leeds will send the plan”")).toBe("Lee Park, per Ana Ruiz");
    expect(withoutNamedOwner("Lee Park, due May 2, per Ana Ruiz", "Lee Park", "“Lee will send it”")).toBe(
      "Lee Park, due May 2, per Ana Ruiz",
    );
    expect(withoutNamedOwner("Per Ana Ruiz", null, "“Lee will send it”")).toBe("Per Ana Ruiz");
  });
});

describe("withoutSaidDue", () => {
  it("leaves out a due day the words say", () => {
    expect(withoutSaidDue("Ana Ruiz (due Monday)", "Monday", "“You'll have it on Monday”")).toBe("Ana Ruiz");
    expect(withoutSaidDue("Ana Ruiz (due Monday)", "Monday", "“You'll have it soon”")).toBe("Ana Ruiz (due Monday)");
  });
});

describe("fieldNameStandsForLabel", () => {
  it("lets an account fact's or a document commitment's field name stand for a label of category and file", () => {
    expect(fieldNameStandsForLabel("Contract dates, per msa.pdf", "“Renewal date: May 1, 2027”", "msa.pdf", "accountOverview")).toBe(true);
    expect(fieldNameStandsForLabel("Commitment in sow.pdf", "“Onboarding: three workshops”", "sow.pdf", "promises")).toBe(true);
    expect(fieldNameStandsForLabel("Company, per msa.pdf", "“Headcount (approx.): 300”", "msa.pdf", "accountOverview")).toBe(true);
  });

  it("elsewhere, only when the field name shares a word with the label: a risk's kind or a trigger is not in the field name", () => {
    expect(fieldNameStandsForLabel("What they replace, per sow.pdf", "“Replaces: the old CRM”", "sow.pdf", "whyTheyBought")).toBe(true);
    expect(fieldNameStandsForLabel("Trigger, per sow.pdf", "“Notes: support ends in May”", "sow.pdf", "whyTheyBought")).toBe(false);
    expect(fieldNameStandsForLabel("Budget risk, per sow.pdf", "“Payment terms: net 90”", "sow.pdf", "redFlags")).toBe(false);
  });

  it("keeps a label that says more than category and file, or a quote without a field name", () => {
    expect(fieldNameStandsForLabel("Pain, per Ana Ruiz", "“Replaces: the old CRM”", "call.vtt", "whyTheyBought")).toBe(false);
    expect(fieldNameStandsForLabel("Commitment in sow.pdf (due May)", "“Onboarding: three workshops”", "sow.pdf", "promises")).toBe(false);
    expect(fieldNameStandsForLabel("Contract dates, per msa.pdf", "“The term runs a year”", "msa.pdf", "accountOverview")).toBe(false);
    expect(fieldNameStandsForLabel("Contract dates, per msa.pdf", "“Renewal date: May 1”", "other.pdf", "accountOverview")).toBe(false);
  });
});
