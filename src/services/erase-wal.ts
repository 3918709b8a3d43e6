import type { AppDeps } from "../deps.ts";
import { truncateWal } from "../storage/open-database.ts";

/**
 * Called after a delete: empties the WAL so its earlier copies of the deleted rows go with them (secure_delete
 * has zeroed them in the database file). Another process reading the database only delays this to a later checkpoint.
 */
export function eraseWal(deps: Pick<AppDeps, "db" | "logger">): void {
  if (!truncateWal(deps.db)) deps.logger.warn("WAL checkpoint after a delete was incomplete: another connection is reading");
}
