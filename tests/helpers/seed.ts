import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The article that started it all, as shipped in content/ (constants for every test). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const REAL_CONTENT = join(ROOT, "content");
export const SEED_ID = "000_df19e6179d96e4ae";
export const SEED_FILE = join(REAL_CONTENT, `${SEED_ID}.txt`);
export const SEED_TITLE = "Le Pakistan et El Salvador discutent de la stratégie Bitcoin";
export const SEED_AUTHOR = "Nina Bardot";
export const SEED_DATE = "2025-07-17";
/** The section headings, in order (the first section has one too). */
export const SEED_SECTIONS = [
  "Exploration des opportunités de partage des connaissances",
  "Accord de collaboration formel",
  "Engagement croissant envers l'économie des actifs numériques",
  "Préoccupations et initiatives",
];
