import { OFF_CONTRACT_WORDS } from "../../domain/off-contract.ts";
import type { SectionKey } from "../../domain/sections.ts";
import type { Side } from "../../domain/side.ts";
import { DUE, MONTH, N, SYSTEMS } from "./cue-vocabulary.ts";
import { OWN_DECISION_PHRASES } from "../../domain/says-own-decision.ts";

/**
 * One signal that a sentence belongs to a section. `side` limits it to what that side of the
 * deal would say (it counts one less when the speaker's side is unknown); `notBy` excludes one
 * side; `kind` is what the cue tells about the item (a red flag's kind, a pain or a trigger).
 */
type SectionCue = { section: SectionKey; pattern: RegExp; weight: number; side?: Side; notBy?: Side; kind?: string };

type Options = Pick<SectionCue, "side" | "notBy" | "kind">;
const cue = (section: SectionKey, weight: number, pattern: RegExp, options: Options = {}): SectionCue => ({
  section,
  weight,
  pattern,
  ...options,
});
const words = (alternatives: string) => new RegExp(`\\b(?:${alternatives})\\b`, "i");

const PROMISES: SectionCue[] = [
  // "Two weeks from kickoff to live.", "Implementation is actually 2 weeks": a go-live timeline the seller sets.
  cue(
    "promises",
    3,
    new RegExp(
      `\\b(?:${N} (?:days?|weeks?|months?) (?:from [\\w ]{3,20} )?to (?:go[- ])?live|implementation is (?:actually |only |just )?${N} (?:days?|weeks?)|live (?:with|in) ${N} (?:days?|weeks?))\\b`,
      "i",
    ),
    { side: "seller" },
  ),
  cue(
    "promises",
    3,
    words(
      "i'll|i will|we'll|we will|we're going to|i'm going to|we can guarantee|we guarantee|i promise|we promise|we commit|i commit|you'll have|you will have|will be with you|our commitment",
    ),
    { side: "seller" },
  ),
  cue(
    "promises",
    3,
    words(
      "(?:i|we) can (?:take|offer|give|do|include|waive|cap|extend|throw in|get you|lock|guarantee|match|provide|set up|add|credit|share|send|show|introduce)",
    ),
    { side: "seller" },
  ),
  cue("promises", 3, words("at no (?:extra |additional )?(?:cost|charge)|free of charge|no charge"), { notBy: "customer" }),
  cue(
    "promises",
    3,
    words(
      "no (?:extra|additional|hidden) (?:fees?|costs?|charges?)|all included|you(?:'ll| will)? get (?:a|an|your) (?:dedicated|named|own|free)",
    ),
    { notBy: "customer" },
  ),
  // What the seller's team does for the customer: "we train your team", "my team will do all the integration work".
  cue(
    "promises",
    2,
    words(
      "(?:we|team) (?:will |'ll )?(?:train|build|handle|kick off|set up|configure|migrate|deliver|assign|map|integrate|do all)|will (?:do|handle|take care of|run|build|train|set up|configure|migrate|provide|deliver|own|support)|(?:to|you're|be) live",
    ),
    { side: "seller" },
  ),
  cue("promises", 3, words("i'd propose|i propose|here's what i(?:'d| can| would) (?:do|propose|suggest|offer)|here's what i can do"), {
    side: "seller",
  }),
  cue("promises", 2, words("let's do|we'd (?:be happy|throw in|include|waive|cover)|is fine|works for us|we can do that|you got it"), {
    side: "seller",
  }),
  cue(
    "promises",
    2,
    words(
      `(?:${N} ?(?:%|percent)) (?:off|discount)|discount(?:ed)?|waive[ds]?|credited|capped|cap the|custom onboarding|on-?site|training|beta access|go[- ]live|live (?:on \\w+ )?by`,
    ),
    { notBy: "customer" },
  ),
  cue("promises", 1, new RegExp(`\\b${DUE}\\b`, "i"), { side: "seller" }),
  // Done for the customer's people or rollout ("we train your team", "full-time to your rollout"): an offer.
  cue("promises", 1, words("(?:train|help|support|onboard|for|with|to|give) your (?:team|reps|people|rollout|agents|admins)"), {
    side: "seller",
  }),
  // An order form's or SOW's service fields are what the seller signed up to deliver.
  cue(
    "promises",
    3,
    /^(?:target )?(?:go[- ]live(?: date)?|training|onboarding|professional services|support level|sla|service level|implementation services)\s*:/i,
    { notBy: "customer" },
  ),
  // An offer or a goodwill gesture: "I'd like to offer you a month free", "happy to extend the trial".
  cue(
    "promises",
    3,
    words(
      "(?:i'd|i would|we'd|we would) like to offer|(?:i'm|we're|i am|we are) (?:happy|glad) to (?:apply|offer|give|include|extend|waive|credit|provide|set up|add|cover|send)",
    ),
    { side: "seller" },
  ),
  // When the customer will see a result: "you should get the credit within 2 business days".
  cue(
    "promises",
    3,
    new RegExp(
      `\\byou(?:'ll| will| should)? (?:see|get|receive|have) [^.?!]{1,40}\\b(?:in|within) (?:the next )?${N}(?:-${N})? (?:business |working )?(?:hours|days|weeks)\\b`,
      "i",
    ),
    { side: "seller" },
  ),
  // A personal line the seller opens: "reach out to me directly any time".
  cue(
    "promises",
    3,
    words(
      "feel free to (?:reach out|call|email|contact)|reach out to me (?:directly|personally|any ?time)|my (?:direct|personal) (?:line|number|cell)",
    ),
    {
      side: "seller",
    },
  ),
  // A document the seller offers to write: "let me put together a proposal", "let me write up the plan".
  cue("promises", 3, words("let me (?:put together|pull together|write up|draft|prepare|work up|map out)"), { side: "seller" }),
  // A recurring service the seller describes as part of the deal: "we do monthly check-ins on your numbers".
  cue("promises", 3, words("we (?:do|run|hold) (?:quarterly|monthly|weekly) (?:business reviews|reviews|check-?ins)|qbrs?"), {
    side: "seller",
  }),
  // Politeness and hedges that look like commitments but promise nothing.
  cue(
    "promises",
    -3,
    words("(?:i'll|i will|we'll) (?:be (?:honest|blunt|quick|brief|direct)|see|let you go|talk soon|take a look)|we'll see"),
  ),
  // A note about the call itself, nothing a CSM inherits: "I'll send a recap tonight." (only the whole sentence: "a recap
  // and a draft proposal by Friday" names a deliverable and stays; so does sending the contract, a step of the deal).
  cue(
    "promises",
    -6,
    /^(?:ok(?:ay)?,? |great,? |perfect,? |so,? |and )?(?:i'll|i will|we'll|we will) (?:send|shoot|get|email) (?:you |over |out )?(?:a|the|my|our) (?:quick |short )?(?:recap|summary|notes|(?:calendar |meeting )?invite)(?: over)?(?: (?:tonight|today|tomorrow|later|shortly|right after (?:this|the) call|after (?:this|the) call|in the next (?:hour|few minutes)|(?:by )?end of (?:the )?day))?[.!]?$/i,
  ),
  // Where the next meeting happens is no commitment either: "I can come to your office or we can do video."
  cue("promises", -6, words("i can come (?:to|by) your office|(?:we|i) can do (?:it )?(?:over )?(?:video|zoom|teams|a video call)"), {
    side: "seller",
  }),
];

