import type { Deal, DealInput } from "../domain/deal.ts";
import type { ReadableDeals } from "../access/access-policy.ts";
import { newId } from "./new-id.ts";
import type { Database } from "./open-database.ts";

type DealRow = {
  id: string;
  account: string;
  close_date: string | null;
  amount: number | null;
  currency: string | null;
  ae_id: string;
  csm_id: string | null;
  deal_key: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  version: number;
};

const COLUMNS = "id, account, close_date, amount, currency, ae_id, csm_id, deal_key, created_at, updated_at, revision, version";

const toDeal = (row: DealRow): Deal => ({
  id: row.id,
  account: row.account,
  closeDate: row.close_date,
  amount: row.amount,
  currency: row.currency,
  aeId: row.ae_id,
  csmId: row.csm_id,
  dealKey: row.deal_key,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  revision: row.revision,
  version: row.version,
});

const INSERT_COLUMNS = "id, account, close_date, amount, currency, ae_id, csm_id, deal_key, created_at, updated_at";

export type DealRepository = ReturnType<typeof createDealRepository>;

export function createDealRepository(db: Database) {
  // Prepared once: every deal route loads its deal first.
  const byId = db.prepare(`SELECT ${COLUMNS} FROM deals WHERE id = ?`);
  const get = (id: string): Deal | undefined => {
    const row = byId.get(id) as DealRow | undefined;
    return row ? toDeal(row) : undefined;
  };

  return {
    add(input: DealInput, now: Date): Deal {
      const id = newId("deal");
      const at = now.toISOString();
      db.prepare(`INSERT INTO deals (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        id,
        input.account,
        input.closeDate,
        input.amount,
        input.currency,
        input.aeId,
        input.csmId,
        input.dealKey ?? null,
        at,
        at,
      );
      return { id, ...input, dealKey: input.dealKey ?? null, createdAt: at, updatedAt: at, revision: 0, version: 1 };
    },
    /** The deal imported under this key (a manifest's deal_key, a CRM deal id), if any. */
    findByKey(dealKey: string): Deal | undefined {
      const row = db.prepare(`SELECT ${COLUMNS} FROM deals WHERE deal_key = ?`).get(dealKey) as DealRow | undefined;
      return row ? toDeal(row) : undefined;
    },
    get(id: string): Deal | undefined {
      const row = byId.get(id) as DealRow | undefined;
      return row ? toDeal(row) : undefined;
    },
    /** The deals a filter from the access policy (readableDeals) selects, newest first. */
    listReadable(filter: ReadableDeals): Deal[] {
      if (filter.kind === "none") return [];
      if (filter.kind === "all")
        return (db.prepare(`SELECT ${COLUMNS} FROM deals ORDER BY created_at DESC`).all() as DealRow[]).map(toDeal);
      const column = filter.column === "aeId" ? "ae_id" : "csm_id";
      const rows = db.prepare(`SELECT ${COLUMNS} FROM deals WHERE ${column} = ? ORDER BY created_at DESC`).all(filter.userId) as DealRow[];
      return rows.map(toDeal);
    },
    listAll(): Deal[] {
      return (db.prepare(`SELECT ${COLUMNS} FROM deals ORDER BY created_at`).all() as DealRow[]).map(toDeal);
    },
    /**
     * Changes the deal's fields (a trigger bumps its version); with `ifVersion`, only while the deal is still at that
     * version. Undefined when there is no such deal, or it is no longer at `ifVersion`.
     */
    update(id: string, changes: Partial<DealInput>, now: Date, ifVersion?: number): Deal | undefined {
      const current = get(id);
      if (current === undefined) return undefined;
      const next = { ...current, ...changes, updatedAt: now.toISOString() };
      const result = db
        .prepare(
          "UPDATE deals SET account = ?, close_date = ?, amount = ?, currency = ?, ae_id = ?, csm_id = ?, updated_at = ? WHERE id = ? AND version = ?",
        )
        .run(
          next.account,
          next.closeDate,
          next.amount,
          next.currency,
          next.aeId,
          next.csmId,
          next.updatedAt,
          id,
          ifVersion ?? current.version,
        );
      return result.changes > 0 ? get(id) : undefined;
    },
    /** Removes the deal; sources, runs, items, gap answers and versions go with it (ON DELETE CASCADE). */
    delete(id: string): boolean {
      return db.prepare("DELETE FROM deals WHERE id = ?").run(id).changes > 0;
    },
  };
}
