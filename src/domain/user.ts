import { z } from "zod";

export const ROLES = ["ae", "csm", "revops", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export type User = { id: string; name: string; email: string; role: Role; createdAt: string };
