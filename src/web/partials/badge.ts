import type { ItemStatus } from "../../domain/item.ts";
import type { Tone } from "../deal-state.ts";
import { type Html, html } from "../html.ts";

/** A small coloured label; the colour repeats what the text says, never replaces it. */
export function renderBadge(label: string, tone: Tone): Html {
  return html`<span class="badge tone-${tone}">${label}</span>`;
}

const STATUS: Record<ItemStatus, { label: string; tone: Tone }> = {
  draft: { label: "Not reviewed", tone: "neutral" },
  approved: { label: "Approved", tone: "success" },
  edited: { label: "Edited", tone: "done" },
  rejected: { label: "Rejected", tone: "danger" },
};

export function renderStatusBadge(status: ItemStatus): Html {
  return renderBadge(STATUS[status].label, STATUS[status].tone);
}

const FLAGS: Record<string, { label: string; tone: Tone }> = {
  contradiction: { label: "Contradiction", tone: "attention" },
  unrealistic: { label: "Looks unrealistic", tone: "attention" },
  "off-contract": { label: "Not on the order form", tone: "attention" },
  "prompt-injection": { label: "Possible prompt injection", tone: "danger" },
  "markup-removed": { label: "Markup removed", tone: "neutral" },
  refused: { label: "Model refused", tone: "neutral" },
  "ae-provided": { label: "Added by the AE", tone: "info" },
  "quote-unverified": { label: "Quote not found", tone: "attention" },
};

/** A reviewer-facing flag ("contradiction", "ae-provided"…) as a badge; unknown flags show as written. */
export function renderFlagBadge(flag: string): Html {
  const known = FLAGS[flag];
  return renderBadge(known?.label ?? flag, known?.tone ?? "neutral");
}
