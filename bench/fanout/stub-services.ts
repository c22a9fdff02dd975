/** Services for a platform that only publishes: no command runs during a fan-out. */
import type { Services } from "../../src/framework/command.js";
import { silentLogger, systemClock } from "../../src/framework/ports.js";

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
