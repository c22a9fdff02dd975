import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { ACTION_ROW, BUTTON, SECONDARY } from "../../../../src/platforms/discord/render-embeds.js";

/** The renderer spells discord.js's enum values itself so the dashboard's preview loads no discord.js. */
describe("GIVEN the values the embed renderer spells", () => {
  it("THEN they are discord.js's own", () => {
    expect([ACTION_ROW, BUTTON, SECONDARY]).toEqual([
      ComponentType.ActionRow,
      ComponentType.Button,
      ButtonStyle.Secondary,
    ]);
  });
});
