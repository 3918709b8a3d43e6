/** The element id of a gap on the review page: `gap-<section>` as before, `gap-accountOverview-seats` for a contract field. */
export function gapAnchor(gapId: string): string {
  return `gap-${gapId.replace(".", "-")}`;
}
