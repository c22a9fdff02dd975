import { createServer } from "node:http";
import type { ReadinessCheck } from "./health.js";
import { securityHeaders, send } from "./http.js";
import { closeServer, listenOrWarn } from "./listen.js";
import type { MetricsRegistry } from "./metrics/registry.js";
import type { WebLog } from "./options.js";
import { probes } from "./pages/probes.js";

/**
 * METRICS_PORT: /healthz, /readyz and /metrics alone, without the dashboard (no sign-in, no pages),
 * for a deployment that wants probes and scraping on a port of their own.
 */
export async function startMetricsServer(options: {
  port: number;
  host?: string;
  metrics: MetricsRegistry;
  readiness: readonly ReadinessCheck[];
  log: WebLog;
}): Promise<{ port: number | null; close(): Promise<void> }> {
  const handlers = probes(options.readiness, options.metrics);
  const server = createServer(async (req, res) => {
    const handler = handlers.get(new URL(req.url ?? "/", "http://metrics.invalid").pathname);
    const answer =
      handler && (req.method === "GET" || req.method === "HEAD")
        ? await handler()
        : { status: 404, headers: { "content-type": "text/plain; charset=utf-8" }, body: "not found\n" };
    send(res, { ...answer, headers: { ...securityHeaders(), ...answer.headers } });
  });
  const port = await listenOrWarn(
    server,
    options.port,
    options.host ?? "127.0.0.1",
    "metrics server",
    options.log,
  );
  return { port, close: () => closeServer(server) };
}
