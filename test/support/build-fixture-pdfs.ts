// Writes the PDF fixtures under fixtures/formats/pdf/ (hand-written, fictional content).
// Re-run after editing: `npx node test/support/build-fixture-pdfs.ts` from the project root.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeSimplePdf } from "./write-simple-pdf.ts";

const OUT_DIR = resolve(import.meta.dirname, "../../fixtures/formats/pdf");

const MEETING_NOTES: string[][] = [
  [
    "Kickoff call notes - Northwind Freight and Larkspur Analytics",
    "Attendees: Dana Whitfield (Northwind), Priya Raman (Larkspur), Tom Okafor (Larkspur)",
    "",
    "Dana Whitfield: Thanks for joining. Our dispatch team still reconciles carrier invoices",
    "by hand, and it takes four people most of the week.",
    "Priya Raman: That matches what we heard in discovery. Can you walk us through the",
    "current export from your TMS?",
    "Dana Whitfield: We export CSV nightly from Oracle TMS. The files land in an S3 bucket",
    "that our IT group owns, and nobody is allowed to change the schema without a ticket.",
    "Tom Okafor: Understood. We will map the existing schema rather than ask for changes. Our",
  ],
  [
    "onboarding plan assumes read-only access to that bucket.",
    "Dana Whitfield: Good. The other constraint is timing: finance closes the quarter on",
    "March 31, so we need the reconciliation report live before then. Success for us means",
    "cutting the weekly effort from four people to one.",
    "Priya Raman: We can commit to a pilot on two carriers by March 1. The full rollout",
    "depends on security review, which usually takes our customers three to four weeks and",
    "needs a signed data-processing agree-",
    "ment before we start.",
    "Dana Whitfield: Our CFO, Marcus Hale, signs off on anything over fifty thousand dollars.",
  ],
  [
    "Tom Okafor: Then let us schedule a call with Marcus next week to review pricing.",
    "Dana Whitfield: Agreed. I will send the carrier list and a sample invoice file (with",
    "account numbers masked) by Friday.",
    "",
    "Action items",
    "- Dana: send carrier list and masked sample invoices by Friday.",
    "- Priya: share the security questionnaire and the draft agreement.",
    "- Tom: book the pricing review with Marcus Hale.",
  ],
];

const HEARING_TRANSCRIPT: string[][] = [
  [
    "Transcript of the Customer Advisory Board Session",
    "CHAIR ALVAREZ. Good morning. Thank you all for coming. Today we will review the",
    "renewal terms and the integration roadmap that several of you asked about at the last",
    "session. I will keep my remarks short.",
    "Our priority this year is reliability. We heard clearly that outages during month-end",
    "close are the most painful, and we have staffed an on-call rotation to cover them.",
    "MS. OKAFOR. Thank you, Chair. Jane Okafor from Meridian Health. Can you say whether",
  ],
  [
    "the single sign-on work will ship before our renewal in June?",
    "CHAIR ALVAREZ. It is planned for May. I cannot promise a date today, but we will give",
    "you written notice by April 15 if it slips.",
    "MR. LINDQVIST. Erik Lindqvist, Harbor Bank. Our concern is data residency. We need",
    "the EU region before we can move the second business unit.",
    "CHAIR ALVAREZ. The EU region is in beta with two customers now, and we expect general",
    "availability in the third quarter.",
  ],
  [
    "MS. OKAFOR. One more question on pricing. Will the per-seat price stay flat at",
    "renewal if we add the analytics module?",
    "CHAIR ALVAREZ. Yes. For existing customers who add analytics this year, the seat price",
    "stays flat for the renewal term. We will put that in the order form.",
    "MR. LINDQVIST. Thank you. That answers it for us.",
  ],
];

/** Builds every fixture; returns the paths written. */
export function buildFixturePdfs(outDir: string = OUT_DIR): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: Array<[string, Uint8Array]> = [
    [
      "meeting-notes.pdf",
      writeSimplePdf(MEETING_NOTES, {
        title: "Northwind kickoff notes",
        author: "Larkspur Analytics",
        creationDate: new Date("2024-02-06T16:30:00Z"),
        header: ["Larkspur Analytics - Confidential", "Northwind Freight kickoff - February 6, 2024"],
        footer: ["Page {page} of {pages}"],
      }),
    ],
    [
      "hearing-transcript.pdf",
      writeSimplePdf(HEARING_TRANSCRIPT, {
        title: "Customer Advisory Board Session",
        creationDate: new Date("2024-03-12T14:00:00Z"),
        header: ["March 12, 2024          Customer Advisory Board          FINAL"],
        footer: ["- {page} -"],
      }),
    ],
    // Opens only with the password "baton"; parsing must reject it.
    ["password-protected.pdf", writeSimplePdf([["Pricing: 40 seats at list price."]], { userPassword: "baton" })],
    // Pages without any text, as a scan without OCR looks to a text extractor.
    ["no-text-layer.pdf", writeSimplePdf([[], []], { title: "Scanned order form" })],
  ];
  for (const [name, bytes] of written) writeFileSync(join(outDir, name), bytes);
  return written.map(([name]) => join(outDir, name));
}

if (import.meta.main) {
  for (const path of buildFixturePdfs()) console.log(`wrote ${path}`);
}
