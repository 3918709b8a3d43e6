// Writes order-form.pdf of the fictional Kestrel Ridge Freight deal from the lines below.
// Run from the project root: npx node fixtures/deals/kestrel-ridge-freight/build-order-form.ts
// The PDF is committed; re-run only after editing these lines (the gold quotes in
// fixtures/gold/kestrel-ridge-freight-order-form.gold.json must stay verbatim in them).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeSimplePdf } from "./write-simple-pdf.ts";

// Lines stay under about 80 characters: the writer does not wrap, and a quote must lie in one line.
// Gold quotes skip Title-Case labels ("Product:") because the PDF parser may read them as speakers.
const PAGE_ONE = [
  "ORDER FORM",
  "Order number: Q-2026-0142",
  "Order date: January 30, 2026",
  "",
  "CUSTOMER",
  "Kestrel Ridge Freight, Inc.",
  "2250 E Trent Avenue, Spokane, WA 99202, United States",
  "Industry: Transportation and logistics (regional LTL freight carrier)",
  "Company size: approx. 1,400 employees; 22 terminals in WA, OR, ID and MT",
  "Billing contact and signatory: Gloria Mendez, Chief Financial Officer",
  "Primary administrator: Nate Brennan, Director of Customer Service",
  "Technical contact: Ray Tanaka, Director of IT",
  "Executive sponsor: Elaine Kovac, Chief Operating Officer",
  "",
  "PROVIDER",
  "Corvala, Inc., 500 Alder Street, Suite 1200, Seattle, WA 98104",
  "Account Executive: Dana Whitlock (dana.whitlock@corvala.example)",
  "Solutions Engineer: Priya Raman",
  "Implementation Manager: Sam Okafor",
  "",
  "SUBSCRIPTION",
  "Product: Corvala Service Desk, Enterprise plan",
  "Licensed users: customer service agents and pod leads",
  "Quantity: 120 agent seats",
  "Price per agent seat per year: $492.00 (list $600.00, 18% discount)",
  "Seat subtotal: $59,040.00 per year",
  "Shipment Exceptions module (platform fee): $18,000.00 per year",
  "Implementation services: $15,000.00, waived",
  "Total annual subscription fees: $77,040.00",
  "Total contract value (12 months): $77,040.00",
];

const PAGE_TWO = [
  "TERM AND BILLING",
  "Subscription term: 12 months, February 16, 2026 to February 15, 2027",
  "Contract start date: February 16, 2026",
  "Renewal date: February 16, 2027",
  "Renews automatically for 12 months unless either party gives 60 days notice.",
  "Renewal price increase capped at 5% of the fees above.",
  "Billing: annually in advance. Payment terms: Net 45.",
  "Discount and waived fee valid for signature on or before February 6, 2026.",
  "",
  "IMPLEMENTATION",
  "Target go-live: March 16, 2026",
  "Single sign-on: Okta SAML 2.0; user provisioning through Okta SCIM",
  "Integrations: Salesforce Sales Cloud account sync",
  "Corvala relay agent for the Haulwise TMS (customer VM, outbound HTTPS only)",
  "Snowflake connector: beta access; general availability planned for Q2 2026",
  "Until then: nightly CSV export of ticket data",
  "Replaces: TrackDesk 6 (on-premises) and shared Outlook inboxes",
  "Training: two days on-site at the Spokane office for pod leads,",
  "plus recorded sessions built around customer workflows for terminal staff",
  "",
  "SIGNATURES",
  "For Kestrel Ridge Freight, Inc.: Gloria Mendez, Chief Financial Officer",
  "Customer signature date: February 6, 2026",
  "For Corvala, Inc.: Helen Ashby, Chief Revenue Officer",
  "Corvala signature date: February 6, 2026",
];

const pdf = writeSimplePdf([PAGE_ONE, PAGE_TWO], {
  header: ["Corvala, Inc. - Order Form Q-2026-0142 - Confidential"],
  footer: ["Page {page} of {pages}"],
  title: "Order Form Q-2026-0142 - Kestrel Ridge Freight, Inc.",
  author: "Corvala, Inc.",
  creationDate: new Date("2026-01-30T23:40:00Z"),
  fontSize: 10,
});
writeFileSync(join(import.meta.dirname, "../../fixtures/deals/kestrel-ridge-freight/order-form.pdf"), pdf);
