/**
 * The walls of the house as data: which part of src/ and commands/ may import which (ADR 0097).
 * docs/architecture.md draws the same arrows; change both together. tests/lint/walls.ts applies
 * them on `npm run lint`.
 *
 * A part ("room") is a folder of src/ (`content`, `news`...), one engine of the store
 * (`store/sqlite`), one platform (`platforms/discord`), `commands`, or one top-level file of src/
 * (`main`, `config`...). A file may always import its own room. Every file of src/ and commands/
 * must fall in a room listed here: a new folder or top-level file is refused until it is given
 * its arrows, so a new part of the house starts with walls instead of without.
 */

/** What a room may import besides itself. */
export interface Rule {
  /**
   * Rooms it may import: a name, `platforms/*` or `store/*` for any of them, or `*` for every room
   * but the entries (wiring).
   */
  may: readonly string[];
  /** Within an allowed room (a key of `may`), the only files it may reach, and what they are. */
  only?: Readonly<Record<string, { allows: (file: string) => boolean; what: string }>>;
  /** Node builtins only: no npm package at all (the domain floor). */
  builtinsOnly?: boolean;
  /** Said with every crossing of this room. */
  why: string;
}

/** Entry scripts: programs of their own, never imported (importing one would run it). */
export const ENTRIES: ReadonlySet<string> = new Set(["main", "cli", "deploy-discord", "build"]);

/**
 * The library's runtime in content/: the scan, the watcher, the catalogue and the parse threads.
 * sources/ writes article files and lets the library find them through its watcher; it may use
 * content's parsing and file helpers, not the library itself.
 */
const LIBRARY_RUNTIME =
  /^src\/content\/(library[^/]*|catalogue|watch-folder|parse-files|parse-worker)\.[cm]?[jt]s$/;

export const RULES: Readonly<Record<string, Rule>> = {
  domain: {
    may: [],
    builtinsOnly: true,
    why: "the domain is the floor: the vocabulary and the ports, importing nothing of the project and no package",
  },
  content: { may: ["domain"], why: "content reads article files and imports only the domain" },
  news: { may: ["domain"], why: "news is pure text work and imports only the domain" },
  framework: { may: ["domain"], why: "the framework is what commands plug into; it imports only the domain" },
  commands: {
    may: ["framework", "domain", "news"],
    why: "a command reaches the rest through ctx.services (domain ports): never the store, the scheduler's insides or a platform",
  },
  schedule: {
    may: ["domain", "framework"],
    why: "the scheduler reaches storage through SchedulingStore and posts through Publisher, both domain ports",
  },
  sources: {
    may: ["domain", "news", "content"],
    only: {
      content: {
        allows: (file) => !LIBRARY_RUNTIME.test(file),
        what: "content's parsing and file helpers, not the library that loads and watches (library*, catalogue, watch-folder, parse-files, parse-worker)",
      },
    },
    why: "sources writes article files and talks to the store through domain ports; it never posts and never drives the library",
  },
  web: {
    may: ["domain", "framework", "platforms/*"],
    only: {
      "platforms/*": {
        allows: (file) => /^src\/platforms\/[^/]+\/render-[^/]+$/.test(file),
        what: "a platform's preview renderer (src/platforms/<name>/render-*.ts)",
      },
    },
    why: "the dashboard calls the services the commands call (domain ports) and previews posts with the platforms' own renderers",
  },
  "store/*": {
    may: ["domain"],
    why: "a store engine implements the domain's ports with its own database library, and shares nothing with another engine but the domain",
  },
  "platforms/*": {
    may: ["framework", "domain"],
    why: "a platform adapter renders Replies and takes commands in through the framework; adapters never import each other",
  },
  config: {
    may: ["domain", "framework", "schedule"],
    why: "the configuration is the only reader of the environment and checks crons and time zones with their owners' validators",
  },
  logger: { may: ["domain"], why: "the logger implements the domain's Logger with pino" },
  "cli-lines": { may: [], why: "a reading helper of the CLI" },
  "cli-database": {
    may: ["domain", "store/sqlite", "store/postgres"],
    why: "the CLI's operator commands on the database, either engine: backup, restore, audit (ADR 0121)",
  },
  core: {
    may: ["*"],
    why: "the wiring main.ts and the CLI share (store, library, insights, scheduler, commands)",
  },
  "core-sources": {
    may: ["*"],
    why: "the sources room's part of the core's wiring (src/core.ts imports it), kept apart from the rest",
  },
  main: { may: ["*"], why: "main.ts is the wiring" },
  "dashboard-start": {
    may: ["*"],
    why: "the web room's wiring, which main.ts calls (the dashboard, the metrics, cli's dashboard-link)",
  },
  "dashboard-services": {
    may: ["*"],
    why: "the wiring that builds the dashboard's services from the core's ports and the platforms",
  },
  cli: { may: ["*"], why: "the CLI is an entry of its own that wires a core for one command" },
  "deploy-discord": {
    may: ["*"],
    why: "npm run deploy:discord is an entry of its own: the configuration and the command list meet the Discord registration",
  },
  build: { may: [], why: "the build script compiles the project and imports none of it" },
};

/** npm packages that belong to one room: nobody else may import them, not even the wiring. */
export const OWNED_PACKAGES: readonly { name: RegExp; owner: string; why: string }[] = [
  {
    name: /^(discord\.js|@discordjs\/.+)$/,
    owner: "platforms/discord",
    why: "the core is platform-neutral",
  },
  { name: /^telegraf$/, owner: "platforms/telegram", why: "the core is platform-neutral" },
  { name: /^better-sqlite3$/, owner: "store/sqlite", why: "SQL stays inside its store engine" },
  { name: /^(pg|pg-.+|postgres)$/, owner: "store/postgres", why: "SQL stays inside its store engine" },
  { name: /^dotenv$/, owner: "config", why: "only src/config.ts reads the environment" },
];
