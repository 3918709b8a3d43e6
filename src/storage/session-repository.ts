import { createHash, randomBytes } from "node:crypto";
import type { Role, User } from "../domain/user.ts";
import type { Database } from "./open-database.ts";

/** A signed-in browser: who, the token its forms must carry, and until when. */
export type WebSession = { user: User; csrfToken: string; expiresAt: string };

/** Longest a session lives, however active. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A session unused this long ends. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
// Recording every page view would be a write per request; activity is recorded at most this often.
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

type SessionRow = {
  csrf_token: string;
  expires_at: string;
  last_seen_at: string;
  id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
};

/** The session id is a bearer secret: only its hash is stored, like API tokens. */
export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;

/** Server-side browser sessions: a disabled user's sessions stop working; deleting a session revokes it. */
export function createSessionRepository(db: Database) {
  const insert = db.prepare(
    "INSERT INTO web_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const byHash = db.prepare(
    `SELECT s.csrf_token, s.expires_at, s.last_seen_at, u.id, u.name, u.email, u.role, u.created_at
     FROM web_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = ? AND u.disabled_at IS NULL`,
  );
  const touch = db.prepare("UPDATE web_sessions SET last_seen_at = ? WHERE id_hash = ?");
  const remove = db.prepare("DELETE FROM web_sessions WHERE id_hash = ?");
  const removeExpired = db.prepare("DELETE FROM web_sessions WHERE expires_at <= ? OR last_seen_at <= ?");
  return {
    /** Starts a session for the user; returns the id for the cookie (shown once, stored hashed). */
    create(userId: string, now: Date): { sessionId: string; csrfToken: string; expiresAt: string } {
      removeExpired.run(now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
      const sessionId = randomBytes(32).toString("base64url");
      const csrfToken = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
      insert.run(hashSessionId(sessionId), userId, csrfToken, now.toISOString(), now.toISOString(), expiresAt);
      return { sessionId, csrfToken, expiresAt };
    },
    /** The live session with this id, recording activity; undefined when unknown, expired, idle too long or revoked. */
    find(sessionId: string, now: Date): WebSession | undefined {
      const idHash = hashSessionId(sessionId);
      const row = byHash.get(idHash) as SessionRow | undefined;
      if (row === undefined) return undefined;
      const lastSeen = Date.parse(row.last_seen_at);
      if (Date.parse(row.expires_at) <= now.getTime() || lastSeen + SESSION_IDLE_MS <= now.getTime()) {
        remove.run(idHash);
        return undefined;
      }
      if (now.getTime() - lastSeen >= LAST_SEEN_RESOLUTION_MS) touch.run(now.toISOString(), idHash);
      return {
        user: { id: row.id, name: row.name, email: row.email, role: row.role, createdAt: row.created_at },
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      };
    },
    /** Ends the session (sign-out); true when there was one. */
    revoke(sessionId: string): boolean {
      return Number(remove.run(hashSessionId(sessionId)).changes) > 0;
    },
  };
}
