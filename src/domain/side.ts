import { z } from "zod";

/** Which side of the deal a person is on. */
export const SideSchema = z.enum(["seller", "customer"]);
export type Side = z.infer<typeof SideSchema>;
