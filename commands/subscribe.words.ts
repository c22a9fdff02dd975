import { defineWords, mergeWords } from "../src/framework/words.js";
import { schedulingWords } from "./scheduling.words.js";

/** The words of /subscribe and /unsubscribe, which answer about the same list of topics. */
const own = defineWords({
  en: {
    "subscribe.added": "New articles on “{topic}” will be posted here as they arrive.",
    "subscribe.addedUnknown":
      "New articles on “{topic}” will be posted here as they arrive. No article has this topic yet; /topics lists the current ones.",
    "subscribe.addedFiltered":
      "New articles on “{topic}” matching {filter} will be posted here as they arrive.",
    "subscribe.already": "“{topic}” is already followed here.",
    "subscribe.removed": "“{topic}” is no longer followed here.",
    "subscribe.notFollowing": "“{topic}” is not followed here. Followed here: {topics}.",
  },
  fr: {
    "subscribe.added": "Les nouveaux articles sur « {topic} » seront publiés ici dès leur arrivée.",
    "subscribe.addedUnknown":
      "Les nouveaux articles sur « {topic} » seront publiés ici dès leur arrivée. Aucun article n’a encore ce sujet ; /topics liste les sujets actuels.",
    "subscribe.addedFiltered":
      "Les nouveaux articles sur « {topic} » correspondant à {filter} seront publiés ici dès leur arrivée.",
    "subscribe.already": "« {topic} » est déjà suivi ici.",
    "subscribe.removed": "« {topic} » n’est plus suivi ici.",
    "subscribe.notFollowing": "« {topic} » n’est pas suivi ici. Suivis ici : {topics}.",
  },
});

export const subscribeWords = mergeWords(own, schedulingWords);
