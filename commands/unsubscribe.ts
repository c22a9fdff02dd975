import { defineCommand } from "../src/framework/command.js";
import { textReply } from "../src/framework/reply.js";
import { actorOf, requireScheduling } from "../src/framework/require-scheduling.js";
import { subscribeWords } from "./subscribe.words.js";
import { topicOption } from "./topic-option.js";

export default defineCommand({
  name: "unsubscribe",
  description: {
    en: "Stop posting new articles on a topic here (moderators)",
    fr: "Ne plus publier ici les nouveaux articles d’un sujet (modérateurs)",
  },
  access: "moderator",
  words: subscribeWords,
  options: [
    {
      ...topicOption,
      description: { en: "A topic followed here", fr: "Un sujet suivi ici" },
      required: true,
    },
  ] as const,
  async run(ctx, args) {
    const result = await requireScheduling(ctx.services).unsubscribe(ctx.channel, actorOf(ctx), args.topic);
    if (result.removed) return textReply(ctx.t("subscribe.removed", { topic: result.topic }));
    const topics = result.following.join(", ") || ctx.t("schedule.none");
    return textReply(ctx.t("subscribe.notFollowing", { topic: result.topic, topics }), { private: true });
  },
});
