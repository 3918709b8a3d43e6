import { MAX_BATCH_ROWS, type ManifestRow, readManifestRow, type RejectedRow } from "../domain/batch-row.ts";
import { AppError } from "../errors.ts";
import { MAX_MANIFEST_BYTES, parseManifestCsv } from "./parse-manifest-csv.ts";

/**
 * A manifest sent over HTTP: the contract's CSV, or a JSON array of rows with the same field names (a folder's
 * deal.json objects; `files` an array or a `;`-separated string). JSON is recognised by its opening bracket.
 */
export function parseManifest(bytes: Uint8Array): (ManifestRow | RejectedRow)[] {
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return start.startsWith("[") ? parseManifestJson(bytes) : parseManifestCsv(bytes);
}

function parseManifestJson(bytes: Uint8Array): (ManifestRow | RejectedRow)[] {
  if (bytes.byteLength > MAX_MANIFEST_BYTES) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `manifest is over ${MAX_MANIFEST_BYTES} bytes: split it` });
  }
  let rows: unknown;
  try {
    rows = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: "manifest is neither CSV nor a JSON array of rows: the JSON does not parse" });
  }
  if (!Array.isArray(rows)) throw new AppError({ code: "INVALID_INPUT", message: "manifest: expected a JSON array of rows" });
  if (rows.length > MAX_BATCH_ROWS) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `manifest has ${rows.length} rows: at most ${MAX_BATCH_ROWS}, split it` });
  }
  return rows.map((row: unknown, index) => {
    const origin = `row ${index + 1}`;
    if (typeof row !== "object" || row === null || Array.isArray(row)) return { origin, dealKey: "", reason: "a row must be an object" };
    return readManifestRow(row as Record<string, unknown>, origin);
  });
}
