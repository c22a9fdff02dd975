import { type Core, type CoreOptions, createCore } from "../../src/core.js";
import type { Publisher } from "../../src/domain/publisher.js";
import type { Reply } from "../../src/domain/reply.js";
import type { PlatformName } from "../../src/domain/target.js";
import { PublisherRegistry } from "../../src/schedule/publisher-registry.js";
import { recordingLogger } from "./recording-logger.js";

/**
 * A core as `npm start` wires it (the library watching its folder, the scheduler on a real
 * database), posting to a publisher that records: what was posted where, in order. Start its
 * scheduler with `core.scheduler?.start()`.
 */
export async function announcingCore(options: {
  contentDir: string;
  databasePath: string;
  platform?: PlatformName;
  targets?: string[];
  sources?: CoreOptions["sources"];
}): Promise<{
  core: Core;
  posted: { target: string; reply: Reply }[];
  log: ReturnType<typeof recordingLogger>;
}> {
  const posted: { target: string; reply: Reply }[] = [];
  const recorder: Publisher = {
    platform: options.platform ?? "console",
    publish: async (target, reply) => {
      posted.push({ target: target.id, reply });
      return { messageId: String(posted.length) };
    },
  };
  const log = recordingLogger();
  const core = await createCore({
    contentDir: options.contentDir,
    databasePath: options.databasePath,
    defaultLocale: "en",
    log: log.log,
    watch: true,
    schedule: {
      digestCron: null,
      timeZone: "UTC",
      targets: options.targets ?? [],
      catchUp: "latest",
      publishers: new PublisherRegistry([recorder]),
    },
    sources: options.sources,
  });
  return { core, posted, log };
}
