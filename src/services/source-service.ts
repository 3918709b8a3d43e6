import type { AppDeps } from "../deps.ts";
import { AppError, isAppError } from "../errors.ts";
import { parseSourceOffMainThread } from "../ingest/parse-pool.ts";
import type { ParsedSource } from "../domain/source.ts";
import { runInTransaction } from "../storage/open-database.ts";
import type { StoredSourceMeta } from "../storage/source-repository.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal, requireCapability } from "./authorize.ts";
import { eraseWal } from "./erase-wal.ts";

/** Most files one upload request may carry. */
export const MAX_FILES_PER_UPLOAD = 20;

export type Upload = { filename: string; bytes: Uint8Array };

export type UploadedSource = StoredSourceMeta & { duplicate: boolean };

type SourceDeps = Pick<AppDeps, "db" | "deals" | "sources" | "config"> & AuditDeps;

/**
 * Parses every upload first, so one unusable file rejects the whole upload and nothing is stored; then stores the new
 * ones (a file the deal already has is answered as a duplicate). The size limit is the parser's own check.
 */
export async function uploadSources(deps: SourceDeps, actor: Actor, dealId: string, uploads: Upload[]): Promise<UploadedSource[]> {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  if (uploads.length === 0) throw new AppError({ code: "INVALID_INPUT", message: "no file in the upload (use a 'file' field)" });
  if (uploads.length > MAX_FILES_PER_UPLOAD) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `at most ${MAX_FILES_PER_UPLOAD} files per upload` });
  }
  // Parsed on the parse threads, as many at once as there are threads; the first refusal refuses the upload.
  const parsed: { upload: Upload; result: ParsedSource }[] = await Promise.all(
    uploads.map(async (upload) => {
      try {
        return { upload, result: await parseSourceOffMainThread(upload.bytes, upload.filename, deps.config.limits) };
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw new AppError({ code: error.code, message: `${upload.filename}: ${error.message}`, cause: error });
      }
    }),
  );
  const stored = runInTransaction(deps.db, () =>
    parsed.map(({ upload, result }) => {
      const added = deps.sources.add(deal.id, result, upload.bytes, actor.user.id, deps.now());
      return { ...deps.sources.getMeta(deal.id, result.source.id)!, duplicate: !added };
    }),
  );
  for (const source of stored) {
    if (!source.duplicate) recordAudit(deps, actor, { action: "upload", objectType: "source", objectId: source.id, dealId: deal.id });
  }
  return stored;
}

/** What became of one file of an upload made file by file. */
export type UploadResult =
  | { filename: string; outcome: "added" | "duplicate"; source: UploadedSource }
  | { filename: string; outcome: "refused"; error: { code: string; message: string } };

/**
 * Parses and stores each upload on its own, so one unusable file refuses only itself: the browser's drop zone
 * shows a result per file. (The API's upload stays all-or-nothing: `uploadSources`.)
 */
export async function uploadSourcesEach(deps: SourceDeps, actor: Actor, dealId: string, uploads: Upload[]): Promise<UploadResult[]> {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  if (uploads.length === 0) throw new AppError({ code: "INVALID_INPUT", message: "no file in the upload (use a 'file' field)" });
  if (uploads.length > MAX_FILES_PER_UPLOAD) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `at most ${MAX_FILES_PER_UPLOAD} files per upload` });
  }
  const results: UploadResult[] = [];
  // Parsed on the parse threads, as many at once as there are threads; each outcome is kept, none left unhandled.
  const outcomes = await Promise.allSettled(
    uploads.map((upload) => parseSourceOffMainThread(upload.bytes, upload.filename, deps.config.limits)),
  );
  for (const [index, upload] of uploads.entries()) {
    const outcome = outcomes[index]!;
    if (outcome.status === "rejected") {
      if (!isAppError(outcome.reason)) throw outcome.reason;
      results.push({
        filename: upload.filename,
        outcome: "refused",
        error: { code: outcome.reason.code, message: outcome.reason.message },
      });
      continue;
    }
    const parsed: ParsedSource = outcome.value;
    const added = deps.sources.add(deal.id, parsed, upload.bytes, actor.user.id, deps.now());
    const source = { ...deps.sources.getMeta(deal.id, parsed.source.id)!, duplicate: !added };
    if (added) recordAudit(deps, actor, { action: "upload", objectType: "source", objectId: source.id, dealId: deal.id });
    results.push({ filename: upload.filename, outcome: added ? "added" : "duplicate", source });
  }
  return results;
}

/**
 * RevOps' import (the batch service's): stores already parsed files on a deal of the batch, skipping those it has;
 * the audit entries name RevOps. Not a transaction of its own, so the caller can make one with the deal's creation.
 */
export function storeImportedSources(
  deps: Pick<AppDeps, "sources"> & AuditDeps,
  actor: Actor,
  dealId: string,
  files: { parsed: ParsedSource; bytes: Uint8Array }[],
): { added: number } {
  requireCapability(actor.user, "importDeals", "only RevOps imports files for AEs");
  let added = 0;
  for (const { parsed, bytes } of files) {
    if (!deps.sources.add(dealId, parsed, bytes, actor.user.id, deps.now())) continue;
    added += 1;
    recordAudit(deps, actor, { action: "upload", objectType: "source", objectId: parsed.source.id, dealId });
  }
  return { added };
}

export function listSources(deps: Pick<AppDeps, "deals" | "sources">, actor: Actor, dealId: string): StoredSourceMeta[] {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  return deps.sources.listMeta(deal.id);
}

/** One source: its metadata, normalized text and segments. */
export function readSource(
  deps: Pick<AppDeps, "deals" | "sources"> & AuditDeps,
  actor: Actor,
  dealId: string,
  sourceId: string,
): StoredSourceMeta & ParsedSource {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const parsed = deps.sources.getParsed(deal.id, sourceId);
  const meta = deps.sources.getMeta(deal.id, sourceId);
  if (parsed === undefined || meta === undefined) throw new AppError({ code: "NOT_FOUND", message: "source not found" });
  recordAudit(deps, actor, { action: "view", objectType: "source", objectId: meta.id, dealId: deal.id });
  return { ...meta, source: parsed.source, segments: parsed.segments };
}

export function deleteSource(
  deps: Pick<AppDeps, "db" | "deals" | "sources" | "logger"> & AuditDeps,
  actor: Actor,
  dealId: string,
  sourceId: string,
): void {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  if (!deps.sources.delete(deal.id, sourceId)) throw new AppError({ code: "NOT_FOUND", message: "source not found" });
  recordAudit(deps, actor, { action: "delete", objectType: "source", objectId: sourceId, dealId: deal.id });
  eraseWal(deps);
}
