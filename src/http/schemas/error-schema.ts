import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "../../errors.ts";

/** The one error envelope every failure answers with. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().describe('one line naming what is wrong; unknown errors say only "internal error"'),
      requestId: z.string().describe("the X-Request-Id of the response"),
    }),
  })
  .openapi("Error");
