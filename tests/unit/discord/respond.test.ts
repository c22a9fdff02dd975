import { describe, expect, it } from "vitest";
import { type AckState, classify, type Route } from "../../../src/platforms/discord/respond.js";

describe("classify: how each message of a reply goes out", () => {
  const cases: [AckState, boolean, { private?: boolean; replacesOriginal?: boolean }, Route][] = [
    ["none", true, {}, "reply"],
    ["none", true, { private: true }, "reply"],
    ["none", true, { replacesOriginal: true }, "update"],
    // An error after a button press never overwrites the message for everyone.
    ["none", true, { replacesOriginal: true, private: true }, "reply"],
    ["deferred-reply", true, {}, "editReply"],
    ["deferred-reply", true, { private: true }, "deleteThenFollowUp"],
    ["deferred-update", true, { replacesOriginal: true }, "editReply"],
    ["deferred-update", true, {}, "followUp"],
    ["deferred-update", true, { private: true, replacesOriginal: true }, "followUp"],
    ["replied", true, {}, "followUp"],
    ["none", false, {}, "followUp"],
    ["deferred-reply", false, { private: true }, "followUp"],
  ];
  it.each(cases)("GIVEN %s, first=%s, %j THEN %s", (state, first, reply, route) => {
    expect(classify(state, first, reply)).toBe(route);
  });
});
