import { MAX_TOPIC_LENGTH } from "../src/domain/channel.js";

/**
 * The "topic" option of /schedule digest, /subscribe and /unsubscribe: a category or tag, as
 * /topics lists them. Declared once so that its name, its placeholder and its length limit agree
 * everywhere; each command adds what the topic means there (its description) and whether it is
 * required:
 *
 *   options: [{ ...topicOption, description: { en: "…", fr: "…" }, required: true }] as const
 */
export const topicOption = {
  name: "topic",
  type: "string",
  placeholder: { en: "topic", fr: "sujet" },
  maxLength: MAX_TOPIC_LENGTH,
} as const;
