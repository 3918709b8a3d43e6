import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import { parseStoredParse } from "../drafting/parse-stored-parse.ts";
import { MIGRATIONS } from "./migrations.ts";
import { type Database, openDatabase } from "./open-database.ts";
import { createSourceRepository } from "./source-repository.ts";

const NOW = "2026-03-02T10:00:00.000Z";
const CALL = buildParsedSource({
  id: "src_call",
  filename: "call.txt",
  turns: [
    ["Ann", "We need it live by March — Ünïcode kept."],
    ["Bo", "Security signs off."],
  ],
});
const NOTES = buildParsedSource({ id: "src_notes", filename: "notes.txt", turns: [[null, "One line."]] });

let dir: string | undefined;
let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function databasePath(): string {
  dir = mkdtempSync(join(tmpdir(), "baton-sources-"));
  return join(dir, "baton.sqlite");
}

function seedDeal(database: DatabaseSync): void {
  database.exec(
    `INSERT INTO users (id, name, email, role, token_hash, created_at) VALUES ('usr_1', 'Ann', 'a@x.example', 'ae', 'h', '${NOW}')`,
  );
  database.exec(`INSERT INTO deals (id, account, ae_id, created_at, updated_at) VALUES ('deal_1', 'Acme', 'usr_1', '${NOW}', '${NOW}')`);
}

describe("source repository", () => {
  it("keeps each source's parse, the run that extracted it and its segment count through the migration that moves them", () => {
    const path = databasePath();
    const raw = new DatabaseSync(path);
    raw.exec("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    for (const migration of MIGRATIONS.filter((m) => m.id <= 11)) {
      raw.exec(migration.sql);
      raw.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)").run(migration.id, migration.name, NOW);
    }
    seedDeal(raw);
    const insert = raw.prepare(
      `INSERT INTO sources (deal_id, id, filename, format, sha256, byte_length, content, parsed, extracted_run_id, uploaded_by, created_at)
       VALUES ('deal_1', ?, ?, 'text', ?, 1, x'00', ?, ?, 'usr_1', '${NOW}')`,
    );
    insert.run(CALL.source.id, CALL.source.filename, "a", JSON.stringify(CALL), "run_1");
    insert.run(NOTES.source.id, NOTES.source.filename, "b", JSON.stringify(NOTES), null);
    raw.close();

    db = openDatabase(path);
    const sources = createSourceRepository(db);
    const metas = sources.listMeta("deal_1");
    expect(metas.map((m) => [m.id, m.extractedRunId, m.segmentCount])).toEqual([
      ["src_call", "run_1", 2],
      ["src_notes", null, 1],
    ]);
    // The bytes and the parse moved to rows of their own, whole.
    expect(sources.getParsed("deal_1", "src_call")).toEqual(CALL);
    expect(sources.listParsed("deal_1")).toEqual([CALL, NOTES]);
  });

  it("marks sources extracted without touching their rows, skips one deleted meanwhile, and forgets the mark with the source", () => {
    db = openDatabase(databasePath());
    seedDeal(db);
    const sources = createSourceRepository(db);
    sources.add("deal_1", CALL, new Uint8Array([1]), "usr_1", new Date(NOW));
    sources.add("deal_1", NOTES, new Uint8Array([2]), "usr_1", new Date(NOW));
    expect(sources.delete("deal_1", NOTES.source.id)).toBe(true);

    sources.markExtracted("deal_1", [CALL.source.id, NOTES.source.id], "run_1");
    expect(sources.listMeta("deal_1").map((m) => [m.id, m.extractedRunId, m.segmentCount])).toEqual([["src_call", "run_1", 2]]);
    expect(db.prepare("SELECT source_id FROM source_extractions").all()).toEqual([{ source_id: "src_call" }]);

    sources.delete("deal_1", CALL.source.id);
    expect(db.prepare("SELECT COUNT(*) AS n FROM source_extractions").get()).toEqual({ n: 0 });
  });

  it("gives the stored parses as bytes that parse back to what was stored, in upload order", () => {
    db = openDatabase(databasePath());
    seedDeal(db);
    const sources = createSourceRepository(db);
    sources.add("deal_1", CALL, new Uint8Array([1]), "usr_1", new Date(NOW));
    sources.add("deal_1", NOTES, new Uint8Array([2]), "usr_1", new Date(NOW));
    const stored = sources.listParsedBytes("deal_1");
    expect(stored.map((s) => s.id)).toEqual(["src_call", "src_notes"]);
    expect(stored.map(parseStoredParse)).toEqual([CALL, NOTES]);
  });
});
