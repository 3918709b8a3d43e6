import { z } from "zod";
import { VERSION_DESCRIPTION } from "./expected-version.ts";
import { IsoDateSchema } from "./iso-date.ts";
import { visibleNameSchema } from "./visible-name.ts";

export const DealSchema = z.object({
  id: z.string(),
  account: z.string(),
  closeDate: z.string().nullable().describe("YYYY-MM-DD"),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  aeId: z.string(),
  csmId: z.string().nullable(),
  dealKey: z
    .string()
    .nullable()
    .describe("the deal's key outside Baton (a batch manifest's deal_key or a CRM deal id), unique; null for deals made by hand"),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Bumped by the database on every change to the deal's content (see migration "deal-revision"). */
  revision: z
    .number()
    .int()
    .nonnegative()
    .describe(
      "bumped by every change to what the deal's draft, brief or report reads (deal fields, sources, items, gap answers, versions)",
    ),
  version: z
    .number()
    .int()
    .positive()
    .describe(`${VERSION_DESCRIPTION}; counts changes of the deal's own fields only (account, close date, amount, currency, AE, CSM, key)`),
});
export type Deal = z.infer<typeof DealSchema>;

/** The facts of a deal someone sets; the rest is the store's. */
export type DealInput = Pick<Deal, "account" | "closeDate" | "amount" | "currency" | "aeId" | "csmId"> & { dealKey?: string | null };

/** The fields of a deal its AE sets (the API's DealInput and the new-deal page), each with its rule. */
export const DEAL_INPUT_FIELDS = {
  account: visibleNameSchema(200),
  closeDate: IsoDateSchema.nullable().optional(),
  amount: z.number().nonnegative().max(1e12).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD")
    .nullable()
    .optional(),
  csmId: z.string().max(64).nullable().optional(),
};
