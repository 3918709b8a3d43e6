import type { ParsedSource } from "../../domain/source.ts";
import { SYSTEMS } from "./cue-vocabulary.ts";
import { SYSTEM_FAMILIES } from "../system-family.ts";
import type { DealPeople } from "./deal-people.ts";

/** A system a sentence names: the item it is filed under (`key`), how a person would name it, and where it is said. */
export type SystemMention = {
  key: string;
  label: string;
  at: number;
  /** A trait of some other system ("on-prem", "database", "VM", "CSV"): names a system only when nothing else does. */
  attribute: boolean;
  /** A product or family by name ("Okta", "Haulwise"), not a category ("TMS") or a trait. */
  named: boolean;
};

/** The systems of one deal: what a sentence names, and the product whose data the deal migrates (its key), if any. */
export type SystemCatalog = {
  mentionsIn(text: string): SystemMention[];
  migrated: string | null;
  /** Whether a name is one of the customer's own systems the deal's sources name ("Haulwise"), never a competitor. */
  isOwnSystem(name: string): boolean;
};

const IDENTITY_PROVIDERS: [RegExp, string][] = [
  [/\bokta\b/i, "Okta"],
  [/\bazure ad\b/i, "Azure AD"],
  [/\bentra\b/i, "Entra ID"],
  [/\bactive directory\b/i, "Active Directory"],
  [/\bonelogin\b/i, "OneLogin"],
];
const ATTRIBUTE =
  /^(?:apis?|webhooks?|sftp|edi|csv|https|vm|virtual machine|on-?prem(?:ises)?|database|connector|firewall|vpn|data warehouse)$/i;
const CATEGORY = /^(?:crm|erp|tms|wms|hris)$/i;
const DISPLAY: Record<string, string> = {
  hubspot: "HubSpot",
  bigquery: "BigQuery",
  "power bi": "Power BI",
  servicenow: "ServiceNow",
  netsuite: "NetSuite",
  sap: "SAP",
  aws: "AWS",
  gcp: "GCP",
  "sql server": "SQL Server",
  mysql: "MySQL",
  api: "API",
  apis: "APIs",
  edi: "EDI",
  csv: "CSV",
  sftp: "SFTP",
  vm: "VM",
  vpn: "VPN",
  https: "HTTPS",
};
const SYSTEM_TERM = new RegExp(`\\b(?:${SYSTEMS})\\b`, "gi");
const SYSTEM_NAME = new RegExp(`^(?:${SYSTEMS})$`, "i");
// A capitalised name said mid-sentence right before what it is ("the Haulwise TMS", "read access to the TrackDesk
// database", "an import tool for TrackDesk exports"): one of the customer's systems. The noun says whether its data moves.
const NAME_BEFORE_NOUN =
  /(?<=[\p{Ll}\d,;:(] )(\p{Lu}[\p{L}-]*\p{Ll}[\p{L}-]*)(?: \d+(?:\.\d+)?)? (?:(TMS|CRM|ERP|WMS|HRIS)|(database|exports?|migration|history|tickets|instance|server))\b/gu;
const NAME_AFTER_DATA = /\b(?:history|data|tickets|records) (?:in|from|out of) (\p{Lu}[\p{L}-]*\p{Ll}[\p{L}-]*)/gu;
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;

type Product = { name: string; category: string | null; migrated: number };

/** Reads the deal's own product names from its sources, then names systems in any sentence of the deal. */
export function createSystemCatalog(sources: ParsedSource[], people: Pick<DealPeople, "namedIn" | "isSellerCompany">): SystemCatalog {
  const products = new Map<string, Product>();
  const isProductName = (name: string) =>
    !SYSTEM_NAME.test(name) && !MONTHS.test(name) && !people.isSellerCompany(name) && people.namedIn(name).length === 0;
  const learn = (name: string, category: string | null, migrated: boolean) => {
    if (!isProductName(name)) return;
    const known = products.get(name.toLowerCase()) ?? { name, category: null, migrated: 0 };
    known.category ??= category;
    if (migrated) known.migrated += 1;
    products.set(name.toLowerCase(), known);
  };
  for (const { source } of sources) {
    for (const match of source.text.matchAll(NAME_BEFORE_NOUN)) learn(match[1]!, match[2] ?? null, match[3] !== undefined);
    for (const match of source.text.matchAll(NAME_AFTER_DATA)) learn(match[1]!, null, true);
  }
  const byCategory = new Map<string, string>();
  for (const [key, product] of products) if (product.category !== null) byCategory.set(product.category.toLowerCase(), key);
  const moved = [...products].filter(([, p]) => p.migrated > 0).sort((a, b) => b[1].migrated - a[1].migrated);
  const productPatterns = [...products].map(([key, p]) => ({ key, product: p, pattern: new RegExp(`\\b${escapeRegExp(p.name)}\\b`, "g") }));
  return {
    migrated: moved[0] === undefined ? null : productKey(moved[0][0]),
    isOwnSystem: (name) => products.has(name.toLowerCase()),
    mentionsIn(text) {
      const found: SystemMention[] = [];
      const taken: [number, number][] = [];
      const free = (at: number, end: number) => taken.every(([s, e]) => end <= s || at >= e);
      for (const family of SYSTEM_FAMILIES) {
        for (const match of text.matchAll(family.pattern)) {
          found.push({ key: family.key, label: family.label, at: match.index, attribute: false, named: true });
          taken.push([match.index, match.index + match[0].length]);
        }
      }
      for (const { key, product, pattern } of productPatterns) {
        for (const match of text.matchAll(pattern)) {
          found.push({ key: productKey(key), label: labelProduct(product), at: match.index, attribute: false, named: true });
          taken.push([match.index, match.index + match[0].length]);
        }
      }
      for (const match of text.matchAll(SYSTEM_TERM)) {
        if (!free(match.index, match.index + match[0].length)) continue;
        const term = match[0];
        const lower = term.toLowerCase();
        const owner = CATEGORY.test(term) ? byCategory.get(lower) : undefined;
        if (owner !== undefined) {
          found.push({
            key: productKey(owner),
            label: labelProduct(products.get(owner)!),
            at: match.index,
            attribute: false,
            named: false,
          });
          continue;
        }
        const attribute = ATTRIBUTE.test(term);
        const label = DISPLAY[lower] ?? (CATEGORY.test(term) ? term.toUpperCase() : capitalize(term));
        found.push({ key: lower.replace(/\s+/g, " "), label, at: match.index, attribute, named: !attribute && !CATEGORY.test(term) });
      }
      return found.sort((a, b) => a.at - b.at);
    },
  };
}

/** "Single sign-on (Okta)": the family's label with the identity provider the lines name, when they name one. */
export function labelSignOn(text: string): string {
  const provider = IDENTITY_PROVIDERS.find(([pattern]) => pattern.test(text))?.[1];
  return provider === undefined ? "Single sign-on" : `Single sign-on (${provider})`;
}

function labelProduct(product: Product): string {
  return product.category === null ? product.name : `${product.name} ${product.category}`;
}

function productKey(lower: string): string {
  return `product:${lower}`;
}

function capitalize(term: string): string {
  return term.charAt(0).toUpperCase() + term.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
