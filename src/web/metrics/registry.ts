/**
 * A small metrics registry that speaks the Prometheus text exposition format (version 0.0.4):
 * counters, gauges and histograms with labels. Labels are declared with the values they may take,
 * so a series can never be keyed by a user, a chat or a guild: any other value is counted as
 * "other" (docs/adr/0095).
 */

/** Label name -> the values it may take (anything else becomes "other"). */
export type LabelSpec = Record<string, readonly string[]>;
export type Labels<S extends LabelSpec> = { [K in keyof S]: string };

export const OTHER = "other";

export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

export function escapeLabelValue(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/** Go's float formatting as Prometheus reads it: NaN, +Inf, -Inf, else the shortest decimal. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

abstract class Metric<S extends LabelSpec> {
  abstract readonly type: "counter" | "gauge" | "histogram";
  private readonly labelNames: (keyof S & string)[];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly spec: S,
  ) {
    if (!METRIC_NAME.test(name)) throw new Error(`bad metric name ${name}`);
    this.labelNames = Object.keys(spec).sort();
    for (const label of this.labelNames) {
      if (!LABEL_NAME.test(label) || label.startsWith("__") || label === "le") {
        throw new Error(`bad label name ${label} on ${name}`);
      }
    }
  }

  /** The series key: the label values in name order, each one of its allowed values or "other". */
  protected key(labels: Labels<S>): string {
    return this.labelNames
      .map((name) => {
        const value = String(labels[name]);
        return this.spec[name]?.includes(value) ? value : OTHER;
      })
      .join("\u0000");
  }

  /** `{a="x",b="y"}` for a series key, with extra pairs (le) at the end. */
  protected labelText(key: string, extra: [string, string][] = []): string {
    const values = this.labelNames.length === 0 ? [] : key.split("\u0000");
    const pairs: [string, string][] = this.labelNames.map((name, i) => [name, values[i] ?? ""]);
    pairs.push(...extra);
    if (pairs.length === 0) return "";
    return `{${pairs.map(([n, v]) => `${n}="${escapeLabelValue(v)}"`).join(",")}}`;
  }

  header(): string {
    return `# HELP ${this.name} ${escapeHelp(this.help)}\n# TYPE ${this.name} ${this.type}\n`;
  }

  abstract samples(): string;
}

export class Counter<S extends LabelSpec = Record<never, never>> extends Metric<S> {
  readonly type = "counter";
  private readonly values = new Map<string, number>();

  inc(labels: Labels<S>, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name}: a counter only goes up`);
    const key = this.key(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  value(labels: Labels<S>): number {
    return this.values.get(this.key(labels)) ?? 0;
  }

  samples(): string {
    let out = "";
    for (const [key, value] of this.values)
      out += `${this.name}${this.labelText(key)} ${formatValue(value)}\n`;
    return out;
  }
}

export class Gauge<S extends LabelSpec = Record<never, never>> extends Metric<S> {
  readonly type = "gauge";
  private readonly values = new Map<string, number>();
  /** Read at each scrape (the article count, the outbox), instead of being kept up to date. */
  private collector: (() => Promise<void> | void) | null = null;

  set(labels: Labels<S>, value: number): void {
    this.values.set(this.key(labels), value);
  }

  inc(labels: Labels<S>, by = 1): void {
    const key = this.key(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  value(labels: Labels<S>): number | undefined {
    return this.values.get(this.key(labels));
  }

  /** Sets the function that sets this gauge just before each scrape. */
  collect(fn: () => Promise<void> | void): void {
    this.collector = fn;
  }

  async refresh(): Promise<void> {
    await this.collector?.();
  }

  samples(): string {
    let out = "";
    for (const [key, value] of this.values)
      out += `${this.name}${this.labelText(key)} ${formatValue(value)}\n`;
    return out;
  }
}

interface HistogramSeries {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram<S extends LabelSpec = Record<never, never>> extends Metric<S> {
  readonly type = "histogram";
  private readonly series = new Map<string, HistogramSeries>();
  private readonly buckets: number[];

  constructor(name: string, help: string, spec: S, buckets: readonly number[]) {
    super(name, help, spec);
    this.buckets = [...buckets].sort((a, b) => a - b);
    if (this.buckets.length === 0 || this.buckets.some((b) => !Number.isFinite(b))) {
      throw new Error(`${name}: buckets must be finite numbers (+Inf is added)`);
    }
  }

  observe(labels: Labels<S>, value: number): void {
    const key = this.key(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) series.counts[index] = (series.counts[index] ?? 0) + 1;
    series.sum += value;
    series.count += 1;
  }

  samples(): string {
    let out = "";
    for (const [key, series] of this.series) {
      let cumulative = 0;
      this.buckets.forEach((bound, i) => {
        cumulative += series.counts[i] ?? 0;
        out += `${this.name}_bucket${this.labelText(key, [["le", formatValue(bound)]])} ${cumulative}\n`;
      });
      out += `${this.name}_bucket${this.labelText(key, [["le", "+Inf"]])} ${series.count}\n`;
      out += `${this.name}_sum${this.labelText(key)} ${formatValue(series.sum)}\n`;
      out += `${this.name}_count${this.labelText(key)} ${series.count}\n`;
    }
    return out;
  }
}

/** The content type of the text format, as Prometheus expects it. */
export const EXPOSITION_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

// biome-ignore lint/suspicious/noExplicitAny: a registry holds metrics of every label shape
type AnyMetric = Metric<any>;

export class MetricsRegistry {
  private readonly metrics: AnyMetric[] = [];

  register<M extends AnyMetric>(metric: M): M {
    if (this.metrics.some((m) => m.name === metric.name)) throw new Error(`${metric.name} registered twice`);
    this.metrics.push(metric);
    return metric;
  }

  /** Every metric in the text format, gauges refreshed first (a failing collector keeps the old value). */
  async render(): Promise<string> {
    for (const metric of this.metrics) {
      if (metric instanceof Gauge) await metric.refresh().catch(() => undefined);
    }
    return this.metrics.map((m) => m.header() + m.samples()).join("");
  }
}
