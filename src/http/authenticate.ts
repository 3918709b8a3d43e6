import type { MiddlewareHandler } from "hono";
import { hashToken } from "../access/tokens.ts";
import { AppError } from "../errors.ts";
import type { UserRepository } from "../storage/user-repository.ts";
import type { AppEnv } from "./app-env.ts";

/** Bearer-token authentication: the token's hash is looked up; the token itself is never stored or logged. */
export function authenticate(users: UserRepository): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? users.findByTokenHash(hashToken(match[1]!)) : undefined;
    if (user === undefined) {
      c.header("WWW-Authenticate", 'Bearer realm="baton"');
      throw new AppError({ code: "UNAUTHENTICATED", message: "missing or invalid bearer token" });
    }
    c.set("user", user);
    await next();
  };
}
