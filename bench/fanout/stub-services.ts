/** Services for a platform that only publishes: no command runs during a fan-out. */

import { systemClock } from "../../src/domain/clock.js";
import { silentLogger } from "../../src/domain/logger.js";
import type { Services } from "../../src/framework/command.js";

export function stubServices(): Services {
  return {
    library: {
      search: () => [],
      latest: () => [],
      get: () => null,
      resolve: () => ({ article: null, idShaped: false, closest: [] }),
      topics: () => ({ categories: [], tags: [] }),
      suggest: () => [],
      count: () => 0,
    },
    insights: { summary: async () => [], facts: async () => [], cachedSummary: () => null },
    clock: systemClock,
    log: silentLogger,
  };
}
