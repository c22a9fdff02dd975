import { describe, expect, it } from "vitest";
import { type AckState, classify, type Route } from "../../../../src/platforms/discord/respond.js";

describe("classify: how each message of a reply goes out", () => {
  type Case = [
    AckState,
    boolean,
    { private?: boolean; replacesOriginal?: boolean },
    "command" | "button",
    Route,
  ];
  const cases: Case[] = [
    ["none", true, {}, "command", "reply"],
    ["none", true, { private: true }, "command", "reply"],
    // A slash command has no message of its own to replace.
    ["none", true, { replacesOriginal: true }, "command", "reply"],
    ["none", true, { replacesOriginal: true }, "button", "update"],
    ["none", true, {}, "button", "reply"],
    // An error after a button press never overwrites the message for everyone.
    ["none", true, { replacesOriginal: true, private: true }, "button", "reply"],
    ["deferred-reply", true, {}, "command", "editReply"],
    ["deferred-reply", true, { private: true }, "command", "deleteThenFollowUp"],
    ["deferred-update", true, { replacesOriginal: true }, "button", "editReply"],
    ["deferred-update", true, {}, "button", "followUp"],
    ["deferred-update", true, { private: true, replacesOriginal: true }, "button", "followUp"],
    ["replied", true, {}, "command", "followUp"],
    ["none", false, {}, "command", "followUp"],
    ["deferred-reply", false, { private: true }, "command", "followUp"],
  ];
  it.each(cases)("GIVEN %s, first=%s, %j from a %s THEN %s", (state, first, reply, source, route) => {
    expect(classify(state, first, reply, source)).toBe(route);
  });
});
