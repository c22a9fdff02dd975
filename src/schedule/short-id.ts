import { randomInt } from "node:crypto";

/** No 0/o, 1/l/i: an id read aloud or copied from a phone screen survives. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/**
 * A short, typeable id ("k7q2"): `claim` tries to take one (false: taken); after a few taken ones
 * in a row, ids grow by one character.
 */
export async function newShortId(
  claim: (id: string) => Promise<boolean>,
  random: (max: number) => number = randomInt,
): Promise<string> {
  for (let length = 4; ; length++) {
    for (let attempt = 0; attempt < 8; attempt++) {
      let id = "";
      for (let i = 0; i < length; i++) id += ALPHABET[random(ALPHABET.length)];
      if (await claim(id)) return id;
    }
  }
}

/** What a user typed as an id: "#K7Q2 " -> "k7q2". */
export function normalizeShortId(text: string): string {
  return text.trim().replace(/^#/, "").toLowerCase();
}
