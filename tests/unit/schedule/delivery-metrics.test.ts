import { afterEach, describe, expect, it } from "vitest";
import { newsdeskMetrics } from "../../../src/web/metrics/newsdesk-metrics.js";
import { article, type Harness, harness, PublishError } from "./helpers.js";

/** The delivery worker says how each attempt ended: the metrics count them by platform and outcome. */
let h: Harness;
afterEach(async () => {
  await h.scheduler.stop();
  h.close();
});

describe("GIVEN announcements to two channels, one refusing for good", () => {
  it("THEN attempts are counted sent, retried, then failed, by platform", async () => {
    const metrics = newsdeskMetrics([]);
    h = harness({
      start: "2025-07-17T08:00:00Z",
      config: { targets: ["discord:1", "telegram:-2"] },
      tuning: { maxSleepMs: 3_600_000, heartbeatMs: 3_600_000, concurrency: 1 },
    });
    h.scheduler = h.another({ telemetry: metrics.telemetry });
    h.telegram.fail = () => new PublishError("permanent", "Forbidden: bot was kicked");
    await h.scheduler.start();
    h.library.add(article("a1"));
    await h.settle();
    for (let i = 0; i < 3; i++) await h.time.advance(3_600_000);
    const text = await metrics.registry.render();
    expect(text).toContain('newsdesk_deliveries_total{outcome="sent",platform="discord"} 1');
    expect(text).toContain('newsdesk_deliveries_total{outcome="retry",platform="telegram"} 2');
    expect(text).toContain('newsdesk_deliveries_total{outcome="failed",platform="telegram"} 1');
  });
});
