/**
 * `npm run lint`'s second half, after Biome: the rules of the house Biome cannot express, over
 * every file of src/ and commands/: the walls between the parts (walls.ts, ADR 0097) and the
 * size rule (file-length.ts).
 *
 * `tsx tests/lint/house-rules.ts [--root DIR]` prints each problem as file:line and exits 1 if
 * there is any.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkLength } from "./file-length.js";
import { checkWalls, formatCrossing, sourceFiles } from "./walls.js";

const at = process.argv.indexOf("--root");
const root =
  at > 0
    ? path.resolve(process.argv[at + 1] ?? ".")
    : path.resolve(fileURLToPath(import.meta.url), "../../..");
const files = sourceFiles(root);
const problems = [...checkWalls(files), ...files.flatMap((file) => checkLength(file) ?? [])];
for (const problem of problems) process.stderr.write(`${formatCrossing(problem)}\n`);
if (problems.length > 0) {
  process.stderr.write(
    `house rules: ${problems.length} problem(s) in ${files.length} files (walls: tests/lint/walls-rules.ts, ADR 0097)\n`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write(`house rules: ${files.length} files, every wall and size kept\n`);
}
