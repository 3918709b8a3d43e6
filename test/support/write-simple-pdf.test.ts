import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { encodePdfLiteral, writeSimplePdf } from "./write-simple-pdf.ts";

async function readBack(bytes: Uint8Array, password?: string) {
  const parser = new PDFParse({ data: bytes, isEvalSupported: false, ...(password ? { password } : {}) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    return { pages: text.pages.map((page) => page.text), info: info.info as Record<string, unknown>, dates: info.getDateNode() };
  } finally {
    await parser.destroy();
  }
}

describe("writeSimplePdf", () => {
  it("escapes parentheses and backslashes and maps WinAnsi characters", () => {
    expect(encodePdfLiteral("a (b) \\ c")).toBe("a \\(b\\) \\\\ c");
    expect(encodePdfLiteral("é€")).toBe("\\351\\200");
    expect(encodePdfLiteral("漢")).toBe("?");
  });

  it("writes one page per array of lines that pdf-parse reads back", async () => {
    const bytes = writeSimplePdf([["Hello (world) \\ back", "Café – “quoted” €5"], ["Second page"]], {
      title: "Notes (draft)",
      creationDate: new Date("2024-03-05T10:00:00Z"),
    });
    const { pages, info, dates } = await readBack(bytes);
    expect(pages).toEqual(["Hello (world) \\ back\nCafé – “quoted” €5", "Second page"]);
    expect(info.Title).toBe("Notes (draft)");
    expect(dates.CreationDate?.toISOString()).toBe("2024-03-05T10:00:00.000Z");
  });

  it("repeats header and footer lines with page numbers", async () => {
    const bytes = writeSimplePdf([["one"], ["two"]], { header: ["ACME"], footer: ["Page {page} of {pages}"] });
    const { pages } = await readBack(bytes);
    expect(pages).toEqual(["ACME\none\nPage 1 of 2", "ACME\ntwo\nPage 2 of 2"]);
  });

  it("encrypts with a user password", async () => {
    const bytes = writeSimplePdf([["Secret line"]], { userPassword: "hunter2", title: "Sécret" });
    await expect(readBack(bytes.slice())).rejects.toThrow(/password/i);
    const { pages, info } = await readBack(bytes.slice(), "hunter2");
    expect(pages).toEqual(["Secret line"]);
    expect(info.Title).toBe("Sécret");
  });
});
