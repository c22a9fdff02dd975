/**
 * A book of the dashboard's words: English is the master, French must have exactly its keys (a
 * missing or extra key is a type error). Each page's words live beside its kind in this folder;
 * i18n.ts joins them.
 */
export function book<E extends Record<string, string>>(words: {
  en: E;
  fr: { readonly [K in keyof E]: string };
}): { en: E; fr: Record<keyof E, string> } {
  return words;
}
