import { z } from "zod";
import { DEAL_INPUT_FIELDS } from "./deal.ts";
import { IsoDateSchema } from "./iso-date.ts";
import { visibleNameSchema } from "./visible-name.ts";

/** The columns every manifest names (in any order); the optional ones may be absent. */
export const REQUIRED_MANIFEST_COLUMNS = ["deal_key", "account", "close_date", "ae_email", "files"] as const;
export const OPTIONAL_MANIFEST_COLUMNS = ["amount", "currency", "csm_email"] as const;

/** Most rows one manifest (or folder) may hold; a longer one is refused whole, so it is split rather than cut. */
export const MAX_BATCH_ROWS = 500;
/** Most files one row may name: the same as one upload. */
export const MAX_FILES_PER_BATCH_ROW = 20;

/** One row of a manifest (or one folder's deal.json), checked: the fields a deal is made from and its files' paths. */
export type ManifestRow = {
  /** Where the row came from: "line 3" of a CSV, "acme/deal.json" of a folder. */
  origin: string;
  dealKey: string;
  account: string;
  closeDate: string;
  aeEmail: string;
  csmEmail: string | null;
  amount: number | null;
  currency: string | null;
  /** Paths relative to the manifest's folder (a deal folder's own folder in the folder form), or upload names. */
  files: string[];
};

/** A row that cannot become a deal, with the reason; the other rows go on. */
export type RejectedRow = { origin: string; dealKey: string; reason: string };

const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, "expected an email address")
  .transform((value) => value.toLowerCase());

const emptyAsNull = (value: unknown) => (value === "" || value === undefined ? null : value);

const ManifestRowSchema = z.object({
  deal_key: z
    .string()
    .trim()
    .min(1, "every row needs a deal_key")
    .max(200)
    .regex(/^[^\p{Cc}]+$/u, "must not contain control characters"),
  account: visibleNameSchema(200),
  close_date: z.string().trim().pipe(IsoDateSchema),
  ae_email: EmailSchema,
  csm_email: z.preprocess(emptyAsNull, EmailSchema.nullable()),
  amount: z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? null : Number(value.trim())) : emptyAsNull(value)),
    z.number({ error: "expected a number such as 12000.50" }).pipe(DEAL_INPUT_FIELDS.amount.unwrap().unwrap()).nullable(),
  ),
  currency: z.preprocess(
    (value) => (typeof value === "string" ? emptyAsNull(value.trim().toUpperCase()) : emptyAsNull(value)),
    DEAL_INPUT_FIELDS.currency.unwrap().unwrap().nullable(),
  ),
  files: z.preprocess(
    (value) => (typeof value === "string" ? value.split(";") : value),
    z
      .array(z.string())
      .transform((paths) => paths.map((path) => path.trim()).filter((path) => path !== ""))
      .pipe(z.array(z.string().max(1000)).min(1, "name at least one file").max(MAX_FILES_PER_BATCH_ROW)),
  ),
});

/**
 * Checks one manifest row (CSV cells, or a deal.json object with the same field names; `files` a `;`-separated
 * string or an array): the deal's fields or the first problem, named by its column.
 */
export function readManifestRow(record: Record<string, unknown>, origin: string): ManifestRow | RejectedRow {
  const dealKey = typeof record.deal_key === "string" ? record.deal_key.trim() : "";
  const parsed = ManifestRowSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const column = issue?.path.map(String).join(".") || "row";
    return { origin, dealKey, reason: `${column}: ${issue?.message ?? "invalid"}` };
  }
  const row = parsed.data;
  return {
    origin,
    dealKey: row.deal_key,
    account: row.account,
    closeDate: row.close_date,
    aeEmail: row.ae_email,
    csmEmail: row.csm_email,
    amount: row.amount,
    currency: row.currency,
    files: row.files,
  };
}

export function isRejectedRow(row: ManifestRow | RejectedRow): row is RejectedRow {
  return "reason" in row;
}

/** Rejects every row after the first with the same deal key: one deal, one row. */
export function rejectRepeatedKeys(rows: (ManifestRow | RejectedRow)[]): (ManifestRow | RejectedRow)[] {
  const seen = new Map<string, string>();
  return rows.map((row) => {
    if (isRejectedRow(row)) return row;
    const first = seen.get(row.dealKey);
    if (first !== undefined) return { origin: row.origin, dealKey: row.dealKey, reason: `deal_key repeats ${first}` };
    seen.set(row.dealKey, row.origin);
    return row;
  });
}
