import type { Side } from "../domain/side.ts";

/** The side of a speaker of one source, or null when nothing shows it. */
export type SideResolver = (sourceId: string, speaker: string | null) => Side | null;
