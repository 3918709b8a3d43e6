import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { MAX_MANIFEST_BYTES, parseManifestCsv } from "../batch/parse-manifest-csv.ts";
import type { IngestLimits } from "../config.ts";
import { isRejectedRow, MAX_BATCH_ROWS, readManifestRow, type RejectedRow } from "../domain/batch-row.ts";
import { AppError } from "../errors.ts";
import type { BatchFile, BatchRowInput } from "../services/resolve-batch-row.ts";

const DEAL_FILE = "deal.json";

/**
 * The rows of `baton batch PATH`: a CSV manifest (files relative to its folder) or a folder holding one subfolder per
 * deal with a deal.json (the same fields as a manifest row; without `files`, every other file of the subfolder).
 * A path that is neither, or an unusable manifest, is INVALID_INPUT.
 */
export async function readBatchInput(path: string, limits: IngestLimits): Promise<(BatchRowInput | RejectedRow)[]> {
  const found = await stat(path).catch(() => undefined);
  if (found === undefined) throw new AppError({ code: "INVALID_INPUT", message: `manifest not found: ${path}` });
  if (found.isDirectory()) return readDealFolders(path, limits);
  if (found.size > MAX_MANIFEST_BYTES) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `manifest is over ${MAX_MANIFEST_BYTES} bytes: split it` });
  }
  const rows = parseManifestCsv(new Uint8Array(await readFile(path)));
  const base = dirname(resolve(path));
  return rows.map((row) => (isRejectedRow(row) ? row : { ...row, readFiles: () => readFiles(base, row.files, limits) }));
}

async function readDealFolders(folder: string, limits: IngestLimits): Promise<(BatchRowInput | RejectedRow)[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const subfolders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  if (subfolders.length === 0) {
    throw new AppError({
      code: "INVALID_INPUT",
      message: `folder ${folder} has no deal subfolders (one per deal, each with a ${DEAL_FILE})`,
    });
  }
  if (subfolders.length > MAX_BATCH_ROWS) {
    throw new AppError({
      code: "LIMIT_EXCEEDED",
      message: `folder has ${subfolders.length} deal subfolders: at most ${MAX_BATCH_ROWS}, split it`,
    });
  }
  return Promise.all(subfolders.map((name) => readDealFolder(join(folder, name), `${name}/${DEAL_FILE}`, limits)));
}

async function readDealFolder(dealDir: string, origin: string, limits: IngestLimits): Promise<BatchRowInput | RejectedRow> {
  let record: unknown;
  try {
    record = JSON.parse(await readFile(join(dealDir, DEAL_FILE), "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { origin, dealKey: "", reason: missing ? `no ${DEAL_FILE} in the folder` : `${DEAL_FILE} is not JSON` };
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { origin, dealKey: "", reason: `${DEAL_FILE} must hold one object with the manifest's fields` };
  }
  const fields = { ...(record as Record<string, unknown>) };
  if (fields.files === undefined) {
    const entries = await readdir(dealDir, { withFileTypes: true });
    fields.files = entries
      .filter((entry) => entry.isFile() && entry.name !== DEAL_FILE && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
  }
  const row = readManifestRow(fields, origin);
  return isRejectedRow(row) ? row : { ...row, readFiles: () => readFiles(dealDir, row.files, limits) };
}

/** Reads each file relative to `base`; a missing, unreadable or oversized one is named with its problem, not read. */
function readFiles(base: string, paths: string[], limits: IngestLimits): Promise<BatchFile[]> {
  return Promise.all(
    paths.map(async (path): Promise<BatchFile> => {
      const full = resolve(base, path);
      const shown = relative(base, full) || path;
      const info = await stat(full).catch(() => undefined);
      if (info === undefined) return { path: shown, problem: "not found" };
      if (!info.isFile()) return { path: shown, problem: "not a file" };
      if (info.size > limits.maxFileBytes) {
        return { path: shown, problem: `file is over the ${limits.maxFileBytes}-byte limit (BATON_MAX_FILE_BYTES)` };
      }
      try {
        return { path: shown, bytes: new Uint8Array(await readFile(full)) };
      } catch {
        return { path: shown, problem: "cannot be read" };
      }
    }),
  );
}
