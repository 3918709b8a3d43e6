/**
 * Whether an Accept-Encoding header lets the answer be gzip (RFC 9110 §12.5.3): `gzip`, `x-gzip` or `*` with a
 * weight above zero. A missing header means no encoding is wanted.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let wildcard = false;
  for (const entry of header.split(",")) {
    const [name = "", ...params] = entry.split(";").map((part) => part.trim().toLowerCase());
    const weight = params.find((param) => param.startsWith("q="));
    const accepted = weight === undefined || Number(weight.slice(2)) > 0;
    if (name === "gzip" || name === "x-gzip") return accepted;
    if (name === "*") wildcard = accepted;
  }
  return wildcard;
}
