import type { Config } from "../config.ts";
import { endpointName } from "./llm/describe-endpoint-failure.ts";

/**
 * The privacy notice for the LLM path: which host customer text goes to, whether PII masking is on,
 * and how to keep everything local. Undefined when the offline extractor runs (nothing leaves).
 * The CLI prints it before the first call in `auto` mode; the service logs it once at start-up.
 */
export function describeLlmDestination(config: Config): string | undefined {
  if (config.extractor === "offline") return undefined;
  const host = hostOf(config.llm.baseUrl);
  const why = config.extractorChoice === "auto" ? " (BATON_EXTRACTOR=auto found an endpoint in OPENAI_API_KEY / OPENAI_BASE_URL)" : "";
  const masking = config.llm.maskPii
    ? "PII masking is on (email addresses and phone numbers are replaced before sending)"
    : "PII masking is off (BATON_MASK_PII=true replaces email addresses and phone numbers)";
  return `customer text is sent to ${host} for extraction${why}; ${masking}; BATON_EXTRACTOR=offline keeps everything on this machine`;
}

function hostOf(baseUrl: string | undefined): string {
  const name = endpointName(baseUrl);
  try {
    return new URL(name).host;
  } catch {
    return name;
  }
}
