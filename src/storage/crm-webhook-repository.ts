import { createHash } from "node:crypto";
import type { Database } from "./open-database.ts";

export type CrmEventOutcome = "created" | "updated" | "unchanged" | "ignored";

/** A CRM event Baton has applied (or acknowledged and ignored) before. */
export type AppliedCrmEvent = { dealKey: string | null; dealId: string | null; outcome: CrmEventOutcome; receivedAt: string };

export type CrmWebhookRepository = ReturnType<typeof createCrmWebhookRepository>;

/** The CRM webhook's memory: event ids applied (for idempotent redelivery) and signatures seen (against replays). */
export function createCrmWebhookRepository(db: Database) {
  return {
    /**
     * Remembers a signature until `expiresAt`, first forgetting those past their window; false when it was already
     * seen, i.e. the same signed request arrives again. Only a hash of the signature is kept.
     */
    rememberSignature(signature: string, expiresAt: Date, now: Date): boolean {
      db.prepare("DELETE FROM crm_webhook_signatures WHERE expires_at < ?").run(now.toISOString());
      const hash = createHash("sha256").update(signature).digest("hex");
      const result = db
        .prepare("INSERT INTO crm_webhook_signatures (signature_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .run(hash, expiresAt.toISOString());
      return result.changes > 0;
    },
    findEvent(eventKey: string): AppliedCrmEvent | undefined {
      const row = db.prepare("SELECT deal_key, deal_id, outcome, received_at FROM crm_webhook_events WHERE event_key = ?").get(eventKey) as
        | { deal_key: string | null; deal_id: string | null; outcome: CrmEventOutcome; received_at: string }
        | undefined;
      return row ? { dealKey: row.deal_key, dealId: row.deal_id, outcome: row.outcome, receivedAt: row.received_at } : undefined;
    },
    recordEvent(eventKey: string, event: Omit<AppliedCrmEvent, "receivedAt">, now: Date): void {
      db.prepare("INSERT INTO crm_webhook_events (event_key, deal_key, deal_id, outcome, received_at) VALUES (?, ?, ?, ?, ?)").run(
        eventKey,
        event.dealKey,
        event.dealId,
        event.outcome,
        now.toISOString(),
      );
    },
  };
}
