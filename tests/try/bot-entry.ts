/**
 * What the try tool runs as the bot's process: the real `src/main.ts`, plus one guard. The try
 * tool holds this process's stdin open; when the tool goes away for any reason (`:quit`, Ctrl-C,
 * a closed terminal, a kill), the pipe ends and the bot stops itself the way SIGTERM stops it, so
 * no bot is left polling a stand-in that is gone (ADR 0090).
 */
process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
process.stdin.on("error", () => process.kill(process.pid, "SIGTERM"));
process.stdin.resume();

await import("../../src/main.js");
