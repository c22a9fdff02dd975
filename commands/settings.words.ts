import { defineWords, mergeWords } from "../src/framework/words.js";
import { schedulingWords } from "./scheduling.words.js";

const own = defineWords({
  en: {
    "settings.timeZoneSet": "Time zone for schedules here: {zone}. It is {time} there now.",
    "settings.languageSet": "Posts here will be in {language}.",
  },
  fr: {
    "settings.timeZoneSet": "Fuseau horaire des programmations ici : {zone}. Il y est {time}.",
    "settings.languageSet": "Les publications ici seront en {language}.",
  },
});

export const settingsWords = mergeWords(own, schedulingWords);
