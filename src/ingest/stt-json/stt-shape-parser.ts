import type { ParseContext } from "../parse-context.ts";
import type { JsonRecord } from "./json-values.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";

/** What a shape parser knows beyond its segments. */
export type SttDetails = { title?: string; occurredAt?: string };

/** Reads one vendor shape, pushing its words or utterances into the assembler in order. */
export type SttShapeParser = (root: JsonRecord, out: SegmentAssembler, context: ParseContext) => SttDetails;
