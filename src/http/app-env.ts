import type { User } from "../domain/user.ts";

/** What middleware puts on the Hono context for the handlers. */
export type AppEnv = {
  Variables: {
    requestId: string;
    user: User;
    /** Aborts when the request times out or the client goes away; passed down to LLM calls. */
    signal: AbortSignal;
    /** When (epoch ms) a handler that waits must stop waiting and answer, a margin before the request deadline. */
    answerBy: number;
  };
};
