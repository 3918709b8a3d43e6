/** Where the openai client sends requests when OPENAI_BASE_URL is not set (OPENAI_API_KEY alone selects OpenAI). */
export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";
