import { rmSync } from "node:fs";
import { basename } from "node:path";

/**
 * What the try tool runs as the bot's process: the real `src/main.ts`, plus one guard. The try
 * tool holds this process's stdin open; when the tool goes away for any reason (`:quit`, Ctrl-C,
 * a closed terminal, a kill), the pipe ends and the bot stops itself the way SIGTERM stops it, so
 * no bot is left polling a stand-in that is gone (ADR 0090).
 */
let orphaned = false;
const stopAlone = () => {
  orphaned = true;
  process.kill(process.pid, "SIGTERM");
};
process.stdin.on("end", stopAlone);
process.stdin.on("error", stopAlone);
// The tool is gone and cannot remove the throwaway folder this process runs in: do it here,
// once the bot has closed its database.
process.on("exit", () => {
  if (orphaned && basename(process.cwd()).startsWith("newsdesk-try-")) {
    rmSync(process.cwd(), { recursive: true, force: true });
  }
});
process.stdin.resume();

await import("../../src/main.js");
