/** Types for stopwords-iso (CommonJS, ships none): stopword lists keyed by ISO 639-1 code. */
declare module "stopwords-iso" {
  const stopwords: Record<string, string[] | undefined>;
  export default stopwords;
}
