/**
 * `npm run bench:web`: the dashboard's server-side render time and what it adds to RSS.
 * Goals (issue 14): the overview and a search page at 10,000 articles render with p95 <= 50 ms;
 * the dashboard adds at most 20 MB to the bot's RSS.
 *
 *   npm run bench:web                                  # fake services (the shell), 10,000 articles
 *   npm run bench:web -- --requests 500 --paths /,/settings,/articles?q=bitcoin
 *
 * It starts the dashboard in this process on 127.0.0.1 with injected services, signs in with an
 * operator link, and times each request from send to last byte (sequential, after a warm-up).
 * RSS is read after a forced GC before the dashboard's modules load and after the requests: the
 * delta is what the dashboard holds (its code, server, sessions). The HTTP client (fetch) is warmed
 * up against a throwaway server first, so its own memory is not counted as the dashboard's. `createServices(articles)` below is the one place to change when the
 * real services (library, scheduling store) are wired: the figures that count come from those.
 * A path the dashboard does not serve yet (404) is reported as such, not timed.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { DashboardServices } from "../../src/web/services.js";
import { FakeServices } from "../../tests/unit/web/fake-services.js";
import { argValue, percentile, round } from "../speed/stats.js";

const args = process.argv.slice(2);
const articles = Number(argValue(args, "--articles") ?? 10_000);
const requests = Number(argValue(args, "--requests") ?? 300);
const paths = (argValue(args, "--paths") ?? "/,/settings,/articles?q=bitcoin").split(",");
const gc = (globalThis as { gc?: () => void }).gc;

function createServices(count: number): DashboardServices {
  const services = new FakeServices();
  services.articles = count;
  return services;
}

/** RSS and V8 heap in MB after a forced GC. RSS moves by whole allocator pages and is noisy within one
 * process; the heap figure is steadier. The figure that counts later is the bot's own RSS with and
 * without DASHBOARD_PORT (bench start), once the dashboard is wired into main.ts. */
function memoryMb(): { rss: number; heap: number } {
  gc?.();
  gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss: rss / 1024 / 1024, heap: (heapUsed + external) / 1024 / 1024 };
}

/** Loads fetch (undici) and its connection pool, which belong to this bench and not to the bot. */
async function warmUpClient(): Promise<void> {
  const server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  for (let i = 0; i < 50; i++) await (await fetch(url, { headers: { cookie: "a=b" } })).text();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function main(): Promise<void> {
  if (!gc) console.warn("run with --expose-gc (npm run bench:web does) for a steady RSS figure");
  await warmUpClient();
  const before = memoryMb();
  const { startDashboard } = await import("../../src/web/dashboard.js");
  const log = { info() {}, warn() {}, error() {} };
  const dashboard = await startDashboard(
    { port: 0, secret: "bench-secret-bench-secret-bench-secret" },
    { services: createServices(articles), log },
  );
  const link = new URL(await dashboard.createOperatorLink());
  const signIn = await fetch(`${dashboard.publicUrl}${link.pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: dashboard.publicUrl, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token: link.searchParams.get("token") ?? "" }),
  });
  const cookie = signIn.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  const results: Record<string, unknown> = {};
  for (const path of paths) {
    const get = async () => {
      const started = performance.now();
      const response = await fetch(`${dashboard.publicUrl}${path}`, { headers: { cookie } });
      await response.text();
      return { ms: performance.now() - started, status: response.status };
    };
    const first = await get();
    if (first.status !== 200) {
      results[path] = { status: first.status, note: "not served yet" };
      continue;
    }
    for (let i = 0; i < 20; i++) await get();
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) samples.push((await get()).ms);
    samples.sort((a, b) => a - b);
    results[path] = {
      n: samples.length,
      p50Ms: round(percentile(samples, 50)),
      p95Ms: round(percentile(samples, 95)),
      p99Ms: round(percentile(samples, 99)),
      goalP95Ms: 50,
    };
  }
  const after = memoryMb();
  await dashboard.close();
  const report = {
    articles,
    services: "fake (tests/unit/web/fake-services.ts)",
    results,
    rssAddedMb: round(after.rss - before.rss),
    heapAddedMb: round(after.heap - before.heap),
    goalRssMb: 20,
  };
  console.log(JSON.stringify(report, null, 2));
}

await main();
