import { describe, expect, it } from "vitest";
import { linkParticipants } from "./link-participants.ts";
import type { Participant, Segment } from "../domain/source.ts";

function segment(speaker: string | null, index: number): Segment {
  return { id: `s${index}`, speaker, startMs: null, endMs: null, text: "x", charStart: 0, charEnd: 1 };
}

function segments(...speakers: (string | null)[]): Segment[] {
  return speakers.map((speaker, i) => segment(speaker, i + 1));
}

describe("linkParticipants", () => {
  it("links short labels to header attendees and keeps the label as written", () => {
    const header: Participant[] = [
      { name: "James Rodriguez", title: "CRO", company: "ScaleUp Inc" },
      { name: "Sarah Chen", title: "Account Executive", company: "Vendo" },
    ];
    const input = segments("James", "Sarah", null, "James", "SC");
    const linked = linkParticipants(header, input);
    expect(linked).toEqual([
      { name: "James Rodriguez", title: "CRO", company: "ScaleUp Inc", labels: ["James"], side: "customer" },
      { name: "Sarah Chen", title: "Account Executive", company: "Vendo", labels: ["Sarah", "SC"], side: "seller" },
    ]);
    expect(input.map((s) => s.speaker)).toEqual(["James", "Sarah", null, "James", "SC"]);
    expect(header[0]!.labels).toBeUndefined();
  });

  it("adds a participant for every label that names no attendee", () => {
    const linked = linkParticipants([{ name: "Sarah Chen" }], segments("Sarah", "Speaker 2", "Speaker 2"));
    expect(linked).toEqual([
      { name: "Sarah Chen", labels: ["Sarah"] },
      { name: "Speaker 2", labels: ["Speaker 2"] },
    ]);
  });

  it("leaves a shared first name unlinked instead of guessing", () => {
    const linked = linkParticipants([{ name: "Sarah Chen" }, { name: "Sarah Lee" }], segments("Sarah", "Sarah Lee"));
    expect(linked).toEqual([{ name: "Sarah Chen" }, { name: "Sarah Lee", labels: ["Sarah Lee"] }, { name: "Sarah", labels: ["Sarah"] }]);
  });

  it("gives CSR and Customer labels their sides", () => {
    const linked = linkParticipants([], segments("CSR", "Customer", "CSR"));
    expect(linked).toEqual([
      { name: "CSR", labels: ["CSR"], side: "seller" },
      { name: "Customer", labels: ["Customer"], side: "customer" },
    ]);
  });

  it("keeps labels a parser already recorded and does not duplicate them", () => {
    const linked = linkParticipants([{ name: "Ana Ruiz", email: "ana@acme.example", labels: ["Ana Ruiz"] }], segments("Ana Ruiz", "Ana"));
    expect(linked).toEqual([{ name: "Ana Ruiz", email: "ana@acme.example", labels: ["Ana Ruiz", "Ana"] }]);
  });

  it("returns the participants unchanged (as copies) when no segment has a speaker", () => {
    const header: Participant[] = [{ name: "Ana Ruiz" }];
    const linked = linkParticipants(header, segments(null));
    expect(linked).toEqual(header);
    expect(linked[0]).not.toBe(header[0]);
  });
});
