import { describe, expect, it } from "vitest";
import { articleTopicKeys, topicKey } from "../../../src/schedule/topics.js";

/** Topic keys: what a subscription, a digest topic and an article's category and tags reduce to. */

describe("topics", () => {
  it.each([
    ["Économie", "economie"],
    ["  #ECONOMIE ", "economie"],
    ["##Énergie   verte", "energie verte"],
    ["e\u0301conomie", "economie"], // a combining accent
    ["ﬁnance", "finance"], // a ligature
    ["#", ""],
  ])("GIVEN %j THEN the key %j", (text, key) => {
    expect(topicKey(text)).toBe(key);
  });

  it("GIVEN a category and tags that reduce to nothing or to one key THEN one key, no empty one", () => {
    expect(articleTopicKeys({ category: "#", tags: ["Bitcoin", "#bitcoin", " "] })).toEqual(["bitcoin"]);
  });
});
