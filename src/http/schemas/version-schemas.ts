import { z } from "@hono/zod-openapi";
import { HandoffDocumentSchema as DomainHandoffDocumentSchema } from "../../domain/handoff-document.ts";

// The documented shape of an approved version (src/handoff/build-handoff-document.ts); the version routes' typed answers
// hold the two together.

const VERSION_META = { version: z.number().int(), approvedBy: z.string(), approvedAt: z.string() };

export const VersionMetaSchema = z.object(VERSION_META).openapi("VersionMeta");

export const HandoffDocumentSchema = z.object(DomainHandoffDocumentSchema.shape).openapi("HandoffDocument");

export const VersionSchema = z.object({ ...VERSION_META, document: HandoffDocumentSchema }).openapi("Version");
