import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { AppError } from "../errors.ts";
import { MIGRATIONS } from "./migrations.ts";

export type Database = DatabaseSync;

/** Opens (creating if needed) the SQLite database and applies pending migrations in one transaction each. */
export function openDatabase(path: string): Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
  } catch (error) {
    throw new AppError({ code: "CONFIG_INVALID", message: `cannot open database at ${path} (BATON_DB)`, cause: error });
  }
  // WAL with synchronous=NORMAL: see the README's decision on durability. secure_delete zeroes deleted rows and freed
  // pages, so a deleted deal's text is not left in the file's free space.
  db.exec(
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
  );
  migrate(db);
  return db;
}

function migrate(db: DatabaseSync): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set((db.prepare("SELECT id FROM schema_migrations").all() as { id: number }[]).map((row) => row.id));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id)) continue;
    runInTransaction(db, () => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)").run(
        migration.id,
        migration.name,
        new Date().toISOString(),
      );
    });
  }
}

/**
 * Copies the write-ahead log into the database file and truncates it to zero bytes, so rows deleted (and zeroed by
 * secure_delete) leave no earlier copy in the WAL. False when another connection's reader kept it from completing.
 */
export function truncateWal(db: DatabaseSync): boolean {
  const result = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)").get() as { busy: number } | undefined;
  return result?.busy === 0;
}

/** Runs work atomically: all of it is written, or none. */
export function runInTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = work();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
