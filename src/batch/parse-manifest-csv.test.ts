import { describe, expect, it } from "vitest";
import { isRejectedRow } from "../domain/batch-row.ts";
import { parseManifestCsv } from "./parse-manifest-csv.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseManifestCsv", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, headers in any order and case, a BOM and CRLF", () => {
    const rows = parseManifestCsv(
      bytes(
        '\ufeffFiles,AE_Email,deal_key,close_date,account\r\n"calls/a.vtt; notes/b.txt",Dana@Corvala.example,K-1,2026-03-01,"Kestrel ""Ridge"", Inc."\r\n\r\n' +
          'x.txt,dana@corvala.example,K-2,2026-03-02,"Two\nLines"\r\n',
      ),
    );
    expect(rows).toEqual([
      {
        origin: "line 2",
        dealKey: "K-1",
        account: 'Kestrel "Ridge", Inc.',
        closeDate: "2026-03-01",
        aeEmail: "dana@corvala.example",
        csmEmail: null,
        amount: null,
        currency: null,
        files: ["calls/a.vtt", "notes/b.txt"],
      },
      // The record starts on line 4 (line 3 is empty) and its quoted account spans two lines, which a name may not.
      { origin: "line 4", dealKey: "K-2", reason: "account: must not contain control or bidi override characters" },
    ]);
  });

  it("rejects a bad row with its line and column, and keeps the others", () => {
    const rows = parseManifestCsv(
      bytes(
        "deal_key,account,close_date,ae_email,files,amount\nK-1,Acme,03/01/2026,a@b.example,a.txt,\nK-2,Beta,2026-03-01,a@b.example,b.txt,12000.50\n",
      ),
    );
    expect(rows[0]).toEqual({ origin: "line 2", dealKey: "K-1", reason: "close_date: expected a date as YYYY-MM-DD" });
    expect(isRejectedRow(rows[1]!)).toBe(false);
    expect(rows[1]).toMatchObject({ amount: 12000.5 });
  });

  it("refuses a manifest that is not CSV, lacks a required column or has no header", () => {
    expect(() => parseManifestCsv(bytes('deal_key,account\n"open'))).toThrow(/manifest is not CSV/);
    expect(() => parseManifestCsv(bytes("deal_key,account,close_date,files\n"))).toThrow(/lacks the column ae_email/);
    expect(() => parseManifestCsv(bytes(""))).toThrow(/manifest is empty/);
    expect(() => parseManifestCsv(new Uint8Array([0xc3, 0x28]))).toThrow(/not UTF-8/);
  });
});
