import { createServer } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startDashboard } from "../../../src/web/dashboard.js";
import { startMetricsServer } from "../../../src/web/metrics-server.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { FakeServices } from "../../unit/web/fake-services.js";
import { get, SECRET, startWebFixture, type WebFixture } from "./web-fixture.js";

/** /healthz, /readyz and /metrics on the dashboard's port and on METRICS_PORT; a busy port. */
let fixture: WebFixture;
beforeEach(async () => {
  fixture = await startWebFixture();
});
afterEach(async () => {
  await fixture.dashboard.close();
});

describe("GIVEN the probes", () => {
  it("THEN /healthz answers without a session, /readyz says 503 and why until every check passes", async () => {
    expect(await (await get(fixture, "/healthz")).text()).toBe("ok\n");
    expect((await get(fixture, "/readyz")).status).toBe(200);
    fixture.ready.database = "database closed";
    const notReady = await get(fixture, "/readyz");
    expect(notReady.status).toBe(503);
    expect(await notReady.text()).toBe("not ready\ndatabase: database closed\n");
  });

  it("THEN /metrics is the Prometheus text format with the newsdesk_ series and closed labels", async () => {
    fixture.metrics.commands.inc({ command: "news", outcome: "ok" });
    fixture.metrics.commands.inc({ command: "123456789012345678", outcome: "ok" });
    fixture.metrics.deliveries.inc({ platform: "discord", outcome: "sent" }, 3);
    fixture.metrics.commandDuration.observe({ command: "news" }, 0.02);
    fixture.metrics.articles.collect(() => fixture.metrics.articles.set({}, 10_000));
    const response = await get(fixture, "/metrics");
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("# TYPE newsdesk_commands_total counter\n");
    expect(text).toContain('newsdesk_commands_total{command="news",outcome="ok"} 1\n');
    expect(text).toContain('newsdesk_commands_total{command="other",outcome="ok"} 1\n');
    expect(text).not.toContain("123456789012345678");
    expect(text).toContain('newsdesk_deliveries_total{outcome="sent",platform="discord"} 3\n');
    expect(text).toContain('newsdesk_command_duration_seconds_bucket{command="news",le="0.025"} 1\n');
    expect(text).toContain("newsdesk_articles 10000\n");
    for (const series of [
      "outbox_pending",
      "outbox_oldest_age_seconds",
      "rate_limit_waits_total",
      "source_fetches_total",
    ]) {
      expect(text).toContain(`# TYPE newsdesk_${series} `);
    }
  });
});

describe("GIVEN METRICS_PORT", () => {
  it("THEN it serves the probes and metrics alone: no page, no sign-in", async () => {
    const server = await startMetricsServer({
      port: 0,
      metrics: fixture.metrics.registry,
      readiness: [{ name: "discord", check: () => "gateway disconnected" }],
      log: recordingLogger().log,
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).text()).toContain("discord: gateway disconnected");
      expect(await (await fetch(`${base}/metrics`)).text()).toContain("# TYPE newsdesk_articles gauge");
      for (const path of ["/", "/sign-in", "/settings"])
        expect((await fetch(`${base}${path}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe("GIVEN a port already in use", () => {
  it("THEN the dashboard logs a warning and the start goes on, without a dashboard", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    const logs = recordingLogger();
    try {
      const dashboard = await startDashboard(
        { port, secret: SECRET },
        { services: new FakeServices(), log: logs.log },
      );
      expect(dashboard.port).toBeNull();
      expect(logs.find(/is in use/)?.level).toBe("warn");
      await dashboard.close();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("THEN options it cannot run safely with are refused in one message", async () => {
    await expect(
      startDashboard(
        { port: 70_000, secret: "short", publicUrl: "ftp://x" },
        { services: new FakeServices(), log: recordingLogger().log },
      ),
    ).rejects.toThrow(/port must be .*; the secret must be .*; the public URL must be/);
  });
});
