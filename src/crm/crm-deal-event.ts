import { z } from "zod";
import { DEAL_INPUT_FIELDS } from "../domain/deal.ts";
import { formatZodIssue } from "../parse-input.ts";
import { AppError } from "../errors.ts";

export const CRM_NAMES = ["hubspot", "salesforce"] as const;
export type CrmName = (typeof CRM_NAMES)[number];

const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("expected an email address"));

/** One closed-won deal as a CRM reports it, whatever its wire shape; what Baton applies to the deal. */
export const CrmDealEventSchema = z.object({
  crm: z.enum(CRM_NAMES),
  /** The CRM's id of this delivery's event: a repeat delivery carries the same one. */
  eventId: z.string().trim().min(1).max(200),
  /** The CRM's deal (opportunity) id; Baton's dealKey is `<crm>:<id>`. */
  crmDealId: z.string().trim().min(1).max(200),
  account: DEAL_INPUT_FIELDS.account,
  closeDate: DEAL_INPUT_FIELDS.closeDate,
  amount: DEAL_INPUT_FIELDS.amount,
  currency: DEAL_INPUT_FIELDS.currency,
  aeEmail: EmailSchema,
  csmEmail: EmailSchema.nullable().optional(),
});
export type CrmDealEvent = z.infer<typeof CrmDealEventSchema>;

/** An event that is no closed-won deal: acknowledged, recorded, not applied. */
export type IgnoredCrmEvent = { eventId: string; ignored: string };

/** What a delivery holds, in the order sent: closed-won deals to apply and events to acknowledge only. */
export type CrmDelivery = { crm: CrmName; events: (CrmDealEvent | IgnoredCrmEvent)[] };

/** Validates what a reader gathered; the message names the event and the field. */
export function toCrmDealEvent(candidate: Record<string, unknown>): CrmDealEvent {
  const parsed = CrmDealEventSchema.safeParse(candidate);
  if (!parsed.success) {
    const label = typeof candidate.eventId === "string" ? `event ${candidate.eventId}` : "event";
    throw new AppError({ code: "INVALID_INPUT", message: `${label}: ${formatZodIssue(parsed.error, "event")}` });
  }
  return parsed.data;
}

/** A CRM date or date-time (ISO 8601, or Unix milliseconds as HubSpot sends them) as the UTC day YYYY-MM-DD. */
export function toCloseDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === "") return value === undefined ? undefined : null;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms =
    typeof value === "number" || (typeof value === "string" && /^\d{10,16}$/.test(value)) ? Number(value) : Date.parse(String(value));
  // Unparseable text is kept as it is so that validation names it.
  return Number.isNaN(ms) ? String(value) : new Date(ms).toISOString().slice(0, 10);
}

/** A CRM amount ("48000", "48000.0", 48000) as a number; blank is null, text that is no number is kept for validation. */
export function toAmount(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value === null || value === "") return null;
  const number = Number(value);
  return typeof value === "string" && !Number.isNaN(number) ? number : value;
}
