import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import type { Locale } from "./domain/locale.js";
import { parseCron } from "./framework/cron-syntax.js";
import { firesEver } from "./schedule/cron.js";
import { canonicalTimeZone } from "./schedule/time-zone.js";

/**
 * The one place that reads the environment. Everything else gets a typed Config. Validation
 * happens once at start and reports every bad key in one message: each key's own rule, then the
 * rules across keys, all of them, whatever failed before. Adding a setting is one line in
 * `schema` (and its comment in .env.example).
 */

type Env = Record<string, string | undefined>;

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

/**
 * A whole number in decimal digits, `fallback` when unset or empty. Not Number(): it reads
 * "0x50" as 80, "1e3" as 1000, "0b1" as 1 and " " as 0, so a typo would pass as another value.
 */
const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .refine(
      (v) => v === "" || (/^\d{1,15}$/.test(v) && Number(v) >= min && Number(v) <= max),
      `must be a whole number from ${min} to ${max}, written in decimal digits only`,
    )
    .transform((v) => (v === "" ? fallback : Number(v)));

/**
 * Tokens are checked on their characters, not their exact length (ADR 0059): letters, digits,
 * `_`, `-` and the separators of the platform's shape. Such a token cannot hold a newline, a
 * space, `/`, `?`, `#` or `%`, so it cannot change the URL it is put in, and the log scrubbers
 * find it verbatim or percent-encoded.
 */
const token = (shape: RegExp, described: string) =>
  optionalText.refine((v) => v === undefined || (v.length <= 256 && shape.test(v)), `must be ${described}`);

/** Dot-separated base64url parts, as the Developer Portal gives ("MTA4….GxYz1a.abc…"). */
const DISCORD_TOKEN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
/** The bot id, a colon, the secret ("123456789:AAH…"), as @BotFather gives it. */
const TELEGRAM_TOKEN = /^\d{1,20}:[A-Za-z0-9_-]+$/;

// The scheduler's own rules (src/schedule), so what passes here cannot make it refuse to start.
const timeZone = z
  .string()
  .trim()
  .default("UTC")
  .refine((zone) => canonicalTimeZone(zone) !== null, "must be an IANA time zone such as Europe/Paris or UTC")
  .transform((zone) => canonicalTimeZone(zone) ?? zone);

const cron = optionalText.superRefine((v, ctx) => {
  if (v === undefined) return;
  const parsed = parseCron(v);
  if (!parsed) {
    ctx.addIssue({
      code: "custom",
      message: "must be a 5- or 6-field cron expression (at most 120 characters)",
    });
  } else if (!firesEver(parsed)) {
    ctx.addIssue({
      code: "custom",
      message: "is a valid cron expression that never fires: no date matches its day and month fields",
    });
  }
});

const TARGET = /^(console|discord:\d{5,25}|telegram:-?\d{1,20})$/;

function splitTargets(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

// --- Dashboard (issue 14, docs/adr/0115): its own block, so other settings merge around it. ---

/** Where the console's dashboard listens when DASHBOARD_PORT is not set (README "Dashboard"). */
export const DEFAULT_DASHBOARD_PORT = 7420;

const DASHBOARD_KEYS = {
  // A port, or "off"; unset means on in the console (DEFAULT_DASHBOARD_PORT) and off elsewhere.
  DASHBOARD_PORT: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() ?? "")
    .refine(
      (v) => v === "" || v === "off" || (/^\d{1,5}$/.test(v) && Number(v) <= 65_535),
      "must be a port from 0 to 65535 in decimal digits, or off",
    )
    .transform((v) => (v === "" ? undefined : v === "off" ? ("off" as const) : Number(v))),
  DASHBOARD_HOST: z
    .string()
    .trim()
    .default("127.0.0.1")
    .refine(
      (v) => /^[A-Za-z0-9.:-]{1,253}$/.test(v),
      "must be a host name or an IP address, such as 127.0.0.1",
    ),
  DASHBOARD_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^/?#\s]+\/?$/.test(v),
    "must be the dashboard's public origin, such as https://news.example.org (no path)",
  ),
  DASHBOARD_SECRET: optionalText.refine(
    (v) => v === undefined || (v.length >= 32 && v.length <= 256 && !/\s/.test(v)),
    "must be 32 to 256 characters without spaces (empty: one is generated and kept in the database)",
  ),
  DASHBOARD_TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  DISCORD_CLIENT_ID: optionalText.refine(
    (v) => v === undefined || /^\d{5,25}$/.test(v),
    "must be the application's numeric id (Developer Portal, OAuth2)",
  ),
  DISCORD_CLIENT_SECRET: token(
    /^[A-Za-z0-9_-]+$/,
    "the application's OAuth2 client secret: letters, digits, _ and -",
  ),
  METRICS_PORT: z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .refine((v) => v === "" || (/^\d{1,5}$/.test(v) && Number(v) <= 65_535), "must be a port from 0 to 65535")
    .transform((v) => (v === "" ? undefined : Number(v))),
};

