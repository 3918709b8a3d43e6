import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { AppError, isAppError } from "../../errors.ts";
import { parseSource } from "../../ingest/parse-source.ts";
import type { ParsedSource } from "../../domain/source.ts";
import { runInTransaction } from "../../storage/open-database.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";
import { readJsonBody } from "../read-json-body.ts";

export const MAX_FILES_PER_UPLOAD = 20;

export const JsonUploadSchema = z
  .object({
    filename: z.string().trim().min(1).max(255),
    content: z.string().optional(),
    contentBase64: z.string().optional(),
  })
  .strict()
  .refine((v) => (v.content === undefined) !== (v.contentBase64 === undefined), "give exactly one of content and contentBase64");

type Upload = { filename: string; bytes: Uint8Array };

async function readUploads(c: Context<AppEnv>): Promise<Upload[]> {
  const contentType = (c.req.header("content-type") ?? "").toLowerCase();
  if (contentType.startsWith("multipart/form-data")) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError({ code: "INVALID_INPUT", message: "malformed multipart body" });
    }
    const files = Object.values(form)
      .flat()
      .filter((value): value is File => value instanceof File);
    if (files.length === 0) throw new AppError({ code: "INVALID_INPUT", message: "no file in the upload (use a 'file' field)" });
    if (files.length > MAX_FILES_PER_UPLOAD) {
      throw new AppError({ code: "LIMIT_EXCEEDED", message: `at most ${MAX_FILES_PER_UPLOAD} files per upload` });
    }
    return Promise.all(files.map(async (file) => ({ filename: safeFilename(file.name), bytes: new Uint8Array(await file.arrayBuffer()) })));
  }
  const body = await readJsonBody(c, JsonUploadSchema);
  const bytes =
    body.content !== undefined ? new TextEncoder().encode(body.content) : new Uint8Array(Buffer.from(body.contentBase64!, "base64"));
  return [{ filename: safeFilename(body.filename), bytes }];
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

export function createSourceRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.post("/:dealId/sources", async (c) => {
    const deal = loadDeal(c, deps, "edit");
    const uploads = await readUploads(c);
    // Parse everything first: one unusable file rejects the whole upload and nothing is stored.
    const parsed: { upload: Upload; result: ParsedSource }[] = [];
    for (const upload of uploads) {
      if (upload.bytes.byteLength > deps.config.limits.maxFileBytes) {
        throw new AppError({
          code: "LIMIT_EXCEEDED",
          message: `${upload.filename}: over the limit of ${deps.config.limits.maxFileBytes} bytes (BATON_MAX_FILE_BYTES)`,
        });
      }
      try {
        parsed.push({ upload, result: await parseSource(upload.bytes, upload.filename, deps.config.limits) });
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw new AppError({ code: error.code, message: `${upload.filename}: ${error.message}`, cause: error });
      }
    }
    const user = c.get("user");
    const stored = runInTransaction(deps.db, () =>
      parsed.map(({ upload, result }) => {
        const added = deps.sources.add(deal.id, result, upload.bytes, user.id, deps.now());
        return { ...deps.sources.getMeta(deal.id, result.source.id)!, duplicate: !added };
      }),
    );
    for (const source of stored) {
      if (!source.duplicate) recordAudit(c, deps, { action: "upload", objectType: "source", objectId: source.id, dealId: deal.id });
    }
    return c.json({ sources: stored }, stored.some((s) => !s.duplicate) ? 201 : 200);
  });

  routes.get("/:dealId/sources", (c) => {
    const deal = loadDeal(c, deps, "read");
    return c.json({ sources: deps.sources.listMeta(deal.id) });
  });

  routes.get("/:dealId/sources/:sourceId", (c) => {
    const deal = loadDeal(c, deps, "read");
    const parsed = deps.sources.getParsed(deal.id, c.req.param("sourceId"));
    const meta = deps.sources.getMeta(deal.id, c.req.param("sourceId"));
    if (parsed === undefined || meta === undefined) throw new AppError({ code: "NOT_FOUND", message: "source not found" });
    recordAudit(c, deps, { action: "view", objectType: "source", objectId: meta.id, dealId: deal.id });
    return c.json({ ...meta, source: parsed.source, segments: parsed.segments });
  });

  routes.delete("/:dealId/sources/:sourceId", (c) => {
    const deal = loadDeal(c, deps, "edit");
    if (!deps.sources.delete(deal.id, c.req.param("sourceId"))) {
      throw new AppError({ code: "NOT_FOUND", message: "source not found" });
    }
    recordAudit(c, deps, { action: "delete", objectType: "source", objectId: c.req.param("sourceId"), dealId: deal.id });
    return c.body(null, 204);
  });

  return routes;
}
