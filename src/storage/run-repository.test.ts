import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { MIGRATIONS } from "./migrations.ts";
import { type Database, openDatabase } from "./open-database.ts";
import { runFailureCodeFor } from "./run-failure-code.ts";
import { createRunRepository } from "./run-repository.ts";

const NOW = new Date("2026-03-02T10:00:00.000Z");
const USAGE = { llmCalls: 2, cachedCalls: 1, promptTokens: 900, completionTokens: 120 };
const EXTRACTOR = { kind: "offline" as const };

let dir: string | undefined;
let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function seedDeal(database: DatabaseSync): void {
  database.exec(
    `INSERT INTO users (id, name, email, role, token_hash, created_at) VALUES ('usr_1', 'Ann', 'ann@x.example', 'ae', 'h', '${NOW.toISOString()}')`,
  );
  database.exec(
    `INSERT INTO deals (id, account, ae_id, created_at, updated_at) VALUES ('deal_1', 'Acme', 'usr_1', '${NOW.toISOString()}', '${NOW.toISOString()}')`,
  );
}

function newDatabasePath(): string {
  dir = mkdtempSync(join(tmpdir(), "baton-runs-"));
  return join(dir, "baton.sqlite");
}

/** A database as a release with migrations up to `lastMigration` left it, holding one user and one deal. */
function databaseAt(lastMigration: number): { path: string; raw: DatabaseSync } {
  const path = newDatabasePath();
  const raw = new DatabaseSync(path);
  raw.exec("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  for (const migration of MIGRATIONS.filter((m) => m.id <= lastMigration)) {
    raw.exec(migration.sql);
    raw
      .prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)")
      .run(migration.id, migration.name, NOW.toISOString());
  }
  seedDeal(raw);
  return { path, raw };
}

function freshRepository() {
  db = openDatabase(newDatabasePath());
  seedDeal(db);
  return createRunRepository(db);
}

describe("run repository", () => {
  it("stores the items a run added beside its usage, which keeps only the usage fields", () => {
    const runs = freshRepository();
    const run = runs.create("deal_1", "usr_1", NOW);
    runs.markSucceeded(run.id, { extractor: EXTRACTOR, usage: USAGE, sourceIds: ["src_1"], itemsAdded: 7 }, NOW);
    expect(runs.get(run.id)).toMatchObject({ status: "succeeded", usage: USAGE, itemsAdded: 7, error: null, failureCode: null });
    const row = db!.prepare("SELECT usage, items_added FROM extraction_runs WHERE id = ?").get(run.id);
    expect(row).toEqual({ usage: JSON.stringify(USAGE), items_added: 7 });
  });

  it("gives a failed run a code from the closed set, keeping the code and message it failed with", () => {
    const runs = freshRepository();
    const run = runs.create("deal_1", "usr_1", NOW);
    const error = new AppError({ code: "LLM_FAILED", message: "LLM endpoint answered HTTP 503 after retries" });
    runs.markFailed(run.id, { code: error.code, message: error.message, failureCode: runFailureCodeFor(error) }, NOW);
    expect(runs.get(run.id)).toMatchObject({
      status: "failed",
      itemsAdded: null,
      error: { code: "LLM_FAILED", message: "LLM endpoint answered HTTP 503 after retries" },
      failureCode: "LLM_FAILED",
    });
  });

  it("fails runs a stopped service left behind as INTERRUPTED", () => {
    const runs = freshRepository();
    runs.create("deal_1", "usr_1", NOW);
    const running = runs.create("deal_1", "usr_1", NOW);
    runs.markRunning(running.id, NOW);
    expect(runs.failInterrupted(NOW)).toBe(2);
    for (const run of runs.listForDeal("deal_1")) {
      expect(run).toMatchObject({ status: "failed", error: { code: "INTERRUPTED" }, failureCode: "INTERRUPTED" });
    }
  });

  it("refuses a failure code outside the closed set", () => {
    freshRepository();
    db!.exec(
      `INSERT INTO extraction_runs (id, deal_id, status, requested_by, created_at) VALUES ('run_1', 'deal_1', 'queued', 'usr_1', '${NOW.toISOString()}')`,
    );
    expect(() => db!.exec("UPDATE extraction_runs SET failure_code = 'OOPS' WHERE id = 'run_1'")).toThrow(/CHECK constraint/);
  });

  it("reads runs stored before the failure code and items added had columns", () => {
    const { path, raw } = databaseAt(3);
    const insert = raw.prepare(
      "INSERT INTO extraction_runs (id, deal_id, status, requested_by, usage, error_code, error_message, created_at) VALUES (?, 'deal_1', ?, 'usr_1', ?, ?, ?, ?)",
    );
    insert.run("run_ok", "succeeded", JSON.stringify({ ...USAGE, itemsAdded: 12 }), null, null, "2026-03-01T00:00:01.000Z");
    insert.run("run_stopped", "failed", null, "INTERRUPTED", "the service stopped before this run finished", "2026-03-01T00:00:02.000Z");
    insert.run("run_llm", "failed", null, "LLM_FAILED", "LLM endpoint could not be reached after retries", "2026-03-01T00:00:03.000Z");
    insert.run("run_format", "failed", null, "UNSUPPORTED_FORMAT", "not a transcript", "2026-03-01T00:00:04.000Z");
    insert.run("run_odd", "failed", null, "NOT_FOUND", "gone", "2026-03-01T00:00:05.000Z");
    raw.close();
    db = openDatabase(path);
    const runs = createRunRepository(db);
    const byId = new Map(runs.listForDeal("deal_1").map((run) => [run.id, run]));
    expect(byId.get("run_ok")).toMatchObject({ usage: USAGE, itemsAdded: 12, failureCode: null });
    expect(Object.keys(byId.get("run_ok")!.usage!)).toEqual(["llmCalls", "cachedCalls", "promptTokens", "completionTokens"]);
    expect(byId.get("run_stopped")).toMatchObject({ error: { code: "INTERRUPTED" }, failureCode: "INTERRUPTED", itemsAdded: null });
    expect(byId.get("run_llm")).toMatchObject({ error: { code: "LLM_FAILED" }, failureCode: "LLM_FAILED" });
    expect(byId.get("run_format")).toMatchObject({ error: { code: "UNSUPPORTED_FORMAT" }, failureCode: "INVALID_INPUT" });
    expect(byId.get("run_odd")).toMatchObject({ error: { code: "NOT_FOUND", message: "gone" }, failureCode: "INTERNAL" });
  });
});

describe("runFailureCodeFor", () => {
  it.each([
    [new AppError({ code: "TIMEOUT", message: "x" }), "TIMEOUT"],
    [new AppError({ code: "LLM_FAILED", message: "x" }), "LLM_FAILED"],
    [new AppError({ code: "LIMIT_EXCEEDED", message: "x" }), "LIMIT_EXCEEDED"],
    [new AppError({ code: "UNSUPPORTED_FORMAT", message: "x" }), "INVALID_INPUT"],
    [new AppError({ code: "FORBIDDEN", message: "x" }), "INTERNAL"],
    [new TypeError("boom"), "INTERNAL"],
  ] as const)("maps %s to %s", (error, code) => {
    expect(runFailureCodeFor(error)).toBe(code);
  });
});
