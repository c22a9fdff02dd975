/**
 * The characters of a sentence already taken by a fact (a date, then a quantity), so that a later
 * match over them is dropped. A mark per character: checking a match costs its length, where
 * comparing it with every fact found before made a sentence of 400 dates quadratic.
 */
import { spend } from "../work-meter.js";

export class Claims {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }

  /** Whether any character of [a, b) is taken. */
  overlaps(a: number, b: number): boolean {
    spend(b - a);
    for (let k = Math.max(0, a); k < b; k++) if (this.taken[k] === 1) return true;
    return false;
  }

  claim(a: number, b: number): void {
    this.taken.fill(1, Math.max(0, a), b);
  }
}
