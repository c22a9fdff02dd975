/**
 * Types for snowball-stemmers (CommonJS, ships none): the Snowball stemmers compiled to JavaScript.
 * Only named exports are declared: the module sets `__esModule`, so tsx/esbuild resolve a default
 * import to `exports.default`, which is undefined.
 */
declare module "snowball-stemmers" {
  /** A stateful stemmer for one language; `stem` expects a lowercased word. */
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  /** Throws for an unknown algorithm name; check `algorithms()` first. */
  export function newStemmer(algorithm: string): SnowballStemmer;
  /** Lowercase English names of the languages available ("english", "french", ...). */
  export function algorithms(): string[];
}
