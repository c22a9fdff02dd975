/** The kinds of key facts, in the order a reader scans them. */
export const FACT_KINDS = ["event", "person", "organization", "place", "date", "quantity"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One key fact: what it is, its normalised detail (a role, an ISO date, a unit), and where it came from. */
export interface Fact {
  kind: FactKind;
  text: string;
  detail: string | null;
  sentence: string;
}

/**
 * Facts kept of each kind, the first ones in reading order: a news article names a few dozen; a
 * text that names thousands is a list, and every lookup among them stays cheap this way.
 */
export const MAX_FACTS_PER_KIND = 200;
