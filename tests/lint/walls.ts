/**
 * The wall check (ADR 0097), run by `npm run lint` after Biome: every import of every file in
 * src/ and commands/ must follow the arrows of tests/lint/walls-rules.ts.
 *
 * Imports are read with TypeScript's own scanner (`ts.preProcessFile`): static imports and
 * `import type`, `export … from`, `import()` and `require()`, never confused by a string or a
 * comment that looks like one. A relative specifier is resolved to the file it names, so
 * "../x.js" is judged by where it lands, whatever the depth of the importing file.
 *
 * `npm run lint` runs it through tests/lint/house-rules.ts, which prints each crossing (file:line,
 * the import, what it reaches, the rule) and fails if there is any.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { ENTRIES, OWNED_PACKAGES, RULES, type Rule } from "./walls-rules.js";

/** A file of the project: its path from the root (with "/"), and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One import that crosses a wall (or another house rule a file breaks: then no specifier). */
export interface Crossing {
  file: string;
  line: number;
  /** The import as written; "" when the problem is the file itself. */
  specifier: string;
  /** What is wrong, in words: what the import reaches and the rule it breaks. */
  message: string;
}

const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const FOLDERS = ["src", "commands"];
const BUILTINS = new Set(builtinModules);

/** The room of a project file ("src/news/facts/dates.ts" -> "news"), or null when no rule covers it. */
export function roomOf(file: string): string | null {
  const parts = file.split("/");
  if (parts[0] === "commands") return "commands";
  if (parts[0] !== "src" || parts.length < 2) return null;
  if (parts.length === 2) {
    const name = (parts[1] ?? "").replace(SOURCE, "");
    return name in RULES ? name : null;
  }
  const folder = parts[1] ?? "";
  if (folder === "store" || folder === "platforms") {
    if (parts.length < 4) return null;
    return `${folder}/${parts[2]}`;
  }
  return folder in RULES ? folder : null;
}

/** The rule of a room: its own, or its family's (`store/*`, `platforms/*`). */
function ruleOf(room: string): Rule | undefined {
  return RULES[room] ?? RULES[room.replace(/\/[^/]+$/, "/*")];
}

/** The entry of `may` (a name, a family, or "*") that lets `from` reach `to`, if any. */
function door(rule: Rule, to: string): string | undefined {
  return rule.may.find(
    (allowed) =>
      (allowed === "*" && !ENTRIES.has(to)) ||
      allowed === to ||
      (allowed.endsWith("/*") && to.startsWith(allowed.slice(0, -1))),
  );
}

/** Every import specifier of a file's text, with its line. */
export function importsOf(text: string): { specifier: string; line: number }[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((imported) => ({
    specifier: imported.fileName,
    line: text.slice(0, imported.pos).split("\n").length,
  }));
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || BUILTINS.has(packageName(specifier));
}

/** The wall-related problems of one import of `file` (in room `room`, under `rule`), or null. */
function judge(file: string, room: string, rule: Rule, specifier: string): string | null {
  if (!specifier.startsWith(".")) {
    if (isBuiltin(specifier)) return null;
    const name = packageName(specifier);
    const owned = OWNED_PACKAGES.find((p) => p.name.test(name));
    if (owned && owned.owner !== room) {
      return `the package ${name} belongs to ${owned.owner} alone (${owned.why})`;
    }
    if (rule.builtinsOnly) return `${room} imports no package, only node builtins (${rule.why})`;
    return null;
  }
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const to = roomOf(target);
  if (to === room) return null;
  if (to === null) return `it reaches ${target}, outside every part of src/ and commands/ the walls know`;
  const allowed = door(rule, to);
  const may = rule.may.length > 0 ? rule.may.join(", ") : "nothing but itself";
  if (allowed === undefined) {
    const entry = ENTRIES.has(to) ? ` (${to} is an entry script: nothing imports it)` : "";
    return `${room} may not import ${to}${entry}. ${room} may import: ${may} (${rule.why})`;
  }
  const only = rule.only?.[allowed];
  if (only && !only.allows(target)) {
    return `${room} may import only ${only.what} of ${to}, not ${target} (${rule.why})`;
  }
  return null;
}

/** The crossings of one file. */
export function checkFile(file: SourceFile): Crossing[] {
  const room = roomOf(file.path);
  const rule = room === null ? undefined : ruleOf(room);
  if (room === null || rule === undefined) {
    return [
      {
        file: file.path,
        line: 1,
        specifier: "",
        message:
          "no wall covers this file: give its folder (or top-level file) a rule in tests/lint/walls-rules.ts and an arrow in docs/architecture.md",
      },
    ];
  }
  const crossings: Crossing[] = [];
  for (const { specifier, line } of importsOf(file.text)) {
    const message = judge(file.path, room, rule, specifier);
    if (message) crossings.push({ file: file.path, line, specifier, message });
  }
  return crossings;
}

export function checkWalls(files: readonly SourceFile[]): Crossing[] {
  return files.flatMap(checkFile);
}

/** Every source file under `root`'s src/ and commands/ (a missing folder holds none). */
export function sourceFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push({ path: rel, text: readFileSync(path.join(root, rel), "utf8") });
      }
    }
  };
  for (const folder of FOLDERS) walk(folder);
  return files;
}

export function formatCrossing(crossing: Crossing): string {
  const what = crossing.specifier === "" ? "" : ` imports "${crossing.specifier}"`;
  return `${crossing.file}:${crossing.line}${what}: ${crossing.message}`;
}
