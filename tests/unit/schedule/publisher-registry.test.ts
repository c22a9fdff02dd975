import { describe, expect, it } from "vitest";
import type { Publisher } from "../../../src/domain/publisher.js";
import { PublisherRegistry } from "../../../src/schedule/publisher-registry.js";

const publisher = (platform: Publisher["platform"]): Publisher => ({
  platform,
  publish: async () => ({ messageId: platform }),
});

describe("the publishers the scheduler posts through", () => {
  it("GIVEN platforms added as they come up THEN each is found by its platform, a missing one is null", () => {
    const registry = new PublisherRegistry([publisher("discord")]);
    registry.add(publisher("telegram"));
    expect(registry.get("discord")?.platform).toBe("discord");
    expect(registry.get("telegram")?.platform).toBe("telegram");
    expect(registry.get("console")).toBeNull();
  });

  it("GIVEN a second publisher for one platform THEN a wiring error, and the first stays", () => {
    const first = publisher("discord");
    const registry = new PublisherRegistry([first]);
    expect(() => registry.add(publisher("discord"))).toThrow(/already registered/);
    expect(registry.get("discord")).toBe(first);
  });
});
