/**
 * Language detection for articles. French and English, the languages Newsdesk serves most, are
 * told apart by counting their most frequent function words: that is reliable on a single
 * sentence, where trigram models (franc) still hesitate, and it costs a few microseconds. Other
 * languages fall back to franc-min when the text is long enough to trust it.
 *
 * It lives in content/ because deciding an article's `lang` is part of reading its file (the
 * parsers call it when the file names none, on the parse thread too), and sources/ writes that
 * field the same way; nothing in news/ detects a language: it is handed one (ADR 0097).
 */
import { franc } from "franc-min";

/** Only the start of a text is read: enough to decide, and detection stays cheap on long articles. */
const SAMPLE_CHARS = 2_000;
/** Below this, franc's trigram statistics are noise and the caller's fallback is the better guess. */
const FRANC_MIN_CHARS = 60;

/**
 * Distinctive function words. Words common to several of these languages ("de", "la", "en") are
 * listed in each, so they cancel out and the distinctive ones decide. Elided French forms keep
 * their apostrophe ("l'", "qu'"): "l'électricité" is counted once as French.
 */
const WORDS: Readonly<Record<string, string>> = {
  en: `the and of to is in that for with was it are this by from be has have at an not which will its their
    they been were would said but or he she we after than into about also over his her there who what when
    can could had these those while should may our more most only why how now where today yesterday
    tomorrow already still just then do does did`,
  fr: `le la les de des du et est un une que qui dans pour sur par au aux avec ce cette ces il elle ils elles
    pas ne plus se son sa ses leur leurs mais ou où été être sont à selon entre comme lors après aussi
    très dont nous vous sans sous depuis était avait pourquoi comment quand maintenant toujours encore déjà
    hier demain contre chez l' d' qu' n' s' c' j' jusqu' lorsqu' puisqu' aujourd'`,
  es: `el la los las de del y en que es un una por para con se su sus al lo como más pero fue ha han son
    está este esta entre sobre también según desde`,
  de: `der die das und ist nicht ein eine zu den mit von dem des auf für im sich auch es wird sind wurde
    bei nach aus oder wie hat haben werden einer eines`,
  it: `il la lo gli le di del della dei è che un una per con non sono come da nel nella alla anche più
    ma questo questa stato essere ha hanno dopo`,
  pt: `os as de do da dos das é que um uma para com não em no na se por mais como foi são ao pelo
    pela também seu sua entre`,
  nl: `de het een en van is dat niet op te in voor met zijn die er ook aan om maar bij als naar werd worden
    heeft hebben deze dit`,
};

/**
 * French and English words weigh a little more: Newsdesk serves those two, so a short text that is
 * equally French and Italian ("Il pleut.") is taken as French.
 */
const WEIGHT: Readonly<Record<string, number>> = { en: 1, fr: 1 };
const OTHER_WEIGHT = 0.75;
const LANGS = Object.keys(WORDS);

/** Each word's languages as indexes into LANGS. */
const LEXICON: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  for (const [index, lang] of LANGS.entries()) {
    for (const word of (WORDS[lang] ?? "").split(/\s+/)) {
      if (word === "") continue;
      const langs = map.get(word) ?? [];
      if (!langs.includes(index)) langs.push(index);
      map.set(word, langs);
    }
  }
  return map;
})();

