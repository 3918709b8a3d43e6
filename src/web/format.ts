// Display formats of the pages. Dates are shown in UTC: the server does not know the reader's zone, and a day
// that shifts with the reader's zone would contradict the brief's due dates.
const DAY = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const MOMENT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" });

/** "Feb 6, 2026" for a YYYY-MM-DD day or an ISO timestamp; the input itself when it is not a date. */
export function formatDay(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? value : DAY.format(time);
}

/** "Feb 3, 2026, 18:12 UTC" for an ISO timestamp. */
export function formatMoment(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : `${MOMENT.format(time)} UTC`;
}

/** "$77,040" (whole units) or "77,040" without a currency; "—" when unknown. */
export function formatAmount(amount: number | null, currency: string | null): string {
  if (amount === null) return "—";
  if (currency === null) return new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(amount);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
}

/** "1 source", "4 sources". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
