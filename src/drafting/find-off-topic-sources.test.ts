import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import { findOffTopicSources } from "./find-off-topic-sources.ts";

// Hand-written sources in the shape of a deal's call and email, and of an unrelated list thread.
const call = buildParsedSource({
  id: "call",
  filename: "call.vtt",
  turns: [
    ["Dana Whitlock", "Thanks for joining. We connect to Zendesk and to Okta on day one."],
    ["Nate Brennan", "Our agents in Spokane need that before the busy season."],
  ],
});
const email = buildParsedSource({
  id: "email",
  filename: "thread.eml",
  participants: [{ name: "Nate Brennan", email: "nate@kestrelridge.example", company: "Kestrel Ridge Freight" }],
  turns: [[null, "Sending the seat list today."]],
});
const thread = buildParsedSource({
  id: "list",
  filename: "list.eml",
  participants: [{ name: "Tomas Lindqvist", email: "tomas@lists.fjordshell.example" }],
  turns: [["Tomas Lindqvist", "With shopt -s dotglob the loop also picks up the hidden files in Bash."]],
});

describe("findOffTopicSources", () => {
  it("never flags a deal of one source", () => {
    expect(findOffTopicSources([thread])).toEqual([]);
  });

  it("flags the one source that shares no person, company or subject with the others, naming the file", () => {
    expect(findOffTopicSources([call, email, thread])).toEqual([
      {
        kind: "off-topic-source",
        sourceId: "list",
        filename: "list.eml",
        message: "list.eml shares no people, company or subject with the deal's other sources: check that it belongs to this deal",
      },
    ]);
  });

  it("keeps a source that shares only the company, named in the other's text", () => {
    const order = buildParsedSource({
      id: "order",
      filename: "order.pdf",
      turns: [[null, "Customer: Kestrel Ridge Freight, Inc. Quantity: 120 agent seats"]],
    });
    const onlyCompany = buildParsedSource({
      id: "note",
      filename: "note.eml",
      participants: [{ name: "Gloria Mendez", email: "gloria@kestrelridge.example" }],
      turns: [[null, "Approved on my side."]],
    });
    expect(findOffTopicSources([order, onlyCompany])).toEqual([]);
  });

  it("keeps a source that shares only its subject: two names said mid-sentence", () => {
    const notes = buildParsedSource({
      id: "notes",
      filename: "notes.md",
      turns: [[null, "Open items: the Zendesk import and the Okta groups for Spokane."]],
    });
    expect(findOffTopicSources([call, notes])).toEqual([]);
    const oneName = buildParsedSource({
      id: "one",
      filename: "one.md",
      turns: [[null, "Remember that Zendesk changed its export format."]],
    });
    expect(findOffTopicSources([call, email, oneName]).map((w) => w.filename)).toEqual(["one.md"]);
  });

  it("names every source, setting none aside, when no two share anything", () => {
    expect(findOffTopicSources([call, thread]).map((w) => [w.kind, w.filename])).toEqual([
      ["unrelated-sources", "call.vtt"],
      ["unrelated-sources", "list.eml"],
    ]);
  });
});
