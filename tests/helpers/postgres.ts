import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * A real, throwaway PostgreSQL server for the tests (ADR 0101): Debian's binaries (the
 * `postgresql` package, which .ci/run installs when it is missing), a cluster made by initdb in a
 * temporary folder, listening on a free port of 127.0.0.1 only, with durability switched off (a
 * crash loses a test's data, nothing else). initdb refuses to run as root, as CI runs: the server
 * then runs as the `postgres` user the package creates. One server per test run (vitest's
 * globalSetup, tests/helpers/postgres-setup.ts); each suite makes its own database on it.
 */

export interface PostgresServer {
  /** postgres://newsdesk@127.0.0.1:PORT (append a database name). */
  readonly base: string;
  stop(): Promise<void>;
}

/** The newest PostgreSQL bin folder Debian installed, or PG_BIN. */
export function postgresBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, "initdb"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) {
    throw new Error(
      "PostgreSQL is not installed: the tests need a real server. Run `apt-get install -y postgresql` (as .ci/run does) or set PG_BIN to a folder holding initdb and postgres.",
    );
  }
  return join(root, newest, "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Root cannot run initdb: the server runs as `postgres` (created by Debian's package). */
function serverUser(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  const line = execFileSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).trim();
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts the server in the background: its address is known at once, `ready` resolves once it
 * accepts connections (initdb and the start take 1-2 s, spent while the test files load).
 */
export async function launchPostgres(): Promise<PostgresServer & { ready: Promise<void> }> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-pg-"));
  const data = join(dir, "data");
  const user = serverUser();
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  const base = `postgres://newsdesk@127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let log = "";
  const run = (file: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(join(bin, file), args, { ...as, stdio: ["ignore", "ignore", "pipe"] });
      child.stderr?.on("data", (chunk: Buffer) => {
        log = (log + chunk.toString("utf8")).slice(-4000);
      });
      child.once("error", reject);
      child.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`${file} exited ${code}\n${log}`)),
      );
    });
  const ready = (async () => {
    await run("initdb", [
      "-D",
      data,
      "-U",
      "newsdesk",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    server = spawn(join(bin, "postgres"), ["-D", data, "-p", String(port), "-k", dir, ...SETTINGS], {
      ...as,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const started = server;
    started.stderr?.on("data", (chunk: Buffer) => {
      log = (log + chunk.toString("utf8")).slice(-4000);
    });
    exited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    await waitForServer(
      base,
      () => started.exitCode !== null,
      () => log,
    );
  })();
  // A failure is reported by whoever waits for `ready`; not as an unhandled rejection meanwhile.
  ready.catch(() => undefined);
  return {
    base,
    ready,
    async stop() {
      await ready.catch(() => undefined);
      if (server && server.exitCode === null) {
        // Fast shutdown: open connections are closed, nothing is kept.
        server.kill("SIGINT");
        const late = setTimeout(() => server?.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(late);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Durability off (a crash loses a test's data, nothing else); 127.0.0.1 only. */
const SETTINGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "fsync=off",
  "-c",
  "synchronous_commit=off",
  "-c",
  "full_page_writes=off",
  "-c",
  "max_connections=300",
  "-c",
  "shared_buffers=64MB",
];

/** Resolves once the server at `base` accepts a connection; fails if it died or 60 s passed. */
export async function waitForServer(
  base: string,
  died: () => boolean = () => false,
  log = () => "",
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (died() || Date.now() > deadline) {
        throw new Error(`PostgreSQL at ${base} did not start: ${(error as Error).message}\n${log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

let created = 0;

/** A new, empty database on the server: its URL. Each suite (or each test) takes its own. */
export async function createDatabase(base: string, prefix = "t"): Promise<string> {
  created += 1;
  const name = `${prefix}_${process.pid}_${created}_${Date.now().toString(36)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
}

/** Drops a database made by createDatabase, closing what is still connected to it. */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const base = url.slice(0, url.lastIndexOf("/"));
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
