import { describe, expect, it } from "vitest";
import { isSpeakerLabel } from "./is-speaker-label.ts";

describe("isSpeakerLabel", () => {
  it.each([
    "Sarah",
    "Sarah Chen",
    "Dr. Melissa Ko",
    "Khalilah Beal-Uribe",
    "Ludwig van Beethoven",
    "CSR",
    "AE",
    "Customer",
    "customer",
    "Speaker 1",
    "SPEAKER_00",
    "Participant 12",
    "Q",
    "José Álvarez",
    "O'Brien",
  ])("accepts %s", (label) => {
    expect(isSpeakerLabel(label)).toBe(true);
  });

  it.each([
    "Note",
    "Subject",
    "Duration",
    "Call Date",
    "Next Steps",
    "Call Notes",
    "Important points",
    "The key point",
    "10",
    "https",
    "Step 1",
    "Chapter 3",
    "Pain Points",
    "One Two Three Four Five",
    "",
    "van Gogh",
    "A very long label that certainly is not a name",
  ])("rejects %j", (label) => {
    expect(isSpeakerLabel(label)).toBe(false);
  });
});
