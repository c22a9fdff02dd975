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
      description: { en: "A category or tag, e.g. bitcoin", fr: "Une catégorie ou un mot-clé, ex. bitcoin" },
      required: true,
    },
  ] as const,
  async run(ctx, args) {
    const result = await requireScheduling(ctx.services).subscribe(ctx.channel, actorOf(ctx), args.topic);
    const key = !result.added
      ? "subscribe.already"
      : result.known
        ? "subscribe.added"
        : "subscribe.addedUnknown";
    return textReply(ctx.t(key, { topic: result.topic }));
  },
});
