import { defineCommand } from "../src/framework/command.js";
import { textReply } from "../src/framework/reply.js";
import { actorOf, requireScheduling } from "../src/framework/require-scheduling.js";
import { subscribeWords } from "./subscribe.words.js";
import { topicOption } from "./topic-option.js";

export default defineCommand({
  name: "subscribe",
  description: {
    en: "Post new articles on a topic here as they arrive (moderators)",
    fr: "Publier ici les nouveaux articles d’un sujet dès leur arrivée (modérateurs)",
  },
  access: "moderator",
  words: subscribeWords,
  options: [
    {
      ...topicOption,
      description: {
        en: 'A category or tag, e.g. bitcoin ("quote" one of several words)',
        fr: "Une catégorie ou un mot-clé, ex. bitcoin (« citez » celui de plusieurs mots)",
      },
      required: true,
    },
    {
      name: "keywords",
      type: "string",
      placeholder: { en: "keywords", fr: "mots-clés" },
      description: {
        en: 'Only articles with these words: -etf "el salvador"',
        fr: "Seulement les articles avec ces mots : -etf « el salvador »",
      },
      maxLength: 200,
    },
  ] as const,
  async run(ctx, args) {
    const result = await requireScheduling(ctx.services).subscribe(
      ctx.channel,
      actorOf(ctx),
      args.topic,
      args.keywords,
    );
    if (!result.added) return textReply(ctx.t("subscribe.already", { topic: result.topic }));
    if (result.filter !== null)
      return textReply(ctx.t("subscribe.addedFiltered", { topic: result.topic, filter: result.filter }));
    return textReply(
      ctx.t(result.known ? "subscribe.added" : "subscribe.addedUnknown", { topic: result.topic }),
    );
  },
});
