import type { LibraryPort } from "../../domain/library.js";
import { clip, LIMITS, nonEmpty } from "./limits.js";

/**
 * Autocomplete choices for an article option: titles matching what the user typed, the article id
 * as the value (so the command resolves it exactly). Discord shows at most 25 and rejects a
 * choice over 100 characters; ids that long cannot be offered and are skipped.
 */
export function suggestArticles(library: LibraryPort, typed: string): { name: string; value: string }[] {
  return library
    .suggest(typed.trim().slice(0, LIMITS.choiceValue), LIMITS.choices)
    .filter((s) => s.id.length > 0 && s.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((s) => ({ name: clip(nonEmpty(s.title), LIMITS.choiceName), value: s.id }));
}
