/** Fields of one CSV line, honouring double quotes; trailing empty fields are dropped. */
function countCsvFields(line: string): number {
  let fields = 1;
  let lastNonEmpty = 0;
  let quoted = false;
  let fieldHasContent = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === "," && !quoted) {
      fields++;
      fieldHasContent = false;
      continue;
    }
    if (!fieldHasContent && char !== " ") {
      fieldHasContent = true;
      lastNonEmpty = fields;
    }
  }
  return lastNonEmpty;
}

/**
 * Whether a text file is a comma-separated table (a Zoom recordings list, a CRM export):
 * a short header row of 3+ columns (2+ for a .csv name) and rows that keep its column count.
 */
export function looksLikeCsvTable(text: string, filename: string): boolean {
  const csvName = /\.csv$/i.test(filename);
  const lines = text
    .slice(0, 64 * 1024)
    .split("\n", 40)
    .filter((line) => line.trim() !== "")
    .slice(0, 21);
  const header = lines[0];
  if (header === undefined) return false;
  const columns = countCsvFields(header);
  if (columns < (csvName ? 2 : 3)) return false;
  if (header.split(",").some((cell) => cell.trim().length > 60)) return false;
  const rows = lines.slice(1);
  if (rows.length < (csvName ? 1 : 3)) return false;
  const matching = rows.filter((row) => countCsvFields(row) === columns).length;
  return matching >= rows.length * 0.8;
}
