/**
 * Compiles the bot (src/ and commands/) to plain JavaScript in dist/, one file per source file,
 * with esbuild: the same transform tsx applies at run time, done once (ADR 0088). No type checking
 * here (`npm run typecheck` does that). Plain JavaScript so that it runs before anything is built.
 *
 *   node src/build.mjs           # what `prepare` and `prestart` run: only what changed
 *   node src/build.mjs --force   # everything again
 *
 * It sits in src/ (the repository's top level is fixed) and is the one file there that is not
 * TypeScript: it must run before anything is built.
 *
 * Incremental on purpose: `npm start` builds first, so an edited source is never served stale
 * from dist/. A file is compiled again when its size or modification time differs from the last
 * build's (not only when newer: a checkout or a copy can move a time backwards), when its output
 * is missing, or when esbuild or these options changed; outputs whose source is gone are deleted.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build as esbuild, version as esbuildVersion } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The folders the bot is made of (commands/ sits beside src/ and is imported by it). */
export const ROOTS = ["src", "commands"];
const OPTIONS = {
  format: "esm",
  platform: "node",
  target: "node20",
  // Errors logged in production point at the TypeScript lines (node --enable-source-maps).
  sourcemap: "linked",
  logLevel: "warning",
};
const MANIFEST = ".build-manifest.json";

/** Every TypeScript source under `dir` (declaration files emit nothing). */
function sources(root, dir) {
  const out = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sources(root, rel));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

function outputsUnder(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...outputsUnder(full));
    else out.push(full);
  }
  return out;
}

function readManifest(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Brings `outdir` up to date with the sources under `roots` (relative to the repository).
 * Returns how many files were compiled and how many stale outputs were removed.
 */
export async function build({ outdir = join(ROOT, "dist"), roots = ROOTS, force = false } = {}) {
  const config = JSON.stringify({ esbuildVersion, OPTIONS, roots });
  const manifestPath = join(outdir, MANIFEST);
  const previous = force ? null : readManifest(manifestPath);
  const known = previous?.config === config ? previous.files : {};
  const files = {};
  const stale = [];
  for (const source of roots.flatMap((r) => sources(ROOT, r))) {
    const info = statSync(join(ROOT, source));
    const stamp = `${info.size}:${info.mtimeMs}`;
    files[source] = stamp;
    const output = join(outdir, source.replace(/\.ts$/, ".js"));
    if (known[source] !== stamp || !existsSync(output)) stale.push(source);
  }
  // Outputs of deleted or renamed sources: a stale module must not stay importable.
  const wanted = new Set(
    Object.keys(files).flatMap((s) => {
      const js = s.replace(/\.ts$/, ".js");
      return [js, `${js}.map`];
    }),
  );
  let removed = 0;
  for (const root of roots) {
    for (const output of outputsUnder(join(outdir, root))) {
      if (wanted.has(relative(outdir, output).split(sep).join("/"))) continue;
      rmSync(output);
      removed++;
    }
  }
  if (stale.length > 0) {
    await esbuild({
      ...OPTIONS,
      entryPoints: stale.map((s) => join(ROOT, s)),
      outdir,
      outbase: ROOT,
      bundle: false,
    });
  }
  mkdirSync(outdir, { recursive: true });
  // Code that finds package.json two folders above itself (src/sources/user-agent.ts) finds the
  // version here, one folder deeper; "type": "module" keeps the outputs ESM wherever dist/ goes.
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const distPackage = `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: "module" }, null, 2)}\n`;
  const distPackagePath = join(outdir, "package.json");
  if (!existsSync(distPackagePath) || readFileSync(distPackagePath, "utf8") !== distPackage)
    writeFileSync(distPackagePath, distPackage);
  if (stale.length > 0 || removed > 0 || previous?.config !== config)
    writeFileSync(manifestPath, `${JSON.stringify({ config, files })}\n`);
  return { compiled: stale.length, removed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const { compiled, removed } = await build({ force: process.argv.includes("--force") });
  if (compiled > 0 || removed > 0) {
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`build: ${compiled} compiled, ${removed} removed, in ${ms} ms (dist/)\n`);
  }
}
