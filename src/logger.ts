import { Writable } from "node:stream";
import pino from "pino";
import type { Logger } from "./domain/logger.js";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT = [
  "token",
  "*.token",
  "config.DISCORD_TOKEN",
  "config.TELEGRAM_BOT_TOKEN",
  "config.TELEGRAM_WEBHOOK_SECRET",
  "headers.authorization",
  "*.headers.authorization",
];

/**
 * Structured logs (pino) on stderr, so stdout stays free for the console bot's replies and the
 * CLI's JSON. On a terminal the lines are made readable; elsewhere they stay JSON for machines.
 */
export function createLogger(level: LogLevel, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const destination = pretty ? readableStderr() : pino.destination({ fd: 2, sync: true });
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, base: undefined }, destination);
}

const LEVELS: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};

/** "12:01:02 WARN article skipped file=x.txt reason=…" instead of a JSON object. */
function readableStderr(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        try {
          const { level, time, msg, err, ...rest } = JSON.parse(line) as Record<string, unknown>;
          const clock = new Date(Number(time)).toISOString().slice(11, 19);
          const extras = Object.entries(rest)
            .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
            .join(" ");
          const error = err && typeof err === "object" && "stack" in err ? `\n${String(err.stack)}` : "";
          process.stderr.write(`${clock} ${LEVELS[Number(level)] ?? level} ${msg ?? ""} ${extras}${error}\n`);
        } catch {
          process.stderr.write(`${line}\n`);
        }
      }
      done();
    },
  });
}
