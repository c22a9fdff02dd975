/**
 * Article bodies written to make the text pipeline (summary, key facts) slow: each repeats one
 * pattern that a rule treats with care, up to a size in characters. Shared by the unit tests, the
 * property test and the bench (bench/speed/adversarial-entry.ts), so all three speak of the same
 * texts. Deterministic: the same name and size give the same text.
 */

/** A distinct, pronounceable lowercase word for each n ("ka", "lo", ..., "kalo", ...). */
export function distinctWord(n: number): string {
  const syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sa"];
  let word = "";
  for (let x = n + 1; x > 0; x = Math.floor(x / 10)) word += syllables[x % 10];
  return word;
}

const capitalised = (w: string) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`;

/** `unit(i)` for i = 0, 1, ... joined until the text is `size` characters long (cut there). */
export function repeatTo(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, size);
}

/** The texts by name; each takes the size in characters. */
export const ADVERSARIAL: Readonly<Record<string, (size: number) => string>> = {
  /** The reproduction: dates without a comma or a full stop, one huge "sentence". */
  "dates only": (size) => repeatTo(size, () => "le 1er janvier 2025 "),
  /** English dates, the month first. */
  "English dates": (size) => repeatTo(size, () => "on January 1, 2025 and "),
  /** Very many one-word sentences: pairs of sentences are what a quadratic summary compares. */
  "one-word sentences": (size) => repeatTo(size, (i) => `${capitalised(distinctWord(i))}. `),
  /** One line of distinct words with no punctuation at all. */
  "one line": (size) => repeatTo(size, (i) => `${distinctWord(i)} `),
  /** One word as long as the text. */
  "one word": (size) => "a".repeat(size),
  /** Parentheses nested as deep as the text allows. */
  "deep parentheses": (size) => `${"(".repeat(Math.floor(size / 2))}${")".repeat(Math.ceil(size / 2))}`,
  /** Thousands of distinct capitalised names, each with a role, in one sentence. */
  "capitalised names": (size) =>
    repeatTo(
      size,
      (i) => `le président ${capitalised(distinctWord(i))} ${capitalised(distinctWord(i + 7))}, `,
    ),
  /** A run of capitalised words with first names inside: names split by first name. */
  "first names": (size) => repeatTo(size, (i) => `Marie ${capitalised(distinctWord(i))} et `),
  /** Acronyms and their expansions, all different. */
  acronyms: (size) =>
    repeatTo(size, (i) => {
      const a = capitalised(distinctWord(i));
      const b = capitalised(distinctWord(i + 3));
      return `la Banque ${a} ${b} (B${a[0]}${b[0]}) et `;
    }),
  /** Bare numbers: each one looks for a unit after it. */
  numbers: (size) => repeatTo(size, (i) => `${i % 1000} `),
  /** Amounts with units, all different. */
  amounts: (size) => repeatTo(size, (i) => `${i} millions d'euros, `),
  /** Years after capitalised words ("Euro 2024"): each asks what stands before it. */
  "years after names": (size) => repeatTo(size, () => "Euro 2024 "),
  /** Straight quotes, opened and closed. */
  quotes: (size) => repeatTo(size, () => '"a" '),
  /** Initials: a period after each capital, the splitter's hardest case. */
  initials: (size) => repeatTo(size, () => "A. "),
  /** Whitespace, then a year. */
  blanks: (size) => `Le${" ".repeat(Math.max(0, size - 8))}2025.`,
};
