import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.ts";

const PROMPTS_DIR = join(import.meta.dirname, "../../prompts");

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type PromptTemplate = {
  /** Name, file version and a hash of the text: any edit to a prompt changes the version stored on drafts and cache keys. */
  version: string;
  format(variables: Record<string, string>): Promise<ChatMessage[]>;
};

/** Loads a versioned prompt pair (`NAME.vN.system.md`, `NAME.vN.user.md`) from prompts/ as mustache templates. */
export async function loadPrompt(name: string, fileVersion: number): Promise<PromptTemplate> {
  const base = `${name}.v${fileVersion}`;
  let system: string;
  let user: string;
  try {
    system = readFileSync(join(PROMPTS_DIR, `${base}.system.md`), "utf8");
    user = readFileSync(join(PROMPTS_DIR, `${base}.user.md`), "utf8");
  } catch (error) {
    throw new AppError({ code: "INTERNAL", message: `prompt ${base} is missing from prompts/`, cause: error });
  }
  // Loaded lazily: the offline path never pays for LangChain's import.
  const { ChatPromptTemplate } = await import("@langchain/core/prompts");
  const template = ChatPromptTemplate.fromMessages(
    [
      ["system", system],
      ["human", user],
    ],
    { templateFormat: "mustache" },
  );
  const hash = createHash("sha256").update(system).update("\0").update(user).digest("hex").slice(0, 8);
  return {
    version: `${base}+${hash}`,
    async format(variables) {
      const messages = await template.formatMessages(variables);
      return messages.map((message) => ({
        role: message.getType() === "system" ? "system" : "user",
        content: typeof message.content === "string" ? message.content : JSON.stringify(message.content),
      }));
    },
  };
}
