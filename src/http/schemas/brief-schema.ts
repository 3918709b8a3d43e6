import { z } from "@hono/zod-openapi";
import { MatchKindSchema } from "../../domain/citation.ts";
import { SectionKeySchema } from "../../domain/sections.ts";

// The brief's types live in src/drafting/brief.ts as plain TypeScript; this is their documented shape,
// held to them by the compile-time check at the bottom.

const BasisSchema = z.enum(["approved", "draft"]).describe('"draft": from the AE\'s unapproved draft');

const PersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

const BriefCitationSchema = z.object({
  file: z.string(),
  sourceId: z.string(),
  speaker: z.string().nullable(),
  time: z.string().nullable().describe("m:ss (h:mm:ss past the hour) into the recording; null for documents and emails"),
  startMs: z.number().nullable(),
  quote: z.string(),
  match: MatchKindSchema.exclude(["unverified"]),
});

const BriefItemSchema = z.object({
  itemId: z.string(),
  section: SectionKeySchema,
  statement: z.string(),
  basis: BasisSchema,
  reviewStatus: z.enum(["draft", "approved", "edited"]).describe('the AE\'s review ("draft" = not reviewed yet)'),
  origin: z.enum(["extracted", "ae"]),
  flags: z.array(z.string()),
  citations: z.array(BriefCitationSchema),
});

const PromiseSchema = BriefItemSchema.extend({
  what: z.string().nullable(),
  owner: z.string().nullable(),
  promisedTo: z.string().nullable(),
  due: z.string().nullable(),
  unrealistic: z.boolean(),
  dueDate: z.string().nullable().describe("the due day as YYYY-MM-DD, read from the source's own date; null when not stated"),
  status: z.string().nullable().describe('"open", "done" (a later source says it was delivered) or "superseded"; null when not read'),
  doneEvidence: z
    .object({ quote: z.string(), file: z.string(), sourceId: z.string().nullable() })
    .nullable()
    .describe("the later source's words saying it was done; null unless done"),
});

const StakeholderSchema = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  role: z.string().nullable(),
  roles: z.array(z.string()),
  stance: z.string().describe('"mixed" when the items disagree (see stances); "unknown" when none says'),
  stances: z.array(z.string()),
  caresAbout: z.array(z.string()),
  contactPreferences: z.array(z.string()),
  basis: BasisSchema,
  items: z.array(BriefItemSchema),
});

const RiskReasonSchema = z.enum(["redFlag", "contradiction", "unresolvedObjection", "politicalDynamics"]);

const RiskSchema = BriefItemSchema.extend({
  reason: RiskReasonSchema,
  alsoListedAs: z.array(RiskReasonSchema),
  severity: z.enum(["high", "medium", "low"]).nullable(),
  detail: z.string().nullable(),
  objectionStatus: z
    .enum(["open", "answered", "answeredNotAccepted"])
    .nullable()
    .describe("an objection's status as read from what followed it (answered: answered, no push-back); null for other risks"),
});

const NextStepSchema = BriefItemSchema.extend({
  action: z.string().nullable(),
  owner: z.string().nullable(),
  due: z.string().nullable(),
  status: z
    .string()
    .nullable()
    .describe('"open", "done" (a later source says so) or "past" (due before the deal\'s latest source); null when not read'),
});

const OpenQuestionSchema = z.object({
  section: SectionKeySchema,
  title: z.string(),
  question: z.string(),
  basis: BasisSchema,
  state: z.enum(["unanswered", "answeredByAe"]),
  aeSays: z.string().nullable().describe("the AE's own answer: provided by the AE, not by any source"),
  answeredAt: z.string().nullable(),
});

const AgendaSectionSchema = z.object({
  key: z.enum(["goals", "timeline", "contacts", "nextSteps", "successCriteria"]),
  title: z.string(),
  points: z.array(z.string()),
  itemIds: z.array(z.string()),
});

const IntroEmailSchema = z.object({
  basis: BasisSchema,
  sendBy: z.string().nullable().describe("close date + 3 days; null without a close date"),
  from: PersonSchema.nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  basedOnItemIds: z.array(z.string()),
  missing: z.array(z.string()).describe("what the AE must fill in before sending ([brackets] in the body)"),
  notesForAe: z.array(z.string()),
});

const MilestoneSchema = z.object({
  key: z.enum(["document", "internalCall", "introduction", "kickoff", "checkIn"]),
  title: z.string(),
  owner: z.string(),
  dueFrom: z.string().nullable(),
  dueBy: z.string().nullable(),
  state: z.enum(["done", "overdue", "upcoming", "unscheduled"]),
  doneAt: z.string().nullable(),
  late: z.boolean(),
  tracked: z
    .boolean()
    .describe("whether Baton records the step done: the approval for the document, the CSM for the rest (PUT .../milestones/{milestone})"),
  scheduledFor: z.string().nullable(),
});

export const BriefSchema = z
  .object({
    dealId: z.string(),
    account: z.string(),
    closeDate: z.string().nullable(),
    status: BasisSchema,
    version: z.number().int().nullable(),
    approvedAt: z.string().nullable(),
    notice: z.string().describe("one line for the top; says plainly when the brief comes from an unapproved draft"),
    generatedAt: z.string(),
    team: z.object({ ae: PersonSchema.nullable(), csm: PersonSchema.nullable() }),
    summary: z
      .object({
        text: z
          .string()
          .describe("one sentence: the account, what they bought, why now and the one risk to watch, with markers [1], [2], …"),
        parts: z.array(
          z.object({
            part: z.enum(["bought", "whyNow", "risk"]),
            marker: z.number().int(),
            cites: z.string().describe("id of the item the part rests on"),
          }),
        ),
      })
      .nullable()
      .describe("the brief's opening sentence, each part cited by the item its marker names"),
    confirm: z.object({
      opener: z.string().nullable(),
      openerItemIds: z.array(z.string()),
      whatTheyWant: z.array(BriefItemSchema),
      forWhom: z.array(BriefItemSchema),
      successLooksLike: z.array(BriefItemSchema),
    }),
    promises: z.array(PromiseSchema),
    stakeholders: z.array(StakeholderSchema),
    risks: z.array(RiskSchema),
    nextSteps: z.array(NextStepSchema),
    openQuestions: z.array(OpenQuestionSchema),
    kickoffAgenda: z.array(AgendaSectionSchema),
    introEmail: IntroEmailSchema,
    timeline: z.object({ closeDate: z.string().nullable(), milestones: z.array(MilestoneSchema) }),
  })
  .openapi("Brief");
