import { createDeflate } from "node:zlib";
import { assemblePdf } from "./write-simple-pdf.ts";

/**
 * A one-page PDF whose Flate-compressed content stream inflates to about `inflatedMb` MB of
 * text-showing operators: a few hundred KB on disk that a naive reader expands without bound.
 */
export async function writeDeflateBombPdf(inflatedMb: number): Promise<Uint8Array> {
  const chunk = Buffer.from("(bomb) ' ".repeat(100_000), "latin1");
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on("data", (data: Buffer) => compressed.push(data));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  deflate.write("BT /F1 12 Tf 72 700 Td ");
  for (let written = 0; written < inflatedMb * 1024 * 1024; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end(" ET\n");
  await done;
  const stream = Buffer.concat(compressed).toString("latin1");
  return assemblePdf([
    "",
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ]);
}
