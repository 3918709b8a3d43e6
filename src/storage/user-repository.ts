import type { Role, User } from "../domain/user.ts";
import { AppError } from "../errors.ts";
import { newId } from "./new-id.ts";
import type { Database } from "./open-database.ts";

type UserRow = { id: string; name: string; email: string; role: Role; created_at: string };

const toUser = (row: UserRow): User => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  createdAt: row.created_at,
});

export type UserRepository = ReturnType<typeof createUserRepository>;

export function createUserRepository(db: Database) {
  // Prepared once: token lookup runs on every request.
  const byTokenHash = db.prepare("SELECT id, name, email, role, created_at FROM users WHERE token_hash = ? AND disabled_at IS NULL");
  const byId = db.prepare("SELECT id, name, email, role, created_at FROM users WHERE id = ? AND disabled_at IS NULL");
  return {
    /** Adds a user holding the given token hash; a second user with the same email is a CONFLICT. */
    add(input: { name: string; email: string; role: Role; tokenHash: string }, now: Date): User {
      const id = newId("usr");
      try {
        db.prepare("INSERT INTO users (id, name, email, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(
          id,
          input.name,
          input.email.toLowerCase(),
          input.role,
          input.tokenHash,
          now.toISOString(),
        );
      } catch (error) {
        if (String(error).includes("UNIQUE")) {
          throw new AppError({ code: "CONFLICT", message: `a user with email ${input.email} already exists` });
        }
        throw error;
      }
      return { id, name: input.name, email: input.email.toLowerCase(), role: input.role, createdAt: now.toISOString() };
    },
    findByTokenHash(tokenHash: string): User | undefined {
      const row = byTokenHash.get(tokenHash) as UserRow | undefined;
      return row ? toUser(row) : undefined;
    },
    get(id: string): User | undefined {
      const row = byId.get(id) as UserRow | undefined;
      return row ? toUser(row) : undefined;
    },
    /** The active user with this email (stored lower-cased), if any. */
    findByEmail(email: string): User | undefined {
      const row = db
        .prepare("SELECT id, name, email, role, created_at FROM users WHERE email = ? AND disabled_at IS NULL")
        .get(email.trim().toLowerCase()) as UserRow | undefined;
      return row ? toUser(row) : undefined;
    },
    list(): User[] {
      return (
        db.prepare("SELECT id, name, email, role, created_at FROM users WHERE disabled_at IS NULL ORDER BY created_at").all() as UserRow[]
      ).map(toUser);
    },
    disable(id: string, now: Date): boolean {
      return db.prepare("UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL").run(now.toISOString(), id).changes > 0;
    },
  };
}
