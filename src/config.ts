import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import type { Locale } from "./framework/locale.js";
import { parseCron } from "./schedule/cron.js";
import { canonicalTimeZone } from "./schedule/time-zone.js";

/**
 * The one place that reads the environment. Everything else gets a typed Config. Validation
 * happens once at start and reports every bad key in one message.
 */

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const url = (what: string) =>
  optionalText.refine(
    (v) => v === undefined || /^https?:\/\/\S+$/.test(v),
    `must be an http(s) URL (${what})`,
  );

// The scheduler's own rules (src/schedule), so what passes here cannot make it refuse to start.
const timeZone = z
  .string()
  .trim()
  .default("UTC")
  .refine((zone) => canonicalTimeZone(zone) !== null, "must be an IANA time zone such as Europe/Paris or UTC")
  .transform((zone) => canonicalTimeZone(zone) ?? zone);

/**
 * A whole number in decimal digits only ("0x1E" or "3e1" is refused, not read as 30); unset or
 * empty takes the default, as an empty line copied from .env.example should.
 */
const wholeNumber = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? String(fallback) : v))
    .refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: `must be a whole number from ${min} to ${max}`,
    })
    .transform(Number);

const TARGET = /^(console|discord:\d{5,25}|telegram:-?\d{1,20})$/;

const schema = z.object({
  CONTENT_DIR: z.string().trim().min(1).default("./content"),
  DATABASE_PATH: z.string().trim().min(1).default("./data/newsdesk.db"),
  DEFAULT_LOCALE: z.enum(["en", "fr"]).default("en"),
  LOAD_THREADS: z
    .enum(["1", "2"])
    .default("2")
    .transform((v) => (v === "1" ? 1 : 2) as 1 | 2),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DISCORD_TOKEN: optionalText,
  DISCORD_API_BASE: url("DISCORD_API_BASE"),
  DISCORD_GUILD_ID: optionalText.refine(
    (v) => v === undefined || /^\d{5,25}$/.test(v),
    "must be a numeric guild id",
  ),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: url("TELEGRAM_API_ROOT"),
  TELEGRAM_WEBHOOK_URL: url("TELEGRAM_WEBHOOK_URL"),
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine(
    (v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v),
    "must be 1-256 characters of A-Z, a-z, 0-9, _ and -",
  ),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  DIGEST_CRON: optionalText.refine(
    (v) => v === undefined || parseCron(v) !== null,
    "must be a 5- or 6-field cron expression (at most 120 characters)",
  ),
  NEWS_TIMEZONE: timeZone,
  ANNOUNCE_TARGETS: z
    .string()
    .trim()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t !== ""),
    )
    .refine(
      (targets) => targets.every((t) => TARGET.test(t)),
      "must be a comma-separated list of console, discord:<channel id> or telegram:<chat id>",
    ),
  CATCH_UP: z.enum(["latest", "none"]).default("latest"),
  // The per-user limit on commands and button presses (src/framework/rate-limit.ts); 0: no limit.
  RATE_LIMIT_PER_MINUTE: wholeNumber(30, 0, 10_000),
  RATE_LIMIT_BURST: wholeNumber(10, 1, 1_000),
});

export type Config = Omit<z.infer<typeof schema>, "DEFAULT_LOCALE"> & { DEFAULT_LOCALE: Locale };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the given environment (process.env by default, after reading .env if present). */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join(".");
        // Echo the value only for harmless keys: a malformed token must never reach the log.
        const secret = /TOKEN|SECRET/.test(key);
        const value = env[key];
        const shown = secret || value === undefined ? "" : ` (got "${value}")`;
        return `${key} ${issue.message}${shown}`;
      }),
    );
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    problems.push("TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set");
  }
  for (const target of config.ANNOUNCE_TARGETS) {
    if (target.startsWith("discord:") && !config.DISCORD_TOKEN) {
      problems.push(`ANNOUNCE_TARGETS names ${target} but DISCORD_TOKEN is not set`);
    }
    if (target.startsWith("telegram:") && !config.TELEGRAM_BOT_TOKEN) {
      problems.push(`ANNOUNCE_TARGETS names ${target} but TELEGRAM_BOT_TOKEN is not set`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

let dotenvLoaded = false;

function readEnvironment(): Record<string, string | undefined> {
  if (!dotenvLoaded) {
    // Values already in the environment win over .env, as operators expect.
    loadDotenv({ quiet: true });
    dotenvLoaded = true;
  }
  return process.env;
}
