/**
 * The proposals measured here (batched load, one watch per folder, rows read once at a warm
 * start, reloads without copying the id map) are applied in src/content/library.ts: the
 * "proposed" rows now measure the real library. LIBRARY_VARIANT no longer selects anything.
 */
export { Library, type LibraryEvent, type LoadReport } from "../../src/content/library.js";
