/**
 * The word lists behind the fact rules, folded into Sets once at load. Entity cues are merged
 * across languages (a French article still writes "Pakistan Crypto Council" or "CEO"); dates,
 * numbers and tense are read with the article's own language.
 */
import { stopwordsFor } from "../stopwords.js";
import { EN } from "./lexicon-en.js";
import { FR } from "./lexicon-fr.js";
import { fold, wordSet } from "./text.js";

/** Raw word lists of one language: space-separated words, "word:value" for maps. */
export interface LexiconData {
  roles: string;
  roleModifiers: string;
  honorifics: string;
  orgHeads: string;
  orgCues: string;
  orgComplements: string;
  placeCues: string;
  placeNouns: string;
  stopCaps: string;
  months: string;
  weekdays: string;
  timeUnits: string;
  numberWords: string;
  demonyms: string;
  futureMarkers: string;
  eventVerbs: string;
}

function wordMap<T>(list: string, value: (v: string) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const pair of list.split(/\s+/)) {
    const i = pair.lastIndexOf(":");
    if (i > 0) out.set(fold(pair.slice(0, i)), value(pair.slice(i + 1)));
  }
  return out;
}

/** One case-insensitive regex matching any of the words (whole words only), plus `extra`. */
function wordsRegExp(list: string, extra: string): RegExp {
  const words = list
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}'])(?:${words.join("|")}${extra})(?![\\p{L}])`, "iu");
}

/** Lists that do not depend on the article's language. */
export const ROLES = wordSet(FR.roles, EN.roles);
export const ROLE_MODIFIERS = wordSet(FR.roleModifiers, EN.roleModifiers);
export const HONORIFICS = wordSet(FR.honorifics, EN.honorifics);
export const ORG_CUES = wordSet(FR.orgCues, EN.orgCues);
export const ORG_COMPLEMENTS = wordSet(FR.orgComplements);
export const PLACE_NOUNS = wordSet(FR.placeNouns);
export const DEMONYMS = wordSet(FR.demonyms, EN.demonyms);
export const STOP_CAPS = wordSet(FR.stopCaps, EN.stopCaps);
export const MONTHS = new Map([...wordMap(FR.months, Number), ...wordMap(EN.months, Number)]);
export const WEEKDAYS = new Map([...wordMap(FR.weekdays, Number), ...wordMap(EN.weekdays, Number)]);
export const TIME_UNITS = wordSet(FR.timeUnits, EN.timeUnits);
export const NUMBER_WORDS = new Map([...wordMap(FR.numberWords, Number), ...wordMap(EN.numberWords, Number)]);
/** Event verb stems (folded) and the kind of event they name, per language. */
export const EVENT_STEMS = { fr: wordMap(FR.eventVerbs, String), en: wordMap(EN.eventVerbs, String) };
/** The same stems as one anchored regex per language: the longest stem that starts a word. */
export const EVENT_STEM_RE = {
  fr: stemRegExp(EVENT_STEMS.fr),
  en: stemRegExp(EVENT_STEMS.en),
};

function stemRegExp(stems: Map<string, string>): RegExp {
  const list = [...stems.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^(?:${list.join("|")})`);
}

/** Lists read in the article's language. */
export interface LanguageLexicon {
  lang: "fr" | "en";
  placeCues: Set<string>;
  /** Words that put a clause in the future ("doit", "recevra", "will", "next"). */
  future: RegExp;
  /** Function words of the language, for sentence-initial capitals. */
  stopwords: ReadonlySet<string>;
}

const LANGS: Record<"fr" | "en", LanguageLexicon> = {
  fr: {
    lang: "fr",
    placeCues: wordSet(FR.placeCues),
    future: wordsRegExp(FR.futureMarkers, "|\\p{Ll}{2,}(?:era|ira|dra|ront)|appel\\p{Ll}* à"),
    stopwords: stopwordsFor("fr"),
  },
  en: {
    lang: "en",
    placeCues: wordSet(EN.placeCues),
    future: wordsRegExp(EN.futureMarkers, ""),
    stopwords: stopwordsFor("en"),
  },
};

/** The language lexicon for an ISO 639-1 code; anything but French reads as English. */
export function lexiconFor(lang: string): LanguageLexicon {
  return lang.toLowerCase().startsWith("fr") ? LANGS.fr : LANGS.en;
}

/** Capitalised words that make a name an organisation, wherever they stand in it. */
export const ORG_MARKERS = wordSet(
  FR.orgHeads,
  EN.orgHeads,
  "inc corp corporation co ltd llc plc sa sas ag gmbh nv bv spa group holdings holding capital partners " +
    "technologies technology systems labs laboratories motors airlines airways energy energies pharmaceuticals " +
    "bancorp financial insurance media entertainment studios network networks services solutions industries " +
    "ventures investments trust exchange reserve democrats republicans greens conservatives liberals labour " +
    "party team club fc survey organisation organization institution observatoire",
);
/** Lower-case heads French writes before an organisation's name: "tribunal correctionnel de Lyon". */
export const LOWER_ORG_HEADS = wordSet("tribunal cour ministère parquet conseil");
/** Capitalised words that make a name a place: "Red Sea", "Rideau Hall", "Jomo Kenyatta Airport". */
export const PLACE_MARKERS = wordSet(
  "airport aéroport hall square street avenue road bridge stadium stadion arena park palace plaza sea ocean " +
    "palais pont place rue boulevard quai parc jardin stade gare mont lac île cathédrale château basilique " +
    "river lake mount mountains island islands valley bay gulf canal cathedral tower strait coast desert " +
    "peninsula county district province heights falls",
);
/** Lower-case words that may join the capitalised words of one name. */
export const CONNECTORS = wordSet(
  "de du des d' la le l' of the for y van von der den bin ben al da di del dos das",
);
/** Determiners and possessives that open a noun phrase ("le président", "its chief executive"). */
export const DETERMINERS = wordSet(
  "le la l' les the a an un une son sa ses leur leurs its his her their notre our",
);
/** Lower-case adjective endings, for French names that go on after the head ("Banque centrale européenne"). */
export const ADJECTIVE_ENDING =
  /(?:al|ale|aux|ales|el|elle|els|elles|ien|ienne|iens|iennes|ais|aise|ain|aine|ains|aines|een|eenne|ique|iques|aire|aires|if|ive|ifs|ives|ier|iere|iers|ieres|ieur|ieure|ois|oise|ial|iale|iaux)$/;

/** Words that join two parts of one name when a marker says it is an organisation or a place. */
export const AND_WORDS = new Set(["and", "et", "&"]);
/** Words that start place names, never people's: "Santa Ana", "San José", "Port Moresby". */
export const PLACE_PREFIXES = wordSet(
  "san santa santo sao saint sainte st los las port fort mount lake cape new",
);
/** Parties named by one plural word. */
export const PARTY_WORDS = wordSet(
  "labour greens democrats republicans conservatives liberals tories verts republicains ecologistes insoumis",
);
/** Last (or first) words of the names of laws and treaties. */
export const LAW_WORDS = wordSet(
  "act law bill loi treaty traite directive regulation reglement pact pacte convention code",
);
/** French place nouns that belong to the name they introduce ("place Saint-Pierre"). */
export const NAMED_WITH_NOUN = wordSet(
  "place rue avenue boulevard pont quai chapelle tour mer gare stade palais parc jardin lac mont golfe canal",
);
