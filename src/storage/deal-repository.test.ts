import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDealRepository } from "./deal-repository.ts";
import { type Database, openDatabase } from "./open-database.ts";

const NOW = new Date("2026-03-02T10:00:00.000Z");

let dir: string | undefined;
let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function openDeals() {
  dir = mkdtempSync(join(tmpdir(), "baton-deals-"));
  db = openDatabase(join(dir, "baton.sqlite"));
  db.exec(
    `INSERT INTO users (id, name, email, role, token_hash, created_at) VALUES ('usr_1', 'Ann', 'ann@x.example', 'ae', 'h', '${NOW.toISOString()}')`,
  );
  return createDealRepository(db);
}

const INPUT = { account: "Acme", closeDate: "2026-02-27", amount: null, currency: null, aeId: "usr_1", csmId: null };

describe("deal keys", () => {
  it("finds a deal by the key it was imported under, and only that one", () => {
    const deals = openDeals();
    const keyed = deals.add({ ...INPUT, dealKey: "CRM-42" }, NOW);
    const byHand = deals.add(INPUT, NOW);
    expect(keyed.dealKey).toBe("CRM-42");
    expect(byHand.dealKey).toBeNull();
    expect(deals.findByKey("CRM-42")?.id).toBe(keyed.id);
    expect(deals.get(keyed.id)?.dealKey).toBe("CRM-42");
    expect(deals.findByKey("CRM-43")).toBeUndefined();
  });

  it("refuses a second deal under a key already used, while any number of deals have none", () => {
    const deals = openDeals();
    deals.add({ ...INPUT, dealKey: "CRM-42" }, NOW);
    deals.add(INPUT, NOW);
    deals.add(INPUT, NOW);
    expect(() => deals.add({ ...INPUT, dealKey: "CRM-42" }, NOW)).toThrow(/UNIQUE/);
    expect(deals.listAll()).toHaveLength(3);
  });
});
