import { isLocale } from "../src/domain/locale.js";
import { defineGroup, defineSubcommand } from "../src/framework/command.js";
import { formatInstant } from "../src/framework/format-time.js";
import { textReply } from "../src/framework/reply.js";
import { actorOf, requireScheduling } from "../src/framework/require-scheduling.js";
import { settingsWords as words } from "./settings.words.js";

const timezone = defineSubcommand({
  name: "timezone",
  words,
  description: {
    en: "Time zone for schedules here",
    fr: "Fuseau horaire des programmations ici",
  },
  options: [
    {
      name: "zone",
      type: "string",
      placeholder: { en: "zone", fr: "fuseau" },
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
  words,
  description: { en: "Language of posts here", fr: "Langue des publications ici" },
  options: [
    {
      name: "language",
      type: "string",
      placeholder: { en: "language", fr: "langue" },
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
  description: {
    en: "Settings for posts here (moderators)",
    fr: "Réglages des publications ici (modérateurs)",
  },
  access: "moderator",
  subcommands: [timezone, language],
});
