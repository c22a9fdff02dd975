/**
 * Facts kept of each kind, the first ones in reading order: a news article names a few dozen; a
 * text that names thousands is a list, and every lookup among them stays cheap this way.
 */
export const MAX_FACTS_PER_KIND = 200;
