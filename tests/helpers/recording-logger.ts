import type { Logger } from "../../src/domain/logger.js";
import { waitFor } from "./wait-for.js";

export interface LogLine {
  level: "info" | "warn" | "error" | "debug";
  obj: unknown;
  msg: string | undefined;
}

/**
 * A logger that keeps every line, so tests can check what was (and was not) logged, and wait for
 * a line instead of sleeping. `text()` is every line as JSON, for "the token never appears" checks.
 */
export function recordingLogger() {
  const lines: LogLine[] = [];
  const write = (level: LogLine["level"]) => (obj: object | string, msg?: string) => {
    lines.push({ level, obj: obj instanceof Error ? obj.message : obj, msg });
  };
  const log: Logger = {
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    debug: write("debug"),
  };
  const matches = (line: LogLine, pattern: RegExp) => pattern.test(JSON.stringify(line));
  return {
    log,
    lines,
    text: () => lines.map((line) => JSON.stringify(line)).join("\n"),
    find: (pattern: RegExp) => lines.find((line) => matches(line, pattern)),
    waitForLine: (pattern: RegExp, timeoutMs?: number) =>
      waitFor(() => lines.find((line) => matches(line, pattern)), { what: `log line ${pattern}`, timeoutMs }),
  };
}