const schema = z.object({
  CONTENT_DIR: z.string().trim().min(1).default("./content"),
  DATABASE_PATH: z.string().trim().min(1).default("./data/newsdesk.db"),
  DEFAULT_LOCALE: z.enum(["en", "fr"]).default("en"),
  LOAD_THREADS: z
    .enum(["1", "2"])
    .default("2")
    .transform((v) => (v === "1" ? 1 : 2) as 1 | 2),
  CONTENT_FOLLOW_SYMLINKS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DISCORD_TOKEN: token(
    DISCORD_TOKEN,
    "a Discord bot token: letters, digits, _ and - in parts separated by dots, as the Developer Portal shows it",
  ),
  DISCORD_API_BASE: url("DISCORD_API_BASE"),
  DISCORD_GUILD_ID: optionalText.refine(
    (v) => v === undefined || /^\d{5,25}$/.test(v),
    "must be a numeric guild id",
  ),
  TELEGRAM_BOT_TOKEN: token(
    TELEGRAM_TOKEN,
    "a Telegram bot token: the bot's number, a colon, then letters, digits, _ and -, as @BotFather gives it",
  ),
  TELEGRAM_API_ROOT: url("TELEGRAM_API_ROOT"),
  TELEGRAM_WEBHOOK_URL: url("TELEGRAM_WEBHOOK_URL"),
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine(
    (v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v),
    "must be 1-256 characters of A-Z, a-z, 0-9, _ and -",
  ),
  TELEGRAM_WEBHOOK_PORT: integer(1, 65535, 8443),
  DIGEST_CRON: cron,
  NEWS_TIMEZONE: timeZone,
  ANNOUNCE_TARGETS: z
    .string()
    .default("")
    .transform(splitTargets)
    .refine(
      (targets) => targets.every((t) => TARGET.test(t)),
      "must be a comma-separated list of console, discord:<channel id> or telegram:<chat id>",
    ),
  CATCH_UP: z.enum(["latest", "none"]).default("latest"),
  // The per-user limit on commands and button presses (src/framework/rate-limit.ts); 0: no limit.
  RATE_LIMIT_PER_MINUTE: integer(0, 10_000, 30),
  RATE_LIMIT_BURST: integer(1, 1_000, 10),
  // Sources (src/sources): the feeds and pages to poll, and the address guard's switch.
  SOURCES_FILE: optionalText.transform((v) => v ?? "./sources.yml"),
  FETCH_ALLOW_PRIVATE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  ...DASHBOARD_KEYS,
});

export type Config = Omit<z.infer<typeof schema>, "DEFAULT_LOCALE"> & { DEFAULT_LOCALE: Locale };

const isSet = (env: Env, key: string): boolean => (env[key]?.trim() ?? "") !== "";

/**
 * Rules across keys. They read the raw environment, not the parsed config, so they run even
 * when a key failed its own check: one message then names every bad key. A key that is set but
 * malformed counts as set here; its own rule reports it.
 */
const CROSS_KEY_RULES: readonly ((env: Env) => string[])[] = [
  (env) =>
    isSet(env, "TELEGRAM_WEBHOOK_URL") && !isSet(env, "TELEGRAM_WEBHOOK_SECRET")
      ? ["TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set"]
      : [],
  (env) =>
    splitTargets(env.ANNOUNCE_TARGETS).flatMap((target) => {
      if (!TARGET.test(target)) return [];
      const needs = target.startsWith("discord:")
        ? "DISCORD_TOKEN"
        : target.startsWith("telegram:")
          ? "TELEGRAM_BOT_TOKEN"
          : null;
      return needs && !isSet(env, needs) ? [`ANNOUNCE_TARGETS names ${target} but ${needs} is not set`] : [];
    }),
];

const DASHBOARD_RULES: readonly ((env: Env) => string[])[] = [
  (env) =>
    isSet(env, "DISCORD_CLIENT_ID") !== isSet(env, "DISCORD_CLIENT_SECRET")
      ? ["DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET go together (Discord sign-in needs both)"]
      : [],
  (env) =>
    isSet(env, "DISCORD_CLIENT_ID") && !isSet(env, "DISCORD_TOKEN")
      ? [
          "DISCORD_CLIENT_ID is set but DISCORD_TOKEN is not: Discord sign-in needs the bot to see its servers",
        ]
      : [],
];

/**
 * The dashboard's port, or null when it is off: DASHBOARD_PORT when set ("off" turns it off);
 * unset, on at DEFAULT_DASHBOARD_PORT in the console (no platform token), so a newcomer's
 * `npm start` shows it, and off once the bot runs on Discord or Telegram.
 */
export function dashboardPort(config: Config): number | null {
  if (config.DASHBOARD_PORT === "off") return null;
  if (config.DASHBOARD_PORT !== undefined) return config.DASHBOARD_PORT;
  return config.DISCORD_TOKEN || config.TELEGRAM_BOT_TOKEN ? null : DEFAULT_DASHBOARD_PORT;
}

/** Keys whose values are never shown, not even when malformed. */
const SECRET_KEY = /TOKEN|SECRET|PASSWORD/;
const SHOWN_MAX = 80;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the given environment (process.env by default, after reading .env if present). */
export function loadConfig(env: Env = readEnvironment()): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const key = issue.path.join(".");
        return `${key} ${issue.message}${shownValue(env, key)}`;
      });
  for (const rule of [...CROSS_KEY_RULES, ...DASHBOARD_RULES]) problems.push(...rule(env));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}

/**
 * ` (got "…")` for harmless keys, so the operator sees the typo. A secret key's value is never
 * shown, and a secret's value is cut out of any other value that holds it (a webhook URL with
 * the bot token in its path). JSON quoting makes a newline or a control character visible.
 */
function shownValue(env: Env, key: string): string {
  const value = env[key];
  if (value === undefined || SECRET_KEY.test(key)) return "";
  let shown = value;
  for (const [name, secret] of Object.entries(env)) {
    const hidden = secret?.trim();
    if (SECRET_KEY.test(name) && hidden && hidden.length >= 4) shown = shown.split(hidden).join("[secret]");
  }
  const cut = shown.length > SHOWN_MAX ? `${shown.slice(0, SHOWN_MAX)}…` : shown;
  return ` (got ${JSON.stringify(cut)})`;
}

let dotenvLoaded = false;

function readEnvironment(): Env {
  if (!dotenvLoaded) {
    // Values already in the environment win over .env, as operators expect.
    loadDotenv({ quiet: true });
    dotenvLoaded = true;
  }
  return process.env;
}