/** franc-min's ISO 639-3 answers, mapped to ISO 639-1 for the languages that have a code. */
const ISO_639_1: Readonly<Record<string, string>> = {
  eng: "en",
  fra: "fr",
  spa: "es",
  por: "pt",
  deu: "de",
  ita: "it",
  nld: "nl",
  ind: "id",
  jav: "jv",
  vie: "vi",
  tur: "tr",
  pol: "pl",
  swh: "sw",
  sun: "su",
  ron: "ro",
  hau: "ha",
  bos: "bs",
  hrv: "hr",
  srp: "sr",
  yor: "yo",
  uzn: "uz",
  zlm: "ms",
  ibo: "ig",
  tgl: "tl",
  hun: "hu",
  azj: "az",
  ces: "cs",
  run: "rn",
  plt: "mg",
  nya: "ny",
  kin: "rw",
  zul: "zu",
  swe: "sv",
  lin: "ln",
  som: "so",
  rus: "ru",
  ukr: "uk",
  bel: "be",
  bul: "bg",
  kaz: "kk",
  arb: "ar",
  urd: "ur",
  pes: "fa",
  pbu: "ps",
  hin: "hi",
  mar: "mr",
  npi: "ne",
  cmn: "zh",
  jpn: "ja",
  kor: "ko",
  ben: "bn",
  tel: "te",
  tam: "ta",
  guj: "gu",
  kan: "kn",
  mal: "ml",
  mya: "my",
  pan: "pa",
  amh: "am",
  tha: "th",
  sin: "si",
  ell: "el",
};

const TOKEN = /\p{L}+['’]?/gu;

/**
 * The ISO 639-1 code of the language `text` is written in ("fr", "en", ...), or `fallback` when
 * the text is too short or too mixed to tell. Pure; reads at most the first 2,000 characters.
 */
export function detectLanguage(text: string, fallback = "en"): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const lower = sample.toLowerCase();
  const scores = LANGS.map(() => 0);
  let tokens = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(lower); match !== null; match = TOKEN.exec(lower)) {
    // A long text is usually decided well before 2,000 characters: stop counting once it is.
    if (tokens % 64 === 63) {
      const early = verdict(scores, tokens);
      if (early.clear && early.frequent && early.best >= 16) return early.lang;
    }
    tokens++;
    let token = match[0];
    if (token.endsWith("’")) token = `${token.slice(0, -1)}'`;
    let langs = LEXICON.get(token);
    // "it's", "don'": an apostrophe that is not a French elision belongs to the word's tail.
    if (langs === undefined && token.endsWith("'")) langs = LEXICON.get(token.slice(0, -1));
    if (langs === undefined) continue;
    for (const index of langs) {
      scores[index] = (scores[index] ?? 0) + (WEIGHT[LANGS[index] ?? ""] ?? OTHER_WEIGHT);
    }
  }

  const { lang: bestLang, clear, frequent } = verdict(scores, tokens);
  if (clear && frequent) return bestLang;

  if (sample.length >= FRANC_MIN_CHARS) {
    const code = ISO_639_1[franc(sample)];
    if (code !== undefined) return code;
  }
  if (clear) return bestLang;
  return fallback;
}

function verdict(scores: number[], tokens: number) {
  let bestIndex = 0;
  for (const [index, score] of scores.entries()) if (score > (scores[bestIndex] ?? 0)) bestIndex = index;
  const best = scores[bestIndex] ?? 0;
  let second = 0;
  for (const [index, score] of scores.entries()) if (index !== bestIndex && score > second) second = score;
  return {
    lang: LANGS[bestIndex] ?? "",
    best,
    // Clear when the winner leads by a margin; on long texts it must also be frequent enough to
    // be this language's own vocabulary rather than a few loan words inside another language.
    clear: best > 0 && best - second >= Math.max(0.25, best * 0.25),
    frequent: tokens < 12 || best / tokens >= 0.12,
  };
}

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** "FR", "fr-FR", "fr_CA", "French", "Français" -> "fr"; null when it names no known language ("XX"). */
export function languageCode(text: string): string | null {
  const t = text.trim().toLowerCase();
  const m = /^([a-z]{2})(?:[-_][a-z]{2})?$/.exec(t);
  if (m?.[1]) return LANGUAGE_NAMES.of(m[1]) === undefined ? null : m[1];
  return languageName(t);
}

function languageName(text: string): string | null {
  const t = text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
  const names: Record<string, string> = { french: "fr", francais: "fr", english: "en", anglais: "en" };
  return names[t] ?? null;
}
