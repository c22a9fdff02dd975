/** The kinds of key facts, in the order a reader scans them. */
export const FACT_KINDS = ["event", "person", "organization", "place", "date", "quantity"] as const;
/** What a key fact is about. */
export type FactKind = (typeof FACT_KINDS)[number];

/** One key fact: what it is, its normalised detail (a role, an ISO date, a unit), and where it came from. */
export interface Fact {
  kind: FactKind;
  text: string;
  detail: string | null;
  sentence: string;
}
