import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../src/core.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";
import { sayToConsole } from "../../helpers/say.js";
import { REAL_CONTENT, SEED_ID, SEED_TITLE } from "../../helpers/seed.js";

// The shipped content/ folder: the reproductions name its articles.
let core: Core;
beforeAll(async () => {
  core = await createCore({
    contentDir: REAL_CONTENT,
    databasePath: ":memory:",
    defaultLocale: "en",
    log: silentLogger,
    clock: { now: () => new Date("2025-07-30T08:00:00Z") },
    schedule: {
      digestCron: null,
      timeZone: "UTC",
      targets: [],
      catchUp: "none",
      publishers: new PublisherRegistry(),
    },
  });
});
afterAll(async () => {
  await core.close();
});

const say = sayToConsole(() => core);

describe("an id-shaped argument names an article exactly or none", () => {
  it("GIVEN the seed id with its last character changed THEN /article says no article has it and offers the seed", async () => {
    const reply = await say("/article 000_df19e6179d96e4af");
    expect(reply.error).toBe(true);
    expect(reply.cards).toEqual([]);
    expect(reply.plain).toContain("No article matches “000_df19e6179d96e4af”: no article has this id.");
    expect(reply.plain).toContain(`Closest: ${SEED_ID} (“${SEED_TITLE}”)`);
  });

  it("GIVEN /facts of a dated id that does not exist THEN no facts of another article, and bitcoin articles are offered", async () => {
    const reply = await say("/facts 2025-07-19-bitcoin");
    expect(reply.error).toBe(true);
    expect(reply.plain).not.toMatch(/Key facts:/);
    expect(reply.plain).toContain("no article has this id");
    expect(reply.plain).toMatch(/Closest: .*bitcoin/i);
  });

  it("GIVEN an id-shaped miss in French THEN the answer and the suggestions are in French", async () => {
    const { plain: text } = await say("/article 000_df19e6179d96e4af", "fr");
    expect(text).toContain("aucun article n’a cet identifiant");
    expect(text).toContain(`${SEED_ID} («\u00a0${SEED_TITLE}\u00a0»)`);
  });

  it("GIVEN an id nothing resembles THEN the answer says so without suggestions", async () => {
    const reply = await say("/article zz_qq_xx");
    expect(reply.error).toBe(true);
    expect(reply.plain).toContain("No article matches “zz_qq_xx”: no article has this id. /news finds");
  });

  it("GIVEN the exact id, in capitals THEN the article is shown", async () => {
    const reply = await say(`/article ${SEED_ID.toUpperCase()}`);
    expect(reply.cards[0]?.title).toBe(SEED_TITLE);
  });

  it("GIVEN words THEN they are still searched and the best match is shown", async () => {
    const reply = await say("/article salvador stratégie");
    expect(reply.cards[0]?.footer).toContain(SEED_ID);
  });
});

describe("/schedule post never acts on a guess without saying which article it chose", () => {
  it("GIVEN an id-shaped argument that matches nothing THEN nothing is scheduled and close ids are offered", async () => {
    const reply = await say("/schedule post 2025-07-30-bitcoin-price in 2h");
    expect(reply.error).toBe(true);
    expect(reply.plain).toContain("no article has this id");
    expect((await say("/schedule list")).plain).toContain("Nothing is scheduled here");
  });

  it("GIVEN words THEN the reply names the id and title of the article the search chose", async () => {
    const reply = await say('/schedule post "offshore wind" in 2h');
    expect(reply.error).toBeFalsy();
    expect(reply.plain).toMatch(
      /^Scheduled \w+: “Offshore wind auction draws record bids” \(2025-07-22-offshore-wind-auction\), the best match for “offshore wind”, will be posted here on .*\/schedule cancel \w+$/,
    );
  });

  it("GIVEN the exact id THEN the reply names the article", async () => {
    const { plain: text } = await say(`/schedule post ${SEED_ID} in 3h`);
    expect(text).toMatch(new RegExp(`^Scheduled \\w+: “${SEED_TITLE}” will be posted here on`));
  });
});
