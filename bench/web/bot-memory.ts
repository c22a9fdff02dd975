import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { round } from "../speed/stats.js";

/**
 * What the dashboard adds to the bot's memory: the compiled bot (what `npm start` runs) on the
 * same corpus and database, started with DASHBOARD_PORT=off and with the dashboard on, alternately.
 * With it on, the overview and the search pages are requested first (its code, a session, the
 * HTTP server and the pages' work are then in memory). In both, RSS (VmRSS) is read from /proc
 * after the same pause, once the bot has settled; VmHWM (the peak) is reported beside it.
 */
const ROOT = join(import.meta.dirname, "../..");
const OUTDIR = join(ROOT, "bench/out/dist");
const SETTLE_MS = 3_000;
const PAGES = [
  "/",
  "/articles?q=bitcoin",
  "/articles?q=banque+centrale",
  "/articles?q=",
  "/articles?q=gouvernement",
];

interface Sample {
  rssMb: number;
  peakMb: number;
}

function memoryOf(pid: number): Sample {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round(kb("VmRSS") / 1024), peakMb: round(kb("VmHWM") / 1024) };
}

function waitFor(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  stream: "stdout" | "stderr",
): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in 120 s:\n${text}`)), 120_000);
    child[stream].on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const found = pattern.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] ?? found[0]);
      }
    });
    child.on("exit", (code) => reject(new Error(`bot exited ${code} before ${pattern}`)));
  });
}

async function exercise(link: string): Promise<void> {
  const url = new URL(link);
  const signIn = await fetch(new URL(url.pathname, url), {
    method: "POST",
    redirect: "manual",
    headers: { origin: url.origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token: url.searchParams.get("token") ?? "" }),
  });
  const cookie = signIn.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  for (let i = 0; i < 50; i++) {
    const response = await fetch(new URL(PAGES[i % PAGES.length] as string, url), { headers: { cookie } });
    await response.text();
  }
}

async function runBot(dir: string, dbPath: string, dashboard: boolean): Promise<Sample> {
  const child = spawn(process.execPath, [join(OUTDIR, "src/main.js")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      CONTENT_DIR: dir,
      DATABASE_PATH: dbPath,
      LOG_LEVEL: "info",
      DASHBOARD_PORT: dashboard ? "0" : "off",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  try {
    const ready = waitFor(child, /scheduler running/, "stderr");
    const link = dashboard ? await waitFor(child, /Dashboard: open (\S+) to sign in/, "stdout") : null;
    await ready;
    if (link) await exercise(link);
    await sleep(SETTLE_MS);
    return memoryOf(child.pid as number);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export async function measureBotMemory(options: { dir: string; dbPath: string; runs: number }) {
  const { build } = (await import(join(ROOT, "src/build.mjs"))) as {
    build: (o: { outdir: string; roots: string[] }) => Promise<unknown>;
  };
  await build({ outdir: OUTDIR, roots: ["src", "commands"] });
  const off: Sample[] = [];
  const on: Sample[] = [];
  const load = loadavg().map((x) => x.toFixed(2));
  for (let i = 0; i < options.runs; i++) {
    off.push(await runBot(options.dir, options.dbPath, false));
    on.push(await runBot(options.dir, options.dbPath, true));
    process.stderr.write(`memory run ${i + 1}: off ${off.at(-1)?.rssMb} MB, on ${on.at(-1)?.rssMb} MB\n`);
  }
  const offRss = median(off.map((s) => s.rssMb));
  const onRss = median(on.map((s) => s.rssMb));
  return {
    runs: options.runs,
    loadAverageAtStart: load,
    off,
    on,
    medianRssOffMb: offRss,
    medianRssOnMb: onRss,
    addedRssMb: round(onRss - offRss),
    addedPeakMb: round(median(on.map((s) => s.peakMb)) - median(off.map((s) => s.peakMb))),
    goalAddedMb: 20,
  };
}
