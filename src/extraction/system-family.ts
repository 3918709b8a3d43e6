// Systems that are one line of a customer's setup to the AE, whatever the sentence calls them: sign-on and
// provisioning ("SSO", "Okta", "SCIM", "SAML") are one; so are "Salesforce" and "Sales Cloud". Both extractors' items
// are filed by these families (the offline extractor's labels, the same-claim merge's system key).
export const SYSTEM_FAMILIES: { key: string; label: string; pattern: RegExp }[] = [
  {
    key: "sso",
    label: "Single sign-on",
    pattern: /\b(?:sso|single sign-on|saml(?: 2\.0)?|scim|okta|azure ad|entra(?: id)?|active directory|onelogin)\b/gi,
  },
  { key: "salesforce", label: "Salesforce", pattern: /\b(?:salesforce|sales cloud)\b/gi },
  {
    key: "security",
    label: "Security review",
    pattern: /\b(?:security review|soc ?2|iso ?27001|pen(?:etration)? tests?|infosec|questionnaire|data retention|gdpr|hipaa)\b/gi,
  },
];

// What a name says of a product after naming it: "TrackDesk 6", "the TrackDesk database" and "Haulwise TMS" are the
// products TrackDesk and Haulwise.
const TRAIT = /(?:\s+(?:v?\d+(?:\.\d+)*|database|db|instance|server|exports?|data|tms|crm|erp|wms|hris|on-?prem(?:ises)?))+$/i;

/**
 * The family a system's name belongs to ("Okta SAML" and "SCIM" are "sso"), else the name in lower case without the
 * traits after it ("TrackDesk database" is "trackdesk").
 */
export function systemFamilyOf(name: string): string {
  // search() ignores the patterns' global flag and lastIndex.
  for (const family of SYSTEM_FAMILIES) if (name.search(family.pattern) !== -1) return family.key;
  const flat = name.trim().toLowerCase().replace(/\s+/g, " ");
  return flat.replace(TRAIT, "") || flat;
}
