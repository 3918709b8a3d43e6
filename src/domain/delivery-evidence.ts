/** The later source's words saying a promise or step was delivered, as the settle stage stores them. */
export type DeliveryEvidence = { quote: string; filename: string | null; sourceId: string | null };

/**
 * The delivery words of an item's details: set when `status` is "done" and `statusEvidence` holds a quote (a model's
 * or an AE's edit may leave either out); null otherwise.
 */
export function readDeliveryEvidence(details: Record<string, unknown> | undefined): DeliveryEvidence | null {
  if (details?.status !== "done") return null;
  const value = details.statusEvidence;
  if (typeof value !== "object" || value === null) return null;
  const { quote, filename, sourceId } = value as Record<string, unknown>;
  if (typeof quote !== "string" || quote.trim() === "") return null;
  return {
    quote: quote.trim(),
    filename: typeof filename === "string" ? filename : null,
    sourceId: typeof sourceId === "string" ? sourceId : null,
  };
}
