/**
 * The house's size rule, run by `npm run lint` beside the walls: a file of src/ or commands/ over
 * 400 lines says why at its top, in its first comment, with the words "Over 400 lines" (a data
 * table, an algorithm that reads best in one place). A long file without one is reported.
 */
import type { Crossing, SourceFile } from "./walls.js";

export const MAX_LINES = 400;

/** The comments before the file's first statement. */
function topComments(text: string): string {
  const top = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/.exec(text);
  return top?.[0] ?? "";
}

/** The problem with `file`'s length, or null when it is short or says why it is not. */
export function checkLength(file: SourceFile): Crossing | null {
  const lines = file.text.split("\n").length - (file.text.endsWith("\n") ? 1 : 0);
  if (lines <= MAX_LINES || /over 400 lines/i.test(topComments(file.text))) return null;
  return {
    file: file.path,
    line: 1,
    specifier: "",
    message: `${lines} lines, over the house's ${MAX_LINES}, and its first comment does not say why ("Over 400 lines: …"): split it by job, or give the reason`,
  };
}
