import type { ChannelOverview } from "../../../src/domain/schedule.js";
import type { UiLanguage } from "../../../src/web/i18n.js";
import type { DashboardServices, TargetEntry, TargetSettings, WebActor } from "../../../src/web/services.js";

/** Guild A holds channel A; guild B holds channel B (a moderator of A must not reach B). */
export const GUILD_A = "200000000000000001";
export const GUILD_B = "200000000000000002";
export const CHANNEL_A = "300000000000000001";
export const CHANNEL_B = "300000000000000002";
export const TELEGRAM_CHAT = "-1001234567890";

/** A bad time zone, as the scheduling service refuses it (a code, worded at the edge). */
class FakeUserError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * DashboardServices in memory, for tests and the render bench: a few channels with settings, an
 * article count, and every change recorded (with its actor) so a test can say "nothing changed".
 */
export class FakeServices implements DashboardServices {
  articles = 42;
  readonly changes: { target: string; actor: WebActor; change: Partial<TargetSettings> }[] = [];
  readonly settings = new Map<string, TargetSettings>();
  readonly entries: TargetEntry[] = [
    { target: `discord:${CHANNEL_A}`, name: "#news on Server A" },
    { target: `discord:${CHANNEL_B}`, name: "#news on Server B" },
    { target: `telegram:${TELEGRAM_CHAT}`, name: "Crypto Chat" },
    { target: "console", name: "console" },
  ];
  private readonly guilds = new Map([
    [CHANNEL_A, GUILD_A],
    [CHANNEL_B, GUILD_B],
  ]);

  async overview() {
    return { articles: this.articles };
  }

  async targets() {
    return this.entries;
  }

  async guildOfChannel(channelId: string) {
    return this.guilds.get(channelId) ?? null;
  }

  async timeZoneOf(target: string) {
    return (await this.settingsOf(target)).timeZone;
  }

  async settingsOf(target: string): Promise<TargetSettings> {
    return this.settings.get(target) ?? { timeZone: "UTC", language: "en" };
  }

  async updateSettings(target: string, actor: WebActor, change: Partial<TargetSettings>) {
    if (change.timeZone !== undefined && !isZone(change.timeZone)) throw new FakeUserError("badTimeZone");
    this.changes.push({ target, actor, change });
    this.settings.set(target, { ...(await this.settingsOf(target)), ...change });
  }

  // The shell's tests need no articles or schedules: these answer "nothing" (tests/e2e/web/real-fixture.ts runs the real ones).
  searchArticles() {
    return [];
  }
  resolveArticle() {
    return null;
  }
  articleTitle() {
    return null;
  }
  async article() {
    return null;
  }
  async postPreview() {
    return null;
  }
  topics() {
    return { categories: [], tags: [] };
  }
  async channel(target: string): Promise<ChannelOverview> {
    const settings = await this.settingsOf(target);
    return {
      target,
      timeZone: settings.timeZone,
      locale: settings.language,
      schedules: [],
      subscriptions: [],
      disabled: null,
      configured: null,
    };
  }
  async schedulePost(): Promise<never> {
    throw new FakeUserError("unavailable");
  }
  async scheduleDigest(): Promise<never> {
    throw new FakeUserError("unavailable");
  }
  async changeSchedule(): Promise<never> {
    throw new FakeUserError("unavailable");
  }
  async fireTimes() {
    return [];
  }
  async subscribe(_target: string, _actor: WebActor, topic: string) {
    return { added: true, topic, known: false };
  }
  async unsubscribe(_target: string, _actor: WebActor, topic: string) {
    return { removed: true, topic };
  }
  async upcoming() {
    return [];
  }
  async deliveries() {
    return [];
  }
  async disabledTargets() {
    return [];
  }
  async explain(target: string, articleId: string) {
    return { target, articleId, title: null, findings: [{ kind: "unknownArticle" as const }] };
  }
  async audit() {
    return [];
  }
  async sources() {
    return null;
  }

  explainError(error: unknown, language: UiLanguage): string | null {
    if (!(error instanceof FakeUserError)) return null;
    return language === "fr" ? "Fuseau horaire inconnu." : "Unknown time zone.";
  }
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
