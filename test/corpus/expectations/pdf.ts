import type { CorpusExpectation } from "../corpus-expectation.ts";

export const PDF_EXPECTATIONS: Record<string, CorpusExpectation> = {
  "pdf/FOMCpresconf20240131.pdf": {
    format: "pdf",
    minSegments: 100,
    speakers: ["CHAIR POWELL", "MICHELLE SMITH", "JEANNA SMIALEK", "NICK TIMIRAOS", "JEFF COX"],
    participants: ["CHAIR POWELL", "MICHELLE SMITH"],
    // The date printed at the top of page 1 (the PDF was created on 2024-02-12).
    occurredAt: "2024-01-31",
    contains: [
      "Good afternoon. My colleagues and I remain squarely focused on our dual mandate",
      // A sentence that runs across the page 1 / page 2 break with the header between.
      "High interest rates also appear to have been weighing on business fixed investment.",
      "Thank you very much.",
    ],
    // Running header and footer of every page.
    excludes: ["FINAL", "Page 1 of 27", "Page 27 of 27", "CHAIR POWELL."],
  },
  "pdf/fake-memo.pdf": {
    format: "pdf",
    occurredAt: "2023-05-05",
    contains: ["There were 20,000 bottles of water, 10,000 blankets, and 200 laptops delivered on January 23, 2023."],
  },
  // Encrypted with a user password: there is no text to read without it.
  "bad/pdf/password.pdf": { rejects: true },
};
