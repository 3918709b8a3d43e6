import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { parseManifestCsv } from "../../src/batch/parse-manifest-csv.ts";
import { isRejectedRow } from "../../src/domain/batch-row.ts";
import type { Role } from "../../src/domain/user.ts";
import type { TestApp, TestUser } from "./test-app.ts";

export const BATCH_FIXTURES_DIR = resolve(import.meta.dirname, "../../fixtures/batches");
export const SAMPLE_MANIFEST_DIR = join(BATCH_FIXTURES_DIR, "sample");
export const SAMPLE_MANIFEST = join(SAMPLE_MANIFEST_DIR, "manifest.csv");
export const DEAL_FOLDERS_DIR = join(BATCH_FIXTURES_DIR, "folder");

/** The people the fixture manifests name (fixtures/batches/README.md), plus a RevOps user to run batches. */
export function addBatchPeople(t: Pick<TestApp, "deps">) {
  const add = (name: string, email: string, role: Role): TestUser => {
    const token = generateToken();
    return { user: t.deps.users.add({ name, email, role, tokenHash: hashToken(token) }, t.deps.now()), token };
  };
  return {
    dana: add("Dana Whitlock", "dana.whitlock@corvala.example", "ae"),
    lena: add("Lena Moss", "lena.moss@corvala.example", "ae"),
    sam: add("Sam Okafor", "sam.okafor@corvala.example", "csm"),
    rita: add("Rita Ops", "rita.ops@corvala.example", "revops"),
  };
}

export type BatchPeople = ReturnType<typeof addBatchPeople>;

/** A POST /v1/batches body: the manifest and the files it names, each part named as the manifest names it. */
export function batchForm(manifest: string, files: Record<string, Uint8Array | string>): FormData {
  const form = new FormData();
  form.append("manifest", manifest);
  for (const [name, content] of Object.entries(files)) form.append("file", new Blob([content]), name);
  return form;
}

/** The sample manifest as a RevOps tool would send it: the CSV and every file it names, read from the fixture. */
export function sampleBatchForm(): FormData {
  const manifest = readFileSync(SAMPLE_MANIFEST, "utf8");
  const names = parseManifestCsv(new TextEncoder().encode(manifest)).flatMap((row) => (isRejectedRow(row) ? [] : row.files));
  return batchForm(
    manifest,
    Object.fromEntries(names.map((name) => [name, new Uint8Array(readFileSync(join(SAMPLE_MANIFEST_DIR, name)))])),
  );
}

/** Counts of what a batch can create, to show that a second run or a dry run adds nothing. */
export function countStored(t: Pick<TestApp, "deps">) {
  const count = (table: string) => (t.deps.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    deals: count("deals"),
    sources: count("sources"),
    runs: count("extraction_runs"),
    batches: count("batches"),
    audit: count("audit_log"),
  };
}
