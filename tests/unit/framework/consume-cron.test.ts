import { describe, expect, it } from "vitest";
import schedule from "../../../commands/schedule.js";
import { parseCommandLine } from "../../../src/framework/parse-command-line.js";
import { registry } from "../../../src/framework/run-command.js";

const commands = registry([schedule]);
const parse = (line: string) => parseCommandLine(line, commands);

describe("/schedule typed on one line", () => {
  it("GIVEN a 5-field cron and a topic THEN the cron takes five tokens and the topic the rest", () => {
    expect(parse("/schedule digest 0 9 * * 1-5 bitcoin")).toMatchObject({
      subcommand: "digest",
      args: { cron: "0 9 * * 1-5", topic: "bitcoin" },
    });
  });

  it("GIVEN a 6-field cron THEN six tokens", () => {
    expect(parse("/schedule digest 0 0 9 * * 1-5 économie mondiale")?.args).toEqual({
      cron: "0 0 9 * * 1-5",
      topic: "économie mondiale",
    });
  });

  it("GIVEN a quoted cron or a nickname THEN those work too", () => {
    expect(parse('/schedule digest "0 9 * * 1-5" bitcoin')?.args).toEqual({
      cron: "0 9 * * 1-5",
      topic: "bitcoin",
    });
    expect(parse("/schedule digest @daily")?.args).toEqual({ cron: "@daily" });
  });

  it("GIVEN an invalid cron THEN it still takes five tokens, so the error quotes all of it", () => {
    expect(parse("/schedule digest 0 9 * * 1-9 bitcoin")?.args).toEqual({
      cron: "0 9 * * 1-9",
      topic: "bitcoin",
    });
  });

  it("GIVEN /schedule post THEN one token of article and the rest is when", () => {
    expect(parse("/schedule post seed-article tomorrow 09:00")?.args).toEqual({
      article: "seed-article",
      when: "tomorrow 09:00",
    });
    expect(parse('/schedule post "bitcoin mining" dans 2h')?.args).toEqual({
      article: "bitcoin mining",
      when: "dans 2h",
    });
  });
});
