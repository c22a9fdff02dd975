import { isLocale } from "../src/domain/locale.js";
import { defineGroup, defineSubcommand } from "../src/framework/command.js";
import { formatInstant } from "../src/framework/format-time.js";
import { textReply } from "../src/framework/reply.js";
import { actorOf, requireScheduling } from "../src/framework/require-scheduling.js";

const timezone = defineSubcommand({
  name: "timezone",
  description: {
    en: "Time zone for schedules in this channel",
    fr: "Fuseau horaire des programmations de ce salon",
  },
  options: [
    {
      name: "zone",
      type: "string",
      description: { en: "IANA zone, e.g. Europe/Paris", fr: "Fuseau IANA, ex. Europe/Paris" },
      required: true,
      maxLength: 64,
    },
  ] as const,
  async run(ctx, args) {
    const zone = await requireScheduling(ctx.services).setTimeZone(ctx.channel, actorOf(ctx), args.zone);
    const time = formatInstant(ctx.services.clock.now(), zone, ctx.locale);
    return textReply(ctx.t("settings.timeZoneSet", { zone, time }));
  },
});

const language = defineSubcommand({
  name: "language",
  description: { en: "Language of posts in this channel", fr: "Langue des publications de ce salon" },
  options: [
    {
      name: "language",
      type: "string",
      description: { en: "en or fr", fr: "en ou fr" },
      required: true,
      choices: ["en", "fr"],
    },
  ] as const,
  async run(ctx, args) {
    const locale = isLocale(args.language) ? args.language : "en";
    await requireScheduling(ctx.services).setLanguage(ctx.channel, actorOf(ctx), locale);
    const name = ctx.t(locale === "fr" ? "settings.language.fr" : "settings.language.en");
    return textReply(ctx.t("settings.languageSet", { language: name }));
  },
});

export default defineGroup({
  name: "settings",
  description: { en: "Channel settings (moderators)", fr: "Réglages du salon (modérateurs)" },
  access: "moderator",
  subcommands: [timezone, language],
});
