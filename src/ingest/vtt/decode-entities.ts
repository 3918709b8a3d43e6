// Direction marks are invisible; kept, they would break quote matching downstream, so they decode to nothing.
const NAMED_ENTITIES = new Map<string, string>(
  Object.entries({
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    nbsp: " ",
    lrm: "",
    rlm: "",
    hellip: "…",
    mdash: "—",
    ndash: "–",
    lsquo: "‘",
    rsquo: "’",
    ldquo: "“",
    rdquo: "”",
    copy: "©",
    reg: "®",
    trade: "™",
    eacute: "é",
  }),
);

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;

function decodeCodePoint(codePoint: number): string | null {
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  if (codePoint === 0x200e || codePoint === 0x200f) return "";
  if (codePoint === 0xa0) return " ";
  return String.fromCodePoint(codePoint);
}

/** Decodes the HTML character references caption files use; unknown or invalid ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith("#")) {
      const hex = body[1] === "x" || body[1] === "X";
      const decoded = decodeCodePoint(Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10));
      return decoded ?? whole;
    }
    return NAMED_ENTITIES.get(body.toLowerCase()) ?? whole;
  });
}
