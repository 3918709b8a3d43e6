import { describe, expect, it } from "vitest";
import { looksLikeCsvTable } from "./looks-like-csv-table.ts";

const ZOOM_LIST = [
  "Topic,ID,Start Time,File Size (MB),File Count,Total Views,Total Downloads,Last Accessed,",
  'Weekly sync,996 6354 4011,"Jan 24, 2024 12:25:59",147.0676,11,0,6,"Jan 24, 2024 13:39:20"',
  'Weekly sync,960 8322 8914,"Jan 18, 2024 18:26:14",1200.6551,24,0,6,"Jan 19, 2024 04:59:50"',
].join("\n");

describe("looksLikeCsvTable", () => {
  it("recognizes a Zoom recordings list by its columns", () => {
    expect(looksLikeCsvTable(ZOOM_LIST, "recordings.csv")).toBe(true);
  });

  it("needs more rows to call a file a table when it is not named .csv", () => {
    expect(looksLikeCsvTable(ZOOM_LIST, "recordings.txt")).toBe(false);
    const longer = `${ZOOM_LIST}\n${ZOOM_LIST.split("\n").slice(1).join("\n")}`;
    expect(looksLikeCsvTable(longer, "recordings.txt")).toBe(true);
  });

  it("does not take transcript prose with commas for a table", () => {
    const prose = "Sarah: Well, yes, I think so, maybe.\nDavid: Sure, fine.\nSarah: OK, then, we agree, right, yes?\nDavid: Yes.";
    expect(looksLikeCsvTable(prose, "call.csv")).toBe(false);
    expect(looksLikeCsvTable(prose, "call.txt")).toBe(false);
  });
});