const NEXT_STEPS: SectionCue[] = [
  cue(
    "nextSteps",
    3,
    words(
      "next steps?|action items?|kick[- ]?off is|calendar invite|send (?:you )?the invite|on the calendar|schedule (?:a|the)|set up (?:a|the) (?:call|meeting|demo|session)|follow[- ]up (?:call|meeting)|docusign|pandadoc|adobe sign|hellosign|for signature|whenever you're ready|project plan|loop in",
    ),
  ),
  cue(
    "nextSteps",
    3,
    /(?:\b(?:could|can|would|will) you|\bplease) (?:send|share|forward|set up|introduce|loop|confirm|schedule|provide|sign)\b|^(?:(?:and|yeah|yes|sure|okay|ok|great),? )?send (?:me|us|it|those|that|them)\b|\bi'd like (?:a|an|the|to (?:get|see|do|set up|schedule|show))\b/i,
  ),
  cue(
    "nextSteps",
    3,
    /\b(?:monday|tuesday|wednesday|thursday|friday)(?: at \d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?)?)? works\b|\bready to sign\b/i,
  ),
  cue("nextSteps", 3, words("(?:i'll|we'll|i will|we will) (?:send|share|get|set up|introduce|loop|check|talk to|review|sign|forward)"), {
    side: "customer",
  }),
  cue(
    "nextSteps",
    3,
    new RegExp(
      `\\b(?:will|'ll) (?:send|share|answer|deliver|run|schedule|set up|review|sign|get|have|follow up|circle back|introduce|provide|confirm|look at)\\b[^.?!]*\\b${DUE}`,
      "i",
    ),
  ),
  // When the customer wants to begin: "we'd like to kick off within the next two weeks".
  cue(
    "nextSteps",
    3,
    words("(?:want|need|plan|hope|like) to (?:start|begin|kick off|launch|go live|get started) (?:within|by|in|before|next)"),
    { side: "customer" },
  ),
  cue(
    "nextSteps",
    2,
    words(
      "sign(?:ed)? by|signature by|i can sign|ready to sign|get (?:this|it) signed|owns? the (?:project|plan|rollout|migration)|will run the",
    ),
  ),
  cue(
    "nextSteps",
    1,
    new RegExp(`\\b(?:${DUE}|proposal|recap|demo|pilot|send (?:over|you|them)|get (?:that|it|this) over|circle back)\\b`, "i"),
  ),
  cue("nextSteps", -2, words("yesterday|last week|already|went to|i sent|we sent")),
];

