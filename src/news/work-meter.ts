/**
 * A count of the elementary steps the text pipeline takes (characters scanned, tokens visited,
 * pairs compared), for the test that pins how its cost grows with the size of an article
 * (tests/unit/news/pipeline-cost.test.ts): a count is deterministic where a clock is not. Loops
 * whose length depends on the text add their length here, once per loop where they can.
 */
let units = 0;

/** Record `n` steps of work. */
export function spend(n: number): void {
  units += n;
}

/** Steps recorded since the process started (tests read the difference around a call). */
export function spent(): number {
  return units;
}
