import { basename } from "node:path";
import type { AppDeps } from "../deps.ts";
import type { ManifestRow } from "../domain/batch-row.ts";
import type { Deal } from "../domain/deal.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { User } from "../domain/user.ts";
import { isAppError } from "../errors.ts";
import { parseSource } from "../ingest/parse-source.ts";

/** One file a row names: its bytes, or why it could not be read (not found, too large…). */
export type BatchFile = { path: string; bytes: Uint8Array } | { path: string; problem: string };

/**
 * A manifest row and how to read its files (from disk for the CLI, from the request for the API); read row by row,
 * so a long manifest never holds every file in memory at once.
 */
export type BatchRowInput = ManifestRow & { readFiles: () => Promise<BatchFile[]> };

/** A row ready to import: its AE and CSM found, every file parsed, the deal it already has by key (if any). */
export type ResolvedRow = {
  row: ManifestRow;
  ae: User;
  csm: User | null;
  existing: Deal | undefined;
  files: { parsed: ParsedSource; bytes: Uint8Array }[];
};

type ResolveDeps = Pick<AppDeps, "users" | "deals" | "config">;

/**
 * Finds what a row names and parses its files, or says the first reason it cannot be imported: an unknown AE or CSM
 * email, a missing or refused file, a deal key already owned by another AE. Nothing is stored.
 */
export async function resolveBatchRow(deps: ResolveDeps, input: BatchRowInput): Promise<ResolvedRow | { reason: string }> {
  const { readFiles, ...row } = input;
  const ae = deps.users.findByEmail(row.aeEmail);
  if (ae?.role !== "ae") return { reason: `ae_email: no AE with the email ${row.aeEmail}` };
  const csm = row.csmEmail === null ? null : deps.users.findByEmail(row.csmEmail);
  if (csm !== null && csm?.role !== "csm") return { reason: `csm_email: no CSM with the email ${row.csmEmail}` };
  const existing = deps.deals.findByKey(row.dealKey);
  if (existing !== undefined && existing.aeId !== ae.id) {
    return { reason: `deal_key: ${row.dealKey} is a deal of another AE; its files were not added` };
  }
  const files: ResolvedRow["files"] = [];
  for (const file of await readFiles()) {
    if ("problem" in file) return { reason: `files: ${file.path}: ${file.problem}` };
    try {
      const parsed = await parseSource(file.bytes, basename(file.path), deps.config.limits);
      // The same bytes named twice are one source.
      if (!files.some((f) => f.parsed.source.id === parsed.source.id)) files.push({ parsed, bytes: file.bytes });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { reason: `files: ${file.path}: ${error.message}` };
    }
  }
  return { row, ae, csm, existing, files };
}

/** The sources an import of this row would hand to the extractor: stored ones not extracted yet, and new ones. */
export function sourcesToExtract(deps: Pick<AppDeps, "sources">, resolved: ResolvedRow): ParsedSource[] {
  if (resolved.existing === undefined) return resolved.files.map((file) => file.parsed);
  const dealId = resolved.existing.id;
  const stored = new Map(deps.sources.listMeta(dealId).map((meta) => [meta.id, meta]));
  const pendingStored = deps.sources.listParsed(dealId).filter((parsed) => stored.get(parsed.source.id)?.extractedRunId === null);
  const fresh = resolved.files.map((file) => file.parsed).filter((parsed) => !stored.has(parsed.source.id));
  return [...pendingStored, ...fresh];
}
