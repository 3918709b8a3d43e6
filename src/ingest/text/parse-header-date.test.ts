import { describe, expect, it } from "vitest";
import { parseHeaderDate } from "./parse-header-date.ts";

describe("parseHeaderDate", () => {
  it.each([
    ["2025-02-10", "2025-02-10"],
    ["2025-2-3 (Monday)", "2025-02-03"],
    ["January 15, 2024", "2024-01-15"],
    ["Mon, Jan. 15th 2024, 10am PT", "2024-01-15"],
    ["Sept 9, 2024", "2024-09-09"],
    ["15 March 2024", "2024-03-15"],
    ["2024/03/15", "2024-03-15"],
    ["03/04/2024", "2024-03-04"],
    ["25/12/2024", "2024-12-25"],
    ["04.03.2024", "2024-03-04"],
    ["2025-02-10T15:30:00Z", "2025-02-10T15:30:00.000Z"],
    ["2025-02-10 09:30 +01:00", "2025-02-10T08:30:00.000Z"],
    ["2025-02-10 09:30 (local)", "2025-02-10"],
  ])("reads %s", (value, expected) => {
    expect(parseHeaderDate(value)).toBe(expected);
  });

  it.each(["next Tuesday", "2025-02-30", "13/13/2024", "Marching 5, 2024", "32 minutes", ""])("rejects %s", (value) => {
    expect(parseHeaderDate(value)).toBeNull();
  });
});
