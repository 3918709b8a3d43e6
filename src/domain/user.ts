import { z } from "zod";

export const RoleSchema = z.enum(["ae", "csm", "revops", "admin"]);
export type Role = z.infer<typeof RoleSchema>;

export type User = { id: string; name: string; email: string; role: Role; createdAt: string };
