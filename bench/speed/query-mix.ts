/**
 * The fixed /news query mix: single words, two words, accents and their accent-free spellings,
 * elisions, rare names (present in a handful of articles, taken from the corpus manifest), very
 * common terms, nonsense, noise and the empty query (the latest articles).
 */
import type { CorpusManifest } from "../generate-corpus.js";

export interface MixQuery {
  kind: string;
  text: string;
}

export function queryMix(manifest: Pick<CorpusManifest, "probes">): MixQuery[] {
  const rare = manifest.probes.rare;
  return [
    { kind: "common word", text: "bitcoin" },
    { kind: "very common word", text: "the" },
    { kind: "common word (fr)", text: "gouvernement" },
    { kind: "accent", text: "électricité" },
    { kind: "no accent", text: "electricite" },
    { kind: "accent, upper case", text: "ÉCONOMIE" },
    { kind: "elision", text: "l'énergie" },
    { kind: "two words", text: "banque centrale" },
    { kind: "two words (en)", text: "central bank" },
    { kind: "two words, no accents", text: "energie nucleaire" },
    { kind: "rare name", text: rare[0] ?? "Zabelbel" },
    { kind: "rare name", text: rare[2] ?? "Velsenro" },
    { kind: "rare + common", text: `${rare[1] ?? "Varlem"} inflation` },
    { kind: "number", text: "2024" },
    { kind: "phrase", text: "le prix de l'électricité" },
    { kind: "long query", text: "les agriculteurs face à la sécheresse estivale et au prix du gaz" },
    { kind: "nonsense", text: "qwxzvbnm" },
    { kind: "nonsense, two words", text: "zzyzx flurbo" },
    { kind: "noise", text: "\"'*(^):-NEAR AND OR" },
    { kind: "empty", text: "" },
  ];
}