const OBJECTIONS: SectionCue[] = [
  cue(
    "objections",
    3,
    words(
      "concern(?:ed|s)?|worr(?:y|ied|ies)|hesitant|nervous|skeptical|not (?:sure|convinced|comfortable)|what if|too (?:expensive|high|much|long|complex|risky)|higher than|more than (?:we|what we)|over (?:our|the) budget|push ?back|deal[- ]?breaker|non-?starter|justify|won't work|doesn't work for|open questions?|still (?:has|have) (?:open )?questions|(?:brought|bringing|raised) up [^.?!]{0,30}\\bagain|(?:is|are|am) not going to (?:live|use|log|learn|adopt|switch|pay|open|support)|(?:is|are)n't going to (?:use|live|log|learn|adopt)|i'm not (?:having|opening|paying|doing)|can't take on|(?:don't|doesn't) have (?:the )?(?:time|bandwidth|capacity|budget|resources|anyone)|(?:we|i) budgeted",
    ),
    { side: "customer" },
  ),
  cue("objections", 1, words("but|however|problem is|issue is|heard (?:this|that) before|still|budget"), { side: "customer" }),
  cue("objections", 2, words("(?:i|we) don't want"), { side: "customer" }),
  // Turning an offer down ("We don't want another trial, we want it fixed") or the whole conversation ("not really interested").
  cue(
    "objections",
    3,
    /\b(?:i|we) (?:don't|do not) want (?:another\b|[^,.;!?]{1,40}[,;] (?:i|we) (?:just |only )?want\b)|\bnot (?:really |even )?interested\b|\btake (?:me|us) off (?:your|the) (?:list|calls?)\b/i,
    { side: "customer" },
  ),
  cue(
    "objections",
    3,
    words(
      "what's the catch|how confident are you|too good to be true|(?:was|were) a (?:disaster|nightmare|mess)|hated it|(?:rollout|implementation|project) failed|never (?:logged in|used it|adopted)",
    ),
    { side: "customer" },
  ),
  cue(
    "objections",
    -3,
    words("address(?:es|ed) (?:my|our|that|the) concerns?|no (?:real )?concerns?|not (?:a )?concern|not worried|that helps"),
  ),
];

const RED_FLAGS: SectionCue[] = [
  cue(
    "redFlags",
    3,
    words(
      "budget(?:ed)? (?:cuts?|freeze|is tight|pressure)|over (?:the )?budget|than (?:what )?we budgeted|hiring freeze|froze hiring|freez(?:e|ing) (?:hiring|spend|budgets?)|layoffs?|cost[- ]cutting|(?:volumes?|revenue|sales|bookings|demand) (?:are|is|were|was) down",
    ),
    { kind: "budget" },
  ),
  cue(
    "redFlags",
    3,
    words(
      "retir(?:e|es|ed|ing|ement)|leaving (?:the company|us|at the end)|(?:after|when|once) i (?:leave|go)|last day|stepping down|(?:new|interim) (?:cfo|ceo|cro|cto|cio|coo|boss)|reorg\\w*|restructur\\w+|acquired|acquisition|merger",
    ),
    { kind: "organisation" },
  ),
  cue("redFlags", 3, words("not sold|still not|skeptic\\w*|turn it off|pull the plug|kill (?:it|the project)"), { kind: "stakeholder" }),
  cue(
    "redFlags",
    3,
    words(
      "hard deadline|can't slip|at risk|won't hold|(?:don't|doesn't) think [^.?!]{0,40}holds?|is that (?:real|realistic|doable|achievable|feasible)|(?:aggressive|tight|ambitious) (?:timeline|deadline|schedule)|support ends|end[- ]of[- ]life|no longer supported",
    ),
    { kind: "timeline" },
  ),
  cue("redFlags", 3, words("(?:hard|tough|difficult) conversation|(?:won't|not) renew|churn risk"), { kind: "expectations" }),
  // An upset customer escalating: "put me through to your manager", "the worst onboarding ever".
  cue(
    "redFlags",
    3,
    words("(?:speak|talk) (?:to|with) (?:a|your|the) (?:supervisor|manager|boss)|escalat\\w+ (?:this|it)|worst \\w+ (?:ever|i've)"),
    { side: "customer", kind: "relationship" },
  ),
  cue("redFlags", 3, words(OFF_CONTRACT_WORDS), { kind: "legal" }),
  cue("redFlags", 3, words("(?:don't|doesn't) have (?:the )?(?:time|bandwidth|capacity|anyone)|can't take on|no (?:bandwidth|capacity)"), {
    kind: "technical",
  }),
  cue("redFlags", 2, words("too high|still over|budget"), { side: "customer", kind: "budget" }),
  cue("redFlags", 1, words("tight|asap|urgent|deadline|slip"), { kind: "timeline" }),
  cue("redFlags", 1, words("risk"), { kind: "other" }),
];

const SUCCESS: SectionCue[] = [
  cue(
    "successCriteria",
    3,
    new RegExp(
      `\\b(?:success (?:looks like|means|would be|criteria|metrics?)|we(?:'ll| will)? measure|kpis?|(?:at|after|within) ${N} (?:days|weeks|months)|(?:in|by the end of|within|after) the first ${N} (?:days|weeks|months)|${N}[- ]day (?:mark|goal|target)|(?:first|early|quick) win|that's the win|at renewal|would make (?:us|me) (?:renew|happy))\\b`,
      "i",
    ),
  ),
  cue(
    "successCriteria",
    3,
    new RegExp(
      `\\b(?:get|bring) (?:that|it|this) (?:back )?(?:down|up) to|\\bfrom ${N}[^.?!]{0,40}? to (?:under |below |over |above |less than |more than |at least )?${N}\\b`,
      "i",
    ),
  ),
  cue(
    "successCriteria",
    2,
    new RegExp(
      `\\b(?:(?:down|up|reduce\\w*|cut|improve\\w*|increase\\w*|grow\\w*) (?:by )?(?:about |at least )?${N} ?(?:%|percent)|${N} ?(?:%|percent) (?:improvement|increase|reduction|faster|fewer|lift)|i'd love ${N}|(?:under|below|less than) ${N} (?:minutes|hours|days|seconds))`,
      "i",
    ),
  ),
  cue(
    "successCriteria",
    2,
    words(
      "metrics?|target|goal|handle time|resolution|response time|win rates?|conversion|churn rate|nps|csat|uptime|cycle time|ramp time|deal velocity|time to value|adoption|control group|break even|need to hit",
    ),
  ),
  cue("successCriteria", 1, words("reduce|increase|improve|roi|hit (?:that|the) number")),
  // What would bring them back or keep them: "I expect faster answers if we're going to renew".
  cue(
    "successCriteria",
    3,
    words(
      "i expect (?:much |a lot |far )?(?:better|more|faster)|if (?:i'm|we're|i am|we are) going to (?:\\w+ )?(?:renew|stay|buy|book|order|expand)",
    ),
    { side: "customer" },
  ),
  // A baseline as a measured average: "the median onboarding time was 19 days".
  cue("successCriteria", 2, new RegExp(`\\b(?:average|median|mean) [\\w -]{0,30}?(?:was|is|of) (?:about |around |roughly )?${N}`, "i")),
  // A before/after claim: "instead of 3 weeks to onboard, they're seeing 4 days".
  cue(
    "successCriteria",
    3,
    new RegExp(`\\binstead of (?:about )?${N}(?:-${N})? [^.?!]{0,30}?(?:seeing|down to|up to|only|just|now) (?:about )?${N}`, "i"),
  ),
  // A quantified gain: "saving 10 hours a week", "cut that in half".
  cue(
    "successCriteria",
    3,
    new RegExp(
      `\\b(?:adding back|giving back|saving|saves?) (?:about |around )?${N}(?:-${N})? (?:minutes|hours|days|weeks)|\\bcut (?:that|it|this) (?:by|in) half\\b`,
      "i",
    ),
  ),
  // Today's baseline of a metric ("We're at like fifty-eight percent.") right before the target.
  cue("successCriteria", 2, new RegExp(`\\b(?:we're|we are|it's|we sit) at (?:like |about |around |roughly )?${N} ?(?:%|percent)`, "i")),
  // History ("we went from 18 to 28 reps") is not a target.
  cue("successCriteria", -2, words("don't want|went from|grew from|jumped from|doubl\\w+ from|crept up|used to")),
];

const WHY_THEY_BOUGHT: SectionCue[] = [
  cue(
    "whyTheyBought",
    3,
    words(
      "killing us|the (?:real )?problem is|our (?:biggest )?problem|pain(?:ful)?|struggl\\w*|frustrat\\w*|can't keep up|doesn't scale|won't scale|takes (?:too long|forever)|falling through the cracks|slipping through|drowning|losing (?:deals|customers|money|accounts)|(?:we|they) lost (?:them|a|an|our|the)|(?:hire|spend|grow) our way out|reason we're (?:here|talking|looking)|why we need (?:this|it)|that's why we|outgrown",
    ),
    { side: "customer", kind: "pain" },
  ),
  cue("whyTheyBought", 3, words("support ends|end[- ]of[- ]life|no longer supported|sunset\\w*|going away|had to replace"), {
    notBy: "seller",
    kind: "trigger",
  }),
  cue("whyTheyBought", 3, /^(?:replaces|replacing|to replace)\b/i, { kind: "replacing" }),
  cue(
    "whyTheyBought",
    3,
    new RegExp(
      `\\b(?:crept up|getting worse|not getting better|stretching|slowing down|stall(?:ing|ed)|pushing ${N}|(?:it's|it is) impossible to|no way to|can't keep (?:up|track))\\b`,
      "i",
    ),
    { side: "customer", kind: "pain" },
  ),
  cue(
    "whyTheyBought",
    2,
    words(
      "manual(?:ly)?|by hand|on hold|spreadsheet|too late|used to (?:be|take|close|have)|we've tried|nobody (?:trusts|knows)|running late|delays?|a mess|broken|bottleneck|re-?discover\\w*|won't scale",
    ),
    { side: "customer", kind: "pain" },
  ),
  // Pains said as a gap, a duplicated effort, slow help or a late discovery: "our CSMs don't have a clear playbook",
  // "we enter every order twice", "the vendor took weeks to answer", "we don't find out until the invoice bounces".
  cue(
    "whyTheyBought",
    3,
    /\b(?:(?:don't|doesn't|do not|does not) have (?:a |any )?(?:clear|real|proper|defined|consistent|documented)|(?:doing|running|entering|typing|keying) [\w ]{1,30}? twice|double (?:entry|work)|took (?:days|weeks|months|forever|ages) to|(?:don't|doesn't|didn't) (?:catch|notice|find out|see|hear about) (?:it |them |that |this )?until)\b/i,
    { side: "customer", kind: "pain" },
  ),
  // What they are missing: "we need someone who can own the rollout".
  cue("whyTheyBought", 3, words("(?:we|i) need (?:someone|somebody|something|a partner|a way|a tool) (?:who|that|to)"), {
    side: "customer",
    kind: "pain",
  }),
  // The cost of doing nothing: "if we don't fix onboarding by June, we lose the renewal".
  cue("whyTheyBought", 3, /\bif (?:we|i) (?:don't|do not|can't|cannot)\b[^.?!]*\b(?:miss|lose|fail|fall behind)\b/i, {
    side: "customer",
    kind: "trigger",
  }),
  cue("whyTheyBought", 1, words("because|since the|replac\\w+|switch\\w* (?:from|off)|you mentioned"), { kind: "pain" }),
];

const COMPETITION: SectionCue[] = [
  cue(
    "competition",
    3,
    words(
      "competitors?|alternatives?|other (?:vendors?|solutions|tools|providers)|shortlist|bake-?off|also (?:talking|talked|spoke|speaking|looking) (?:to|with|at)|had a conversation with|talked to (?:a couple|some|\\d+|several)|went with|narrowed (?:it )?down|(?:1|an?) other vendor|(?:build|building) (?:it|this|something|our own)(?: \\w+)? (?:ourselves|in-house|internally|in \\w+)|versus|vs\\.?|add-on|(?:would be|is|was) cheaper|cheaper (?:on paper|than)|apples to apples",
    ),
  ),
  cue(
    "competition",
    3,
    words("(?:we )?(?:also )?(?:evaluated|evaluating|trialed|trialled|piloted|demoed) (?:a|an|\\d+|several|some|other|\\w+ (?:and|or))"),
  ),
  cue(
    "competition",
    3,
    /\b(?:[Ww]e (?:also )?(?:looked at|were looking at|considered|evaluated|trialed|compared)|[Ll]ooked at) (?:[A-Z][\w-]+|other|a couple|several|some|a [\w-]+ (?:tool|vendor|add-on|solution|product))/,
  ),
  cue(
    "competition",
    4,
    /\byour [\w -]{1,40} (?:is|was) (?:the (?:main |real )?reason|why we)\b|\b(?:why|reason) we (?:chose|picked|went with)\b|\bwhat (?:sold|won) us\b|\b(?:didn't|doesn't|did not|does not) (?:have|offer) (?:anything|an option|a way)\b/i,
    { kind: "whyChosen" },
  ),
  // "Other options" is a competitor from the customer; from the seller it is their own menu ("let me see what other options we have").
  cue("competition", 3, words("other options"), { notBy: "seller" }),
  cue("competition", 1, words("cheaper|more expensive|pricier|instead")),
  cue("competition", 2, words("(?:comes|came) down to|make-or-break|deciding factor|go(?:ing)? with them|the other (?:vendor|option|one)")),
];

const TECHNICAL: SectionCue[] = [
  cue("technicalEnvironment", 3, words(SYSTEMS), { notBy: "seller" }),
  cue("technicalEnvironment", 2, words(SYSTEMS), { side: "seller" }),
  cue(
    "technicalEnvironment",
    2,
    words(
      "integrat\\w+|migrat\\w+|it team|infrastructure|tech stack|data (?:export|import|feed|model)|provision\\w*|sandbox|read access|admin access|inbound port|outbound|field mapping",
    ),
  ),
  cue("technicalEnvironment", 2, new RegExp(`\\b${N} (?:tickets|records|rows|documents|files)\\b`, "i")),
  cue(
    "technicalEnvironment",
    1,
    words(
      "our (?:systems?|stack|tools?)|we (?:use|run)|runs on|lives in|behind our|your side|export|import|sync|implementation|tickets|records|attachments|history",
    ),
  ),
];

const STAKEHOLDERS: SectionCue[] = [
  cue(
    "stakeholders",
    3,
    words(
      "cfo|ceo|cto|cio|cro|coo|ciso|vp|svp|evp|vice president|director|head of|chief \\w+ officer|(?:team|pod|project|it|sales|ops|operations) (?:lead|manager)|president|founder",
    ),
    { notBy: "seller" },
  ),
  cue("stakeholders", 3, words("your (?:cfo|ceo|cto|cio|coo|vp|boss|manager|director|team lead)"), { side: "seller" }),
  cue(
    "stakeholders",
    3,
    words(
      "sign[- ]?off|signs? (?:anything|off)|signatory|approv(?:es|ed|al) (?:it|this|anything|the)|decision[- ]?maker|budget holder|economic buyer|champion|sponsor(?:ing)?|technical contact|primary (?:contact|administrator|admin)|billing contact|end users?|point of contact|who runs|who leads|who manages|reports? up through",
    ),
    { notBy: "seller" },
  ),
  cue(
    "stakeholders",
    3,
    words("your (?:champion|sponsor|economic buyer|decision[- ]?maker|signatory|technical contact|it (?:team|contact))"),
    { side: "seller" },
  ),
  cue(
    "stakeholders",
    3,
    words(
      "i (?:really |personally )?care about|matters to me|everyone's excited|talked to my team|(?:text|call|email|slack|ping|message) me|send (?:it|them|that) to me directly|best (?:way|time) to reach|prefers? (?:email|text|calls?|slack)|at my desk",
    ),
    { side: "customer", kind: "preference" },
  ),
  // "But the decision is mine.": the speaker says who they are in the deal.
  cue("stakeholders", 3, words(OWN_DECISION_PHRASES), { side: "customer", kind: "preference" }),
  cue("stakeholders", 1, words("my (?:boss|team|manager)|procurement|legal team|i can sign")),
  // The customer naming themself: "It's Dana Ortiz.", "My name is Lee Park."
  cue("stakeholders", 3, /\b(?:[Mm]y name is|[Ii]t's|[Tt]his is|[Ii]'m) [A-Z][a-z]+ [A-Z][a-z'-]+\b/, { side: "customer" }),
  cue(
    "stakeholders",
    3,
    words("(?:he|she|they)(?:'s| is| are) (?:good|fine|on board|happy|supportive|aligned|excited) with|kept (?:him|her|them) in the loop"),
    { notBy: "seller" },
  ),
];

const POLITICAL: SectionCue[] = [
  cue(
    "politicalDynamics",
    3,
    words(
      "politic\\w*|on board|buy-?in|bought in|not (?:a )?fan|not sold|on the fence|convince\\w*|reorg\\w*|ally|blocker|territorial|turf|pet project|will report to|moves? under|(?:new|future) boss|turn it off|pull the plug|kill (?:it|the project)|keeps? (?:telling|pushing|asking|saying)|pushed for|(?:brought|bringing|raised) up [^.?!]{0,30}\\bagain|reports? up through|heard (?:this|that) before|been burned|tried this before",
    ),
  ),
  cue(
    "politicalDynamics",
    2,
    words("reports? to|over my head|my boss|his boss|her boss|skeptic\\w*|(?:he|she)'s (?:not|never|against|behind|pushing)|after i leave"),
  ),
];

const ACCOUNT: SectionCue[] = [
  cue("accountOverview", 3, /\$\s?\d[\d,.]*\s?(?:k|m|mm|million|thousand|b)?\b/i),
  // What the customer bought, read back or said: "you ordered 40 seats", "we signed up for 3 modules".
  cue(
    "accountOverview",
    3,
    new RegExp(`\\b(?:you|we|i) (?:booked|bought|purchased|ordered|signed up for|subscribed to) (?:\\w+ )?${N}\\b`, "i"),
  ),
  cue("accountOverview", 3, new RegExp(`\\b${N}\\s(?:[\\w-]+\\s){0,2}(?:seats|licen[cs]es|users|reps|agents)\\b`, "i")),
  // Company size is the customer's to state; a seller's "two people" is their own team.
  cue(
    "accountOverview",
    3,
    new RegExp(
      `\\b${N}(?:-${N})?\\s(?:[\\w-]+\\s){0,2}(?:employees|people|locations|terminals|sites|stores|branches|offices|warehouses|plants|clinics|customers|clients|accounts|opportunities)\\b`,
      "i",
    ),
    { notBy: "seller" },
  ),
  cue(
    "accountOverview",
    3,
    words(
      "per (?:agent )?(?:seat|user|licen[cs]e|year|month|rep|annum)|list price|total contract value|tcv|acv|arr|contract value|subscription (?:term|fees?)|payment terms|net \\d+|billed (?:annually|monthly)|annually in advance|renewal (?:date|price|increase|exposure)|contract start|start date|signature date|order date|company size|headquartered|pricing holds|(?:enterprise|professional|business|premium|standard|growth|starter) (?:plan|tier|edition)",
    ),
  ),
  cue(
    "accountOverview",
    2,
    words(
      "\\d{4,}(?: dollars| a year| per year| annually| a month| per month)|we(?:'re| are) an? (?:[\\w-]+[ ,]+){0,5}(?:company|carrier|business|firm|provider|startup|agency|manufacturer|retailer|distributor|platform|organi[sz]ation|hospital|bank|insurer|school|university|nonprofit)|we sell|series [a-e]|based in|quantity|product",
    ),
  ),
  cue("accountOverview", 1, words(`price|pricing|quote|cost|renewal|module|plan|${MONTH} \\d{1,2}, \\d{4}`)),
  // A seller's ROI arithmetic ("So that's $27 million in total revenue.", "that's typically $2-3M in additional revenue")
  // is the pitch's case, not what the customer buys or pays.
  cue("accountOverview", -6, words("in (?:total|additional|extra|incremental|new) revenue"), { side: "seller" }),
  cue("accountOverview", 3, words("we(?:'re| are) (?:scaling|growing|hiring)"), { notBy: "seller" }),
  // The customer's industry is theirs to state; a seller's "best in the industry" is a pitch.
  cue("accountOverview", 3, words("industry"), { notBy: "seller" }),
  // Funding news is account context whoever mentions it: "I saw you just raised a Series C".
  cue("accountOverview", 3, words("(?:raised|closed|announced) (?:a |an |our |your |their )?(?:series [a-e]|seed|(?:funding )?round)")),
];

// Another customer's story told by the seller ("One of our clients, similar stage to you, kept their cycle at 32 days")
// is a reference, not this customer's goal, pain or account.
const CASE_STUDY = words(
  "(?:one|1) of our (?:clients|customers)|a (?:client|customer) of ours|another (?:client|customer) (?:of ours|like you)",
);
const NOT_THIS_CUSTOMER: SectionCue[] = (["successCriteria", "whyTheyBought", "accountOverview"] as const).map((section) =>
  cue(section, -6, CASE_STUDY, { side: "seller" }),
);

// Section order here breaks ties: the earlier section wins.
export const SECTION_CUES: SectionCue[] = [
  ...PROMISES,
  ...NEXT_STEPS,
  ...OBJECTIONS,
  ...RED_FLAGS,
  ...SUCCESS,
  ...WHY_THEY_BOUGHT,
  ...COMPETITION,
  ...TECHNICAL,
  ...STAKEHOLDERS,
  ...POLITICAL,
  ...ACCOUNT,
  ...NOT_THIS_CUSTOMER,
];
