import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import { createSideResolver } from "./speaker-side.ts";

const email = buildParsedSource({
  id: "mail",
  filename: "thread.eml",
  turns: [["Dana Lee", "Thanks all, the order form is attached."]],
  participants: [
    { name: "Dana Lee", email: "dana@vendor.example", side: "seller" },
    { name: "Nate Ruiz", email: "nate@buyer.example", side: "customer" },
  ],
});

const call = (turns: [string, string][]) =>
  buildParsedSource({ id: "call", filename: "call.vtt", turns, participants: turns.map(([name]) => ({ name })) });

describe("createSideResolver", () => {
  it("takes a speaker's side from another source of the deal, by full or first name", () => {
    const sideOf = createSideResolver([
      email,
      call([
        ["Dana Lee", "Hi all."],
        ["Nate", "Hi."],
      ]),
    ]);
    expect(sideOf("call", "Dana Lee")).toBe("seller");
    expect(sideOf("call", "Nate")).toBe("customer");
    expect(sideOf("call", null)).toBeNull();
  });

  it("gives unlabelled speakers the side of the colleague who introduces them", () => {
    const sources = [
      email,
      call([
        ["Dana Lee", "Quick intros on our side: I've got Priya Shah with me."],
        ["Nate Ruiz", "I've got Keisha Moss from support, and Vince Hale, who runs our warehouses."],
        ["Nate Ruiz", "That went all the way up to Elaine, our COO."],
        ["Elaine Park", "Happy to be here."],
        ["Keisha Moss", "Hi."],
        ["Vince Hale", "Hello."],
        ["Priya Shah", "Hi all."],
        ["Omar Diaz", "Hello from finance."],
      ]),
    ];
    const sideOf = createSideResolver(sources);
    expect(sideOf("call", "Priya Shah")).toBe("seller");
    expect(sideOf("call", "Keisha Moss")).toBe("customer");
    expect(sideOf("call", "Vince Hale")).toBe("customer");
    expect(sideOf("call", "Elaine Park")).toBe("customer");
    expect(sideOf("call", "Omar Diaz")).toBeNull();
  });

  it("leaves a speaker unknown when the two sides introduce them differently", () => {
    const sideOf = createSideResolver([
      email,
      call([
        ["Dana Lee", "I've got Sam Ito with me today."],
        ["Nate Ruiz", "And Sam Ito, our controller, is joining too."],
        ["Sam Ito", "Hello."],
      ]),
    ]);
    expect(sideOf("call", "Sam Ito")).toBeNull();
  });

  it("does not take a mere mention for an introduction", () => {
    const sideOf = createSideResolver([
      email,
      call([
        ["Nate Ruiz", "I sent Gwen Ford the deck yesterday."],
        ["Gwen Ford", "Got it."],
      ]),
    ]);
    expect(sideOf("call", "Gwen Ford")).toBeNull();
  });

  it("reads the sides of a bare two-person transcript from how each speaker talks, when asked to", () => {
    const bare = call([
      ["Dana", "Who else needs to be involved on your side? And what does your team use today?"],
      ["Marta", "Our IT lead for SSO, and our CFO signs. My team lives in spreadsheets."],
      ["Dana", "Got it."],
    ]);
    const sideOf = createSideResolver([bare], { fromSpeech: true });
    expect(sideOf("call", "Dana")).toBe("seller");
    expect(sideOf("call", "Marta")).toBe("customer");
    expect(createSideResolver([bare])("call", "Dana")).toBeNull();
  });

  it("guesses nothing from speech when everyone talks alike", () => {
    const sources = [
      call([
        ["Project Manager", "Our budget is tight."],
        ["Designer", "My team agrees, our budget is tight."],
      ]),
    ];
    const sideOf = createSideResolver(sources, { fromSpeech: true });
    expect(sideOf("call", "Project Manager")).toBeNull();
    expect(sideOf("call", "Designer")).toBeNull();
  });
});
