import type { BriefItem, BriefRisk, BriefSourceItem, ObjectionStatus, RiskReason } from "./brief.ts";
import { detailList, detailText } from "./brief-items.ts";
import { statusWords } from "../domain/status-words.ts";

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
const REASON_ORDER: Record<RiskReason, number> = { redFlag: 0, contradiction: 1, unresolvedObjection: 2, politicalDynamics: 3 };

/**
 * Risks to watch: red flags, items flagged as contradictions, objections not fully resolved and the political
 * dynamics, most severe first. An item whose every citation is already shown by an earlier risk is not shown
 * again; the earlier risk notes the other list instead.
 */
export function collectRisks(items: BriefSourceItem[], view: (item: BriefSourceItem) => BriefItem): BriefRisk[] {
  const candidates: BriefRisk[] = [];
  for (const item of items) {
    const reason = riskReason(item);
    if (reason === null) continue;
    const detail = describe(item, reason);
    // The offline extractor's risk detail is the quoted sentences themselves: no need to say them twice.
    const quoted = detail !== null && (item.statement.includes(detail) || item.citations.some((c) => detail.includes(c.quote)));
    // "The sources disagree on the seat count" already says what a contradiction's detail would.
    const shownDetail = quoted || item.flags?.includes("contradiction") ? null : detail;
    candidates.push({
      ...view(item),
      reason,
      alsoListedAs: [],
      severity: readSeverity(item),
      detail: shownDetail,
      objectionStatus: reason === "unresolvedObjection" ? readObjectionStatus(item) : null,
    });
  }
  const rank = (risk: BriefRisk) => REASON_ORDER[risk.reason] * 10 + (risk.severity === null ? 3 : SEVERITY_ORDER[risk.severity]);
  // Array.prototype.sort is stable: risks of equal rank keep the document's order.
  candidates.sort((a, b) => rank(a) - rank(b));
  const shown: BriefRisk[] = [];
  const seen = new Map<string, BriefRisk>();
  for (const risk of candidates) {
    const keys = risk.citations.map((c) => `${c.sourceId}|${c.startMs}|${c.quote}`);
    const earlier = keys.length > 0 && keys.every((k) => seen.has(k)) ? seen.get(keys[0]!) : undefined;
    if (earlier) {
      if (earlier.reason !== risk.reason && !earlier.alsoListedAs.includes(risk.reason)) earlier.alsoListedAs.push(risk.reason);
      continue;
    }
    shown.push(risk);
    for (const key of keys) if (!seen.has(key)) seen.set(key, risk);
  }
  return shown;
}

function riskReason(item: BriefSourceItem): RiskReason | null {
  if (item.section === "redFlags") return "redFlag";
  if (item.flags?.includes("contradiction")) return "contradiction";
  if (item.section === "objections" && detailText(item, "resolved") !== "yes" && detailText(item, "status") !== "resolved")
    return "unresolvedObjection";
  if (item.section === "politicalDynamics") return "politicalDynamics";
  return null;
}

function describe(item: BriefSourceItem, reason: RiskReason): string | null {
  switch (reason) {
    case "redFlag":
      return detailText(item, "risk");
    case "contradiction":
      return null;
    case "unresolvedObjection": {
      // The status the settle stage read from what followed; the answer itself is one of the item's quotes.
      const status = detailText(item, "status");
      if (status !== null) return statusWords(status);
      const answer = detailText(item, "answer");
      return `resolved: ${detailText(item, "resolved") ?? "not stated"}${answer ? `; answered with: ${answer}` : ""}`;
    }
    case "politicalDynamics": {
      const involves = detailList(item, "involves");
      return involves.length > 0 ? `involves ${involves.join(", ")}` : null;
    }
  }
}

function readObjectionStatus(item: BriefSourceItem): ObjectionStatus | null {
  const value = detailText(item, "status");
  return value === "open" || value === "answered" || value === "answeredNotAccepted" ? value : null;
}

function readSeverity(item: BriefSourceItem): BriefRisk["severity"] {
  const value = detailText(item, "severity");
  return value === "high" || value === "medium" || value === "low" ? value : null;
}
