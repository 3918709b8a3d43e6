import { parse } from "csv-parse/sync";
import {
  MAX_BATCH_ROWS,
  type ManifestRow,
  OPTIONAL_MANIFEST_COLUMNS,
  readManifestRow,
  REQUIRED_MANIFEST_COLUMNS,
  type RejectedRow,
} from "../domain/batch-row.ts";
import { AppError } from "../errors.ts";

/** Largest manifest read: 500 rows of a few hundred characters each fit many times over. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Reads a CSV manifest (RFC 4180 quoting, a header row, columns in any order) into checked rows and rows rejected
 * with their reason. A manifest that cannot be used at all (not text, not CSV, a required column missing, too many
 * rows) is an INVALID_INPUT or LIMIT_EXCEEDED error naming why: nothing of it is imported.
 */
export function parseManifestCsv(bytes: Uint8Array): (ManifestRow | RejectedRow)[] {
  if (bytes.byteLength > MAX_MANIFEST_BYTES) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `manifest is over ${MAX_MANIFEST_BYTES} bytes: split it` });
  }
  const text = decodeManifest(bytes);
  let records: CsvRecord[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as CsvRecord[];
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : "unreadable";
    throw new AppError({ code: "INVALID_INPUT", message: `manifest is not CSV: ${detail}` });
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new AppError({ code: "INVALID_INPUT", message: "manifest is empty: expected a header row" });
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_MANIFEST_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new AppError({
      code: "INVALID_INPUT",
      message: `manifest lacks the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")} (needs ${REQUIRED_MANIFEST_COLUMNS.join(",")}; optional ${OPTIONAL_MANIFEST_COLUMNS.join(",")})`,
    });
  }
  if (rows.length > MAX_BATCH_ROWS) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `manifest has ${rows.length} rows: at most ${MAX_BATCH_ROWS}, split it` });
  }
  return rows.map(({ record, info }) => {
    // info.lines is where the record ends; a quoted cell may span lines.
    const origin = `line ${info.lines - record.join("").split("\n").length + 1}`;
    if (record.length !== columns.length) {
      const dealKey = record[columns.indexOf("deal_key")]?.trim() ?? "";
      return { origin, dealKey, reason: `the row has ${record.length} cells, the header ${columns.length}` };
    }
    return readManifestRow(Object.fromEntries(columns.map((name, i) => [name, record[i]])), origin);
  });
}

function decodeManifest(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: "manifest is not CSV: not UTF-8 text" });
  }
  if (text.includes("\u0000")) throw new AppError({ code: "INVALID_INPUT", message: "manifest is not CSV: binary content" });
  return text;
}
