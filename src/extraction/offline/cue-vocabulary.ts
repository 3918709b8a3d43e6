// Regex fragments shared by the cue tables; none has a capture group. Cues run on the sentence
// with numbers in words turned into digits (replaceNumberWords), so a number is just digits here.
export const N = "\\d[\\d,]*(?:\\.\\d+)?";

export const MONTH =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?";
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const ORDINAL =
  "(?:\\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\w+teenth|twentieth|\\d+-\\w+|thirtieth)";
const RELATIVE = `today|tonight|tomorrow|this (?:week|afternoon|evening)|after (?:this|the) call|right now|next (?:week|month|quarter|${WEEKDAY})|end of (?:the )?(?:day|week|month|quarter|year|${MONTH})|eod|eow|q[1-4]`;

/** A calendar or relative day, loosely: enough to tell that a sentence names one. */
const DAY = `(?:${WEEKDAY}|${MONTH} \\d|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}|the ${ORDINAL}|${RELATIVE})`;

/** A due phrase: "by Friday", "before February 6", "on Monday", "within 2 weeks". */
export const DUE = `(?:(?:by|before|on|until|no later than|on or before) ${DAY}|within \\d+ (?:hours|days|weeks|business days))`;

/** A day as written, with its date when given ("Thursday, February 5", "tomorrow, end of day"), for due dates. */
export const DAY_PHRASE = new RegExp(
  `\\b(?:by|before|on|until|no later than|on or before) (${WEEKDAY}(?:,? ${MONTH} \\d{1,2}(?:st|nd|rd|th)?)?|${MONTH} ${ORDINAL}(?:,? \\d{4})?|the ${ORDINAL}|tomorrow(?:,? end of (?:the )?day)?|${RELATIVE})\\b|\\b(${WEEKDAY}(?:,? ${MONTH} \\d{1,2}(?:st|nd|rd|th)?)?|${MONTH} \\d{1,2}(?:st|nd|rd|th)?|tomorrow|today|tonight|next week|this week)\\b`,
  "i",
);

// Products and technical terms that name a system, an integration or a security requirement.
export const SYSTEMS =
  "salesforce|sales cloud|service cloud|hubspot|snowflake|okta|azure ad|entra|active directory|sso|single sign-on|saml|scim|oauth|apis?|webhooks?|sftp|edi|csv|data warehouse|bigquery|redshift|databricks|looker|tableau|power bi|slack|microsoft teams|zendesk|jira|servicenow|workday|netsuite|sap|oracle|marketo|outreach|gong|aws|azure|gcp|google cloud|kubernetes|postgres|mysql|sql server|outlook|gmail|exchange|excel|crm|erp|tms|wms|hris|soc ?2|iso ?27001|gdpr|hipaa|pen(?:etration)? tests?|security review|infosec|firewall|vpn|https|vm|virtual machine|on-?prem(?:ises)?|database|relay agent|connector|data retention";

/** Whole-sentence pleasantries and acknowledgements that carry nothing for a handoff. */
export const FILLER =
  /^(?:(?:ok(?:ay)?|so|well|yeah|yes|yep|no|sure|right|great|perfect|wow|ouch|hm+|huh|ha|oh|cool|awesome|absolutely|of course|exactly|agreed|totally(?: fair)?|fair(?: enough)?|got it|makes sense|sounds good|that makes sense|that's (?:great|fair|helpful|good to hear)|thanks?(?: you)?(?: all| both| so much)?|thank you for [^.!?]*|likewise|please|will do|done|love hearing that|good(?: question)?|i see|interesting|understood)[\s,.!—-]*)+$/i;
