import { z } from "zod";
import { SideSchema } from "./side.ts";

export const ParticipantSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  title: z.string().optional(),
  company: z.string().optional(),
  /** Speaker labels as written in the source ("James", "JR") that resolve to this person. */
  labels: z.array(z.string()).optional(),
  /** Which side of the deal, where the source shows it (company names, email domains). */
  side: SideSchema.optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const SegmentSchema = z.object({
  id: z.string(),
  speaker: z.string().nullable(),
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  text: z.string(),
  charStart: z.number().int().nonnegative(),
  charEnd: z.number().int().nonnegative(),
  /** When the segment was said or sent, for sources whose segments carry their own date (email messages). */
  occurredAt: z.string().optional(),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const SourceSchema = z.object({
  id: z.string(),
  filename: z.string(),
  format: z.string(),
  sha256: z.string(),
  /** The normalized text every offset indexes into (UTF-16 code units). */
  text: z.string(),
  participants: z.array(ParticipantSchema),
  occurredAt: z.string().optional(),
  title: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ParsedSourceSchema = z.object({ source: SourceSchema, segments: z.array(SegmentSchema) });
export type ParsedSource = z.infer<typeof ParsedSourceSchema>;
