import type { ReadinessCheck } from "../health.js";
import { readiness } from "../health.js";
import type { Answer } from "../http.js";
import { EXPOSITION_CONTENT_TYPE, type MetricsRegistry } from "../metrics/registry.js";

/**
 * /healthz, /readyz and /metrics: open to anyone who reaches the port (probes and scrapers do not
 * sign in), served on the dashboard's port and alone on METRICS_PORT (docs/adr/0095).
 */
const TEXT = "text/plain; charset=utf-8";

/** GET handlers by path; they read nothing of the request. */
export function probes(
  checks: readonly ReadinessCheck[],
  metrics: MetricsRegistry | undefined,
): Map<string, () => Promise<Answer>> {
  const handlers = new Map<string, () => Promise<Answer>>([
    ["/healthz", async () => ({ status: 200, headers: { "content-type": TEXT }, body: "ok\n" })],
    [
      "/readyz",
      async () => {
        const result = await readiness(checks);
        const body = result.ready ? "ready\n" : `not ready\n${result.failures.join("\n")}\n`;
        return { status: result.ready ? 200 : 503, headers: { "content-type": TEXT }, body };
      },
    ],
  ]);
  if (metrics) {
    handlers.set("/metrics", async () => ({
      status: 200,
      headers: { "content-type": EXPOSITION_CONTENT_TYPE },
      body: await metrics.render(),
    }));
  }
  return handlers;
}
