import type { Side } from "../../domain/side.ts";
import type { Participant } from "../../domain/source.ts";

// Titles that only the selling company puts on a call. Senior titles are left out because a
// buyer's "VP of Customer Success" is as likely on a call as the seller's.
const SELLER_TITLE =
  /\b(?:AE|SDR|BDR|CSM|Account Executive|Account Manager|Sales (?:Rep|Representative|Engineer|Executive|Development)|Business Development Rep(?:resentative)?|Solutions? (?:Consultant|Engineer|Architect)|Customer Success|Pre-?sales|Salesperson|Seller)\b/i;
const SENIOR_TITLE = /\b(?:VP|SVP|EVP|Vice President|Head|Director|Chief|C[A-Z]O)\b/i;
const SELLER_ROLE_LABEL =
  /^(?:CSR|Agent|Support Agent|Support|Supervisor|Representative|Rep|Sales ?Rep|Salesperson|Seller|AE|SDR|BDR|CSM|Account Executive|Vendor)$/i;
const CUSTOMER_ROLE_LABEL = /^(?:Customer|Caller|Client|Prospect|Buyer|Member|Patient)$/i;
const FREE_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.ru",
  "yandex.ru",
  "qq.com",
  "163.com",
]);

/** Company names compared loosely: "TechFlow Inc." and "Techflow" are one company. */
export function normalizeCompany(company: string): string {
  return company
    .toLowerCase()
    .replace(/[.,()]/g, " ")
    .replace(/\b(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|ag|sa|plc|bv|pty|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function domainOf(participant: Participant): string | null {
  const at = participant.email?.lastIndexOf("@") ?? -1;
  if (at === -1) return null;
  const domain = participant.email!.slice(at + 1).toLowerCase();
  return FREE_MAIL.has(domain) ? null : domain;
}

/** The side a participant's own title or role label shows, without looking at anyone else. */
function sideFromRole(participant: Participant): Side | undefined {
  const roles = [participant.name, ...(participant.labels ?? [])];
  if (roles.some((role) => SELLER_ROLE_LABEL.test(role))) return "seller";
  if (roles.some((role) => CUSTOMER_ROLE_LABEL.test(role))) return "customer";
  const title = participant.title;
  if (title === undefined) return undefined;
  if (CUSTOMER_ROLE_LABEL.test(title)) return "customer";
  if (SELLER_TITLE.test(title) && !SENIOR_TITLE.test(title)) return "seller";
  return undefined;
}

/** The only value of a set, or null when it is empty or holds more than one. */
function only(values: Set<string>): string | null {
  return values.size === 1 ? [...values][0]! : null;
}

/**
 * Marks each participant seller or customer where the source shows it: a seller role in the
 * title or label, then the seller's company and email domain spread to colleagues, and people
 * of another company or domain are the customer. Left undefined when unclear (for instance
 * when two companies both field a seller role). Returns new objects.
 */
export function assignSides(participants: Participant[]): Participant[] {
  const sides: (Side | undefined)[] = participants.map((p) => p.side ?? sideFromRole(p));
  const sellerCompanies = new Set<string>();
  const sellerDomains = new Set<string>();
  const collect = () => {
    participants.forEach((p, i) => {
      if (sides[i] !== "seller") return;
      if (p.company !== undefined) sellerCompanies.add(normalizeCompany(p.company));
      const domain = domainOf(p);
      if (domain !== null) sellerDomains.add(domain);
    });
  };
  collect();
  // Two rounds: a colleague found by company brings the domain that finds the next one.
  for (let round = 0; round < 2; round++) {
    const company = only(sellerCompanies);
    const domain = only(sellerDomains);
    participants.forEach((p, i) => {
      if (sides[i] !== undefined) return;
      if (company !== null && p.company !== undefined && normalizeCompany(p.company) === company) sides[i] = "seller";
      else if (domain !== null && domainOf(p) === domain) sides[i] = "seller";
    });
    collect();
  }
  const company = only(sellerCompanies);
  const domain = only(sellerDomains);
  participants.forEach((p, i) => {
    if (sides[i] !== undefined) return;
    const otherCompany = company !== null && p.company !== undefined && normalizeCompany(p.company) !== company;
    const ownDomain = domainOf(p);
    const otherDomain = domain !== null && ownDomain !== null && ownDomain !== domain;
    if (otherCompany || otherDomain) sides[i] = "customer";
  });
  return participants.map((p, i) => {
    const side = sides[i];
    return side === undefined ? { ...p } : { ...p, side };
  });
}
