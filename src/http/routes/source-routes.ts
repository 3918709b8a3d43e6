import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps } from "../../deps.ts";
import { fileBytes, readMultipartForm } from "../../workers/read-multipart-form.ts";
import { AppError } from "../../errors.ts";
import { deleteSource, listSources, MAX_FILES_PER_UPLOAD, readSource, type Upload, uploadSources } from "../../services/source-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import type { AppEnv } from "../app-env.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealIdParameter } from "../schemas/path-parameters.ts";
import { SourceDetailSchema, SourceMetaSchema, UploadedSourceSchema } from "../schemas/source-schemas.ts";

const JsonUploadSchema = z
  .object({
    filename: z.string().trim().min(1).max(255),
    content: z.string().optional().describe("the file as text"),
    contentBase64: z.string().optional().describe("the file's bytes in base64"),
  })
  .strict()
  .refine((v) => (v.content === undefined) !== (v.contentBase64 === undefined), "give exactly one of content and contentBase64")
  .describe("one file: give exactly one of content (the file as text) and contentBase64 (its bytes in base64)")
  .openapi("SourceUpload");

// Files are read whatever their field names, so the multipart form is described here and read by the handler.
const MULTIPART_UPLOAD = {
  type: "object",
  properties: {
    file: {
      type: "array",
      items: { type: "string", format: "binary" },
      minItems: 1,
      maxItems: MAX_FILES_PER_UPLOAD,
      description: `one or more files (at most ${MAX_FILES_PER_UPLOAD}); every file field counts, whatever its name`,
    },
  },
  additionalProperties: true,
} as const;

const SourcePathSchema = z.object({
  dealId: DealIdParameter,
  sourceId: z.string().max(200).describe("the source's id (src_…, derived from its bytes)"),
});

const uploadRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/sources",
  tag: "Sources",
  summary: "Upload transcripts, emails or PDFs (multipart `file` fields, or one JSON file)",
  description:
    "The body is a multipart form or one JSON file. The original bytes are hashed; a file the deal already has is answered " +
    "with duplicate: true and not stored again (201 when at least one file is new, 200 when every file is a duplicate). " +
    "One unusable file rejects the whole upload: 400 when it cannot be parsed, 413 over BATON_MAX_FILE_BYTES or over " +
    `${MAX_FILES_PER_UPLOAD} files, 415 for an unsupported format or body type.`,
  access: { deal: "edit" },
  request: {
    params: z.object({ dealId: DealIdParameter }),
    // Not "required" for the library: it would then hold a multipart body to the JSON schema. An empty body answers 400.
    body: {
      required: false,
      content: { "multipart/form-data": { schema: MULTIPART_UPLOAD }, "application/json": { schema: JsonUploadSchema } },
    },
  },
  responses: {
    201: jsonContent(z.object({ sources: z.array(UploadedSourceSchema) }), "the uploaded files in order, at least one of them new"),
    200: jsonContent(z.object({ sources: z.array(UploadedSourceSchema) }), "every file was already stored (all duplicate: true)"),
  },
});

const listRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/sources",
  tag: "Sources",
  summary: "List a deal's sources (metadata only)",
  access: { deal: "read" },
  request: { params: z.object({ dealId: DealIdParameter }) },
  responses: { 200: jsonContent(z.object({ sources: z.array(SourceMetaSchema) }), "the sources in upload order") },
});

const readRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/sources/{sourceId}",
  tag: "Sources",
  summary: "Read one source: metadata, normalized text and segments",
  access: { deal: "read" },
  request: { params: SourcePathSchema },
  responses: { 200: jsonContent(SourceDetailSchema, "the source as `baton parse --json` prints it, with its metadata") },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/v1/deals/{dealId}/sources/{sourceId}",
  tag: "Sources",
  summary: "Delete one source",
  access: { deal: "edit" },
  request: { params: SourcePathSchema },
  responses: { 204: { description: "done; no body" } },
});

/** A deal's sources: uploaded by its AE, parsed on upload, stored with their original bytes' hash. */
export function registerSourceRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(uploadRoute, async (c) => {
    // The library validated a JSON body already; its type is lost because the multipart content has no zod schema.
    const json = c.req.valid("json" as never) as z.output<typeof JsonUploadSchema> | Record<string, never>;
    const stored = await uploadSources(deps, actorOf(c), c.req.valid("param").dealId, await readUploads(c, json));
    return c.json({ sources: stored }, stored.some((s) => !s.duplicate) ? 201 : 200);
  });
  app.openapi(listRoute, (c) => c.json({ sources: listSources(deps, actorOf(c), c.req.valid("param").dealId) }, 200));
  app.openapi(readRoute, (c) => {
    const { dealId, sourceId } = c.req.valid("param");
    return c.json(readSource(deps, actorOf(c), dealId, sourceId), 200);
  });
  app.openapi(deleteRoute, (c) => {
    const { dealId, sourceId } = c.req.valid("param");
    deleteSource(deps, actorOf(c), dealId, sourceId);
    return c.body(null, 204);
  });
}

/** The files of a multipart body (every file field, whatever its name), or the one file of a validated JSON body. */
async function readUploads(c: Context<AppEnv>, json: z.output<typeof JsonUploadSchema> | Record<string, never>): Promise<Upload[]> {
  const contentType = (c.req.header("content-type") ?? "").toLowerCase();
  if (contentType.startsWith("multipart/form-data")) {
    const form = await readMultipartForm(c.req);
    const files = Object.values(form)
      .flat()
      .filter((value): value is File => value instanceof File);
    // Counted before any file is read into memory.
    if (files.length > MAX_FILES_PER_UPLOAD) {
      throw new AppError({ code: "LIMIT_EXCEEDED", message: `at most ${MAX_FILES_PER_UPLOAD} files per upload` });
    }
    return Promise.all(files.map(async (file) => ({ filename: safeFilename(file.name), bytes: await fileBytes(file) })));
  }
  if (!("filename" in json)) return [];
  const bytes =
    json.content !== undefined ? new TextEncoder().encode(json.content) : new Uint8Array(Buffer.from(json.contentBase64!, "base64"));
  return [{ filename: safeFilename(json.filename), bytes }];
}

// Only the base name is kept: a path in an upload's name never reaches storage or responses.
function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 255);
  return cleaned === "" ? "upload" : cleaned;
}
