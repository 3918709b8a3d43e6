import { z } from "zod";
import type { SectionKey } from "../domain/sections.ts";

// What the model must return. Strict structured output needs every property required,
// so optional facts are nullable. Length caps make megabyte answers fail validation.
const text = (max: number) => z.string().max(max);
const maybe = (max: number) => z.string().max(max).nullable();

export const EvidenceSchema = z
  .object({
    segment: text(40).describe("Id of the segment the quote comes from, exactly as shown, e.g. S12"),
    quote: text(400).describe("A short verbatim span copied character for character from that segment"),
  })
  .strict();
export type Evidence = z.infer<typeof EvidenceSchema>;

const base = {
  statement: text(400).describe("One factual sentence for the handoff, supported by the evidence"),
  evidence: z.array(EvidenceSchema).min(1).max(4),
};

const item = <T extends z.ZodRawShape>(shape: T) => z.object({ ...base, ...shape }).strict();

export const SECTION_ITEM_SCHEMAS = {
  accountOverview: item({
    field: z.enum([
      "companyName",
      "whatTheyDo",
      "industry",
      "size",
      "growthStage",
      "region",
      "contractValue",
      "products",
      "seats",
      "pricing",
      "contractStart",
      "renewalDate",
      "signatureDate",
      "other",
    ]),
    value: text(200),
  }),
  stakeholders: item({
    name: text(120),
    title: maybe(120),
    role: z.enum(["economicBuyer", "champion", "decisionMaker", "technicalContact", "executiveSponsor", "endUser", "blocker", "other"]),
    stance: z.enum(["supportive", "neutral", "skeptical", "unknown"]),
    caresAbout: maybe(200),
    contactPreferences: maybe(200),
  }),
  whyTheyBought: item({ kind: z.enum(["pain", "trigger", "replacing", "other"]) }),
  successCriteria: item({
    horizon: z.enum(["30days", "90days", "longTerm", "unspecified"]),
    metric: maybe(200),
  }),
  promises: item({
    what: text(300),
    promisedBy: maybe(120),
    promisedTo: maybe(120),
    due: maybe(80),
    explicit: z.boolean().describe("false when the commitment is only implied"),
    looksUnrealistic: z.boolean(),
  }),
  objections: item({
    concern: text(300),
    raisedBy: maybe(120),
    answer: maybe(300),
    resolved: z.enum(["yes", "no", "partly", "unknown"]),
  }),
  politicalDynamics: item({ involves: z.array(text(120)).max(6) }),
  competition: item({
    competitor: maybe(120),
    kind: z.enum(["alternativeEvaluated", "whyChosen", "nearlyChosen"]),
  }),
  technicalEnvironment: item({
    system: maybe(120),
    kind: z.enum(["currentStack", "integration", "migration", "security", "access", "scope", "other"]),
  }),
  redFlags: item({
    risk: text(300),
    severity: z.enum(["low", "medium", "high"]),
    kind: z.enum([
      "budget",
      "timeline",
      "stakeholder",
      "organisation",
      "expectations",
      "technical",
      "legal",
      "contradiction",
      "promptInjection",
      "other",
    ]),
  }),
  nextSteps: item({ action: text(300), owner: maybe(120), due: maybe(80) }),
} satisfies Record<SectionKey, z.ZodObject>;

const sectionArrays = Object.fromEntries(Object.entries(SECTION_ITEM_SCHEMAS).map(([key, schema]) => [key, z.array(schema).max(40)])) as {
  [K in SectionKey]: z.ZodArray<(typeof SECTION_ITEM_SCHEMAS)[K]>;
};

/** The whole answer of one extraction call. */
export const HandoffExtractionSchema = z.object(sectionArrays).strict();
export type HandoffExtraction = z.infer<typeof HandoffExtractionSchema>;
export type SectionItem<K extends SectionKey> = z.infer<(typeof SECTION_ITEM_SCHEMAS)[K]>;
export type AnySectionItem = SectionItem<SectionKey>;
