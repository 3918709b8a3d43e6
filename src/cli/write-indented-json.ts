// Large command output a piece at a time: a 10 MB call's draft is about 30 MB of JSON, and building it as one string
// (then its UTF-8 copy) added about 100 MB to `baton draft --json`'s peak resident memory.

const CHUNK_CHARS = 64 * 1024;

/**
 * Writes exactly `JSON.stringify(value, null, 2)` through `write` in chunks of about 64 KB: objects and arrays down to
 * `levels` deep are written member by member (a draft's items one by one), deeper values whole.
 */
export function writeIndentedJson(value: unknown, write: (text: string) => void, levels = 2): void {
  let pending: string[] = [];
  let size = 0;
  const buffered = (text: string) => {
    pending.push(text);
    size += text.length;
    if (size < CHUNK_CHARS) return;
    write(pending.join(""));
    pending = [];
    size = 0;
  };
  writeValue(value, buffered, levels, "");
  if (pending.length > 0) write(pending.join(""));
}

function writeValue(value: unknown, write: (text: string) => void, levels: number, indent: string): void {
  if (levels === 0 || value === null || typeof value !== "object" || hasToJson(value)) {
    // JSON escapes every line break inside a string, so each "\n" here starts a line of the layout.
    write((JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${indent}`));
  } else if (Array.isArray(value)) writeArray(value, write, levels, indent);
  else writeObject(value, write, levels, indent);
}

function writeArray(value: unknown[], write: (text: string) => void, levels: number, indent: string): void {
  if (value.length === 0) {
    write("[]");
    return;
  }
  const inner = `${indent}  `;
  // An index loop, not forEach: a hole is written as null, as JSON.stringify writes it.
  for (let index = 0; index < value.length; index += 1) {
    const element: unknown = value[index];
    write(index === 0 ? `[\n${inner}` : `,\n${inner}`);
    writeValue(isOmitted(element) ? null : element, write, levels - 1, inner);
  }
  write(`\n${indent}]`);
}

function writeObject(value: object, write: (text: string) => void, levels: number, indent: string): void {
  const entries = Object.entries(value).filter(([, member]) => !isOmitted(member));
  if (entries.length === 0) {
    write("{}");
    return;
  }
  const inner = `${indent}  `;
  entries.forEach(([key, member], index) => {
    write(`${index === 0 ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
    writeValue(member, write, levels - 1, inner);
  });
  write(`\n${indent}}`);
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}
