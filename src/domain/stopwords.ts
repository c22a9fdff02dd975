import type { Locale } from "./locale.js";

/**
 * The words too common to carry meaning, in the two languages Newsdesk speaks. Text work skips
 * them (summaries, key facts: src/news) and search drops them from a query (each store engine's
 * query builder): two rooms that may not import each other need the same lists, so the lists are
 * part of the vocabulary (ADR 0097). Short curated lists: the stopwords-iso lists for French and
 * English are built for search engines and drop words that carry news ("million", "state",
 * "world", "premier", "état"). Other languages: src/news/stopwords.ts, from stopwords-iso.
 */

const FR = `a à â afin ai aie aient aies ait alors as au aucun aucune aujourd auquel aura aurai auraient aurais
aurait auras aurez auriez aurions aurons auront aussi autre autres aux avaient avais avait avant avec avez aviez
avions avoir avons ayant ayez ayons bien c ça car ce ceci cela celle celles celui cependant certains ces cet cette
ceux chacun chaque chez comme comment d dans de déjà depuis des dès donc dont du duquel elle elles en encore
entre es est et étaient étais était étant été êtes étions être eu eue eues eûmes eurent eus eusse eussent eut
eux fait faire fois font fûmes furent fus fut hui ici il ils j je jusqu jusque l la là laquelle le lequel les
lesquels leur leurs lors lorsque lui m ma mais me même mêmes mes moi moins mon n ne ni non nos notre nous on ont
ou où par parce parmi pas pendant peu peut plus plusieurs pour pourquoi puis puisque qu quand que quel quelle
quelles quels qui quoi s sa sans se selon sera serai seraient serais serait seras serez seriez serions serons
seront ses si sien soi soient sois soit sommes son sont sous suis sur t ta tandis tant te tes toi ton tous tout
toute toutes très trop tu un une unes uns vers via voici voilà vos votre vous y`;

const EN = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just ll me more most mr mrs ms my
myself no nor not now of off on once only or other ought our ours ourselves out over own re s said same say says
she should so some such t than that the their theirs them themselves then there these they this those through to
too under until up ve very was we were what when where which while who whom why will with would you your yours
yourself yourselves`;

/** Lowercased stopwords of each interface language. */
export const STOPWORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  fr: new Set(FR.split(/\s+/)),
  en: new Set(EN.split(/\s+/)),
};
