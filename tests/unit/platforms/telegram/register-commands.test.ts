import { describe, expect, it } from "vitest";
import { defineCommand } from "../../../../src/framework/command.js";
import { commandMenus, invalidCommandNames } from "../../../../src/platforms/telegram/register-commands.js";

const make = (name: string, access: "everyone" | "moderator" = "everyone") =>
  defineCommand({
    name,
    description: { en: `${name} in English`, fr: `${name} en français` },
    access,
    options: [] as const,
    run: () => ({ cards: [] }),
  });

describe("commandMenus", () => {
  it("GIVEN commands THEN an English default menu and one per language, moderator commands included", () => {
    const menus = commandMenus([make("news"), make("schedule", "moderator")], "en");
    expect(menus.map((m) => m.languageCode)).toEqual([undefined, "en", "fr"]);
    expect(menus[0]?.commands).toEqual([
      { command: "news", description: "news in English" },
      { command: "schedule", description: "schedule in English" },
    ]);
    expect(menus[2]?.commands[0]).toEqual({ command: "news", description: "news en français" });
  });

  it("GIVEN a name Telegram refuses THEN it is left out and reported", () => {
    const commands = [make("news"), make("Bad-Name")];
    expect(commandMenus(commands, "en")[0]?.commands.map((c) => c.command)).toEqual(["news"]);
    expect(invalidCommandNames(commands)).toEqual(["Bad-Name"]);
  });
});
