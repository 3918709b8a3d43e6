import type { EmailPerson } from "./email-person.ts";

const TITLE_WORD =
  /\b(?:vp|svp|evp|avp|vice president|president|director|manager|head|chief|ceo|cto|cfo|coo|cro|cio|ciso|cmo|founder|co-founder|partner|principal|engineer|architect|lead|officer|specialist|consultant|analyst|administrator|counsel|executive|representative|owner|associate|coordinator|strategist|advisor|buyer|procurement|controller|treasurer|recruiter|designer|developer|scientist)\b/i;
const COMPANY_SUFFIX = /\b(?:inc|llc|ltd|limited|corp|corporation|gmbh|ag|sa|sas|bv|plc|co|company|group|technologies|systems|labs?)\b\.?/i;

function splitRole(line: string): { title?: string; company?: string } {
  const text = line.replace(/^[*_\s]+|[*_\s]+$/g, "");
  if (!TITLE_WORD.test(text) || text.split(/\s+/).length > 12) return {};
  const strong = /\s[|•·]\s|\s(?:at|@)\s/i.exec(text);
  if (strong !== null) {
    return { title: text.slice(0, strong.index).trim(), company: text.slice(strong.index + strong[0].length).trim() };
  }
  const comma = text.indexOf(", ");
  if (comma > 0 && COMPANY_SUFFIX.test(text.slice(comma + 2))) {
    return { title: text.slice(0, comma).trim(), company: text.slice(comma + 2).trim() };
  }
  return { title: text };
}

/**
 * Reads the author's title and company from a signature: the line after their name
 * ("Dana Whitlock" / "Account Executive | Corvala, Inc."), or the rest of the name line
 * ("Joe Smith | Director, Product Management").
 */
export function readSignatureRole(signature: readonly string[], author: EmailPerson | null): { title?: string; company?: string } {
  const name = author?.name?.toLowerCase();
  if (name === undefined || name.length < 3) return {};
  const lines = signature.map((line) => line.replace(/^[*_\s]+|[*_\s]+$/g, "")).filter((line) => line !== "");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.toLowerCase().startsWith(name)) continue;
    const rest = line.slice(name.length).replace(/^\s*[|,•·-]\s*/, "");
    const role = splitRole(rest !== "" ? rest : (lines[i + 1] ?? ""));
    if (role.title !== undefined) return role;
  }
  return {};
}
