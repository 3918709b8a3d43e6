import type { AppDeps } from "../deps.ts";
import type { CrmDealEvent, CrmName } from "../crm/crm-deal-event.ts";
import { readCrmDelivery } from "../crm/read-crm-delivery.ts";
import { CRM_SIGNATURE_WINDOW_MS, type SignedRequest, verifyCrmSignature } from "../crm/verify-crm-signature.ts";
import type { Deal, DealInput } from "../domain/deal.ts";
import type { Role, User } from "../domain/user.ts";
import { AppError } from "../errors.ts";
import type { CrmEventOutcome } from "../storage/crm-webhook-repository.ts";
import { runInTransaction } from "../storage/open-database.ts";

export type CrmWebhookRequest = SignedRequest & { contentType: string | undefined; requestId: string | null };

/** What one event did: "repeat" when this event id was applied before (nothing changed this time). */
export type CrmEventResult = {
  eventId: string;
  dealKey: string | null;
  dealId: string | null;
  outcome: CrmEventOutcome | "repeat";
  reason?: string;
};

export type CrmWebhookAnswer = { crm: CrmName; results: CrmEventResult[] };

type CrmWebhookDeps = Pick<AppDeps, "config" | "db" | "deals" | "users" | "audit" | "crmWebhook" | "now">;

/**
 * A CRM's closed-won delivery: the signature is checked (HMAC with BATON_CRM_WEBHOOK_SECRET, 5-minute window, each
 * signature once), then every closed-won deal is created or updated by its CRM id (`<crm>:<id>` as dealKey) with AE and
 * CSM found by email. All of the delivery is applied, or none of it (an unknown AE email refuses the whole delivery).
 * Audited with the CRM as actor (user id `crm:<name>`).
 */
export function receiveCrmWebhook(deps: CrmWebhookDeps, request: CrmWebhookRequest): CrmWebhookAnswer {
  const secret = deps.config.crmWebhook.secret;
  if (secret === undefined) {
    throw new AppError({ code: "UNAVAILABLE", message: "the CRM webhook is not configured: set BATON_CRM_WEBHOOK_SECRET" });
  }
  const now = deps.now();
  const signature = verifyCrmSignature(request, secret, now);
  const delivery = readCrmDelivery(request.contentType, request.body);
  return runInTransaction(deps.db, () => {
    const expiresAt = new Date(Math.max(signature.signedAtMs, now.getTime()) + CRM_SIGNATURE_WINDOW_MS);
    if (!deps.crmWebhook.rememberSignature(`${signature.scheme}:${signature.signature}`, expiresAt, now)) {
      throw new AppError({ code: "CONFLICT", message: "CRM webhook: this signed request was already received (replay)" });
    }
    const results = delivery.events.map((event): CrmEventResult => {
      if ("crmDealId" in event) return applyEvent(deps, event, request.requestId, now);
      const eventKey = `${delivery.crm}:${event.eventId}`;
      if (deps.crmWebhook.findEvent(eventKey) === undefined) {
        deps.crmWebhook.recordEvent(eventKey, { dealKey: null, dealId: null, outcome: "ignored" }, now);
      }
      return { eventId: event.eventId, dealKey: null, dealId: null, outcome: "ignored", reason: event.ignored };
    });
    return { crm: delivery.crm, results };
  });
}

function applyEvent(deps: CrmWebhookDeps, event: CrmDealEvent, requestId: string | null, now: Date): CrmEventResult {
  const eventKey = `${event.crm}:${event.eventId}`;
  const dealKey = `${event.crm}:${event.crmDealId}`;
  const seen = deps.crmWebhook.findEvent(eventKey);
  if (seen !== undefined) return { eventId: event.eventId, dealKey, dealId: seen.dealId, outcome: "repeat" };
  const ae = findUser(deps, event, "aeEmail", "ae");
  const csm = event.csmEmail ? findUser(deps, event, "csmEmail", "csm") : undefined;
  const facts: Partial<DealInput> = {
    account: event.account,
    aeId: ae.id,
    ...(event.closeDate !== undefined ? { closeDate: event.closeDate } : {}),
    ...(event.amount !== undefined ? { amount: event.amount } : {}),
    ...(event.currency !== undefined ? { currency: event.currency } : {}),
    ...(csm !== undefined ? { csmId: csm.id } : {}),
  };
  const existing = deps.deals.findByKey(dealKey);
  let deal: Deal;
  let outcome: CrmEventOutcome;
  if (existing === undefined) {
    deal = deps.deals.add(
      {
        account: event.account,
        closeDate: facts.closeDate ?? null,
        amount: facts.amount ?? null,
        currency: facts.currency ?? null,
        aeId: ae.id,
        csmId: csm?.id ?? null,
        dealKey,
      },
      now,
    );
    outcome = "created";
  } else if (changes(existing, facts)) {
    deal = deps.deals.update(existing.id, facts, now) ?? existing;
    outcome = "updated";
  } else {
    deal = existing;
    outcome = "unchanged";
  }
  deps.crmWebhook.recordEvent(eventKey, { dealKey, dealId: deal.id, outcome }, now);
  if (outcome !== "unchanged") {
    deps.audit.append(
      {
        userId: `crm:${event.crm}`,
        action: outcome === "created" ? "create" : "change",
        objectType: "deal",
        objectId: deal.id,
        dealId: deal.id,
        requestId,
      },
      now,
    );
  }
  return { eventId: event.eventId, dealKey, dealId: deal.id, outcome };
}

function findUser(deps: CrmWebhookDeps, event: CrmDealEvent, field: "aeEmail" | "csmEmail", role: Role): User {
  const email = event[field] ?? "";
  const user = deps.users.findByEmail(email);
  if (user === undefined || user.role !== role) {
    const label = field === "aeEmail" ? "ae_email" : "csm_email";
    throw new AppError({
      code: "UNPROCESSABLE",
      message: `event ${event.eventId}: ${label} ${email} names no ${role === "ae" ? "AE" : "CSM"} in Baton; nothing was applied`,
    });
  }
  return user;
}

function changes(deal: Deal, facts: Partial<DealInput>): boolean {
  return (Object.keys(facts) as (keyof DealInput)[]).some((key) => deal[key as keyof Deal] !== facts[key]);
}
