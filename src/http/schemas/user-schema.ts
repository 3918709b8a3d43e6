import { z } from "@hono/zod-openapi";
import { RoleSchema } from "../../domain/user.ts";

export const UserSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), role: RoleSchema, createdAt: z.string() })
  .openapi("User");
