/**
 * The characters of a sentence already taken by a fact (a date, then a quantity), so that a later
 * match over them is dropped. A mark per character: checking a match costs its length, where
 * comparing it with every fact found before made a sentence of 400 dates quadratic.
 */
import { spend } from "../work-meter.js";

export class Claims {
  /** Made on the first claim: most sentences have no date at all. */
  private taken: Uint8Array | null = null;

  constructor(private readonly length: number) {}

  /** Whether any character of [a, b) is taken. */
  overlaps(a: number, b: number): boolean {
    const taken = this.taken;
    if (taken === null) return false;
    spend(b - a);
    for (let k = Math.max(0, a); k < b; k++) if (taken[k] === 1) return true;
    return false;
  }

  claim(a: number, b: number): void {
    this.taken ??= new Uint8Array(this.length);
    this.taken.fill(1, Math.max(0, a), b);
  }
}
