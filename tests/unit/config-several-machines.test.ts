import { describe, expect, it } from "vitest";
import { loadConfig, parseShardList } from "../../src/config.js";
import { configProblems } from "../helpers/config-problems.js";

const problems = configProblems;

describe("the several-machines keys (DATABASE_URL, DISCORD_SHARDS)", () => {
  it("GIVEN none THEN SQLite and Discord's own shard count, as before", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.DISCORD_SHARDS).toBeUndefined();
    expect(config.DISCORD_SHARD_COUNT).toBeUndefined();
  });

  it("GIVEN a PostgreSQL URL, a pool size and shards THEN they are read", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://newsdesk:pw@db:5432/newsdesk",
      DATABASE_POOL_SIZE: "20",
      DISCORD_SHARDS: "0-1, 4",
      DISCORD_SHARD_COUNT: "8",
    });
    expect(config.DATABASE_URL).toBe("postgres://newsdesk:pw@db:5432/newsdesk");
    expect(config.DATABASE_POOL_SIZE).toBe(20);
    expect(config.DISCORD_SHARDS).toEqual([0, 1, 4]);
    expect(config.DISCORD_SHARD_COUNT).toBe(8);
  });

  it("GIVEN a URL that is not PostgreSQL's THEN refused, without showing it (it may hold a password)", () => {
    const found = problems({ DATABASE_URL: "mysql://root:hunter2@db/newsdesk" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DATABASE_URL must be a postgres:\/\//);
    expect(found[0]).not.toContain("hunter2");
  });

  it("GIVEN shards without a count, a shard beyond the count, or a malformed list THEN each is named", () => {
    expect(problems({ DISCORD_SHARDS: "0-3" })).toEqual([
      "DISCORD_SHARD_COUNT is required when DISCORD_SHARDS is set",
    ]);
    expect(problems({ DISCORD_SHARDS: "2-4", DISCORD_SHARD_COUNT: "4" })).toEqual([
      "DISCORD_SHARDS names shard 4, but shards are numbered 0 to 3 (DISCORD_SHARD_COUNT)",
    ]);
    expect(problems({ DISCORD_SHARDS: "3-1", DISCORD_SHARD_COUNT: "4" })[0]).toMatch(
      /^DISCORD_SHARDS must be shard ids/,
    );
  });

  it("GIVEN shard lists THEN ranges and single ids, each once, in order", () => {
    expect(parseShardList("0-3")).toEqual([0, 1, 2, 3]);
    expect(parseShardList("4,0-1,1")).toEqual([0, 1, 4]);
    expect(parseShardList("a")).toBeNull();
    expect(parseShardList("")).toBeNull();
  });
});
