import { describe, expect, it } from "vitest";
import { readAttendeeLines } from "./read-attendee-lines.ts";

describe("readAttendeeLines", () => {
  it("reads names with company, or title and company, from an attendee line", () => {
    expect(
      readAttendeeLines(["Kickoff notes", "Attendees: Dana Whitfield (Northwind), Priya Raman (Account Executive, Larkspur); Tom Okafor"]),
    ).toEqual([
      { name: "Dana Whitfield", company: "Northwind" },
      { name: "Priya Raman", title: "Account Executive", company: "Larkspur" },
      { name: "Tom Okafor" },
    ]);
  });

  it("ignores lines that are not attendee lists", () => {
    expect(readAttendeeLines(["Dana Whitfield: Attendees: none", "Present value is high."])).toEqual([]);
  });
});
