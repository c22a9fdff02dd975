import { describe, expect, it } from "vitest";
import { newsdeskMetrics } from "../../../src/web/metrics/newsdesk-metrics.js";
import { Counter, Gauge, Histogram, MetricsRegistry } from "../../../src/web/metrics/registry.js";

describe("GIVEN the metrics registry", () => {
  it("THEN help text escapes backslash and newline, label values also the double quote", async () => {
    const registry = new MetricsRegistry();
    const counter = registry.register(
      new Counter("x_total", 'Help with \\ and\nnewline and "quotes".', { kind: ['a"b\\c\nd'] }),
    );
    counter.inc({ kind: 'a"b\\c\nd' });
    expect(await registry.render()).toBe(
      '# HELP x_total Help with \\\\ and\\nnewline and "quotes".\n' +
        "# TYPE x_total counter\n" +
        'x_total{kind="a\\"b\\\\c\\nd"} 1\n',
    );
  });

  it("THEN a label value outside its declared list is counted as other: no id ever becomes a series", async () => {
    const registry = new MetricsRegistry();
    const counter = registry.register(new Counter("cmd_total", "h", { command: ["news"] }));
    for (const id of ["123", "456", "789"]) counter.inc({ command: id });
    counter.inc({ command: "news" });
    const text = await registry.render();
    expect(text).toContain('cmd_total{command="other"} 3\n');
    expect(text).toContain('cmd_total{command="news"} 1\n');
    expect(text).not.toMatch(/123|456|789/);
  });

  it("THEN a histogram's buckets are cumulative, end with +Inf, and carry sum and count", async () => {
    const registry = new MetricsRegistry();
    const histogram = registry.register(new Histogram("d_seconds", "h", { command: ["news"] }, [0.1, 1]));
    for (const value of [0.05, 0.5, 0.5, 3]) histogram.observe({ command: "news" }, value);
    expect(await registry.render()).toBe(
      "# HELP d_seconds h\n# TYPE d_seconds histogram\n" +
        'd_seconds_bucket{command="news",le="0.1"} 1\n' +
        'd_seconds_bucket{command="news",le="1"} 3\n' +
        'd_seconds_bucket{command="news",le="+Inf"} 4\n' +
        'd_seconds_sum{command="news"} 4.05\n' +
        'd_seconds_count{command="news"} 4\n',
    );
  });

  it("THEN labels are written in name order, special values as Prometheus spells them", async () => {
    const registry = new MetricsRegistry();
    const gauge = registry.register(new Gauge("g", "h", { z: ["1"], a: ["2"] }));
    gauge.set({ z: "1", a: "2" }, Number.POSITIVE_INFINITY);
    expect(await registry.render()).toContain('g{a="2",z="1"} +Inf\n');
    gauge.set({ z: "1", a: "2" }, Number.NaN);
    expect(await registry.render()).toContain('g{a="2",z="1"} NaN\n');
  });

  it("THEN a gauge's collector runs at each scrape, and a failing one keeps the last value", async () => {
    const registry = new MetricsRegistry();
    const gauge = registry.register(new Gauge("pending", "h", {}));
    let value = 3;
    gauge.collect(() => {
      if (value < 0) throw new Error("store closed");
      gauge.set({}, value);
    });
    expect(await registry.render()).toContain("pending 3\n");
    value = -1;
    expect(await registry.render()).toContain("pending 3\n");
  });

  it("THEN bad names, a decreasing counter and a metric registered twice are refused", () => {
    expect(() => new Counter("1bad", "h", {})).toThrow(/bad metric name/);
    expect(() => new Counter("ok", "h", { le: [] })).toThrow(/bad label name/);
    expect(() => new Counter("ok", "h", {}).inc({}, -1)).toThrow(/only goes up/);
    const registry = new MetricsRegistry();
    registry.register(new Counter("twice", "h", {}));
    expect(() => registry.register(new Gauge("twice", "h", {}))).toThrow(/registered twice/);
  });
});

describe("GIVEN the newsdesk series", () => {
  it("THEN each series the issue lists exists with its type, and no label can hold an id", async () => {
    const metrics = newsdeskMetrics(["news", "latest"]);
    const text = await metrics.registry.render();
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => `${name} ${type}`);
    expect(types).toEqual([
      "newsdesk_articles gauge",
      "newsdesk_commands_total counter",
      "newsdesk_command_duration_seconds histogram",
      "newsdesk_deliveries_total counter",
      "newsdesk_outbox_pending gauge",
      "newsdesk_outbox_oldest_age_seconds gauge",
      "newsdesk_rate_limit_waits_total counter",
      "newsdesk_rate_limit_wait_seconds_total counter",
      "newsdesk_source_fetches_total counter",
    ]);
    metrics.deliveries.inc({ platform: "discord:300000000000000001", outcome: "sent" });
    expect(await metrics.registry.render()).toContain(
      'newsdesk_deliveries_total{outcome="sent",platform="other"} 1',
    );
  });
});
