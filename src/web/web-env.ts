import type { User } from "../domain/user.ts";

/** What the web middleware puts on the context: the signed-in user and their session's form token. */
export type WebEnv = {
  Variables: {
    requestId: string;
    user: User;
    /** The raw session id from the cookie (needed to revoke it); never logged. */
    sessionId: string;
    csrfToken: string;
    /** Whether the browser's request came over HTTPS (directly, or through a trusted proxy). */
    secure: boolean;
  };
};
