import { randomInt } from "node:crypto";

/** No 0/o, 1/l/i: an id read aloud or copied from a phone screen survives. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A short, typeable id ("k7q2") not yet taken; grows by one character after a few collisions. */
export function newShortId(
  taken: (id: string) => boolean,
  random: (max: number) => number = randomInt,
): string {
  for (let length = 4; ; length++) {
    for (let attempt = 0; attempt < 8; attempt++) {
      let id = "";
      for (let i = 0; i < length; i++) id += ALPHABET[random(ALPHABET.length)];
      if (!taken(id)) return id;
    }
  }
}

/** What a user typed as an id: "#K7Q2 " -> "k7q2". */
export function normalizeShortId(text: string): string {
  return text.trim().replace(/^#/, "").toLowerCase();
}
