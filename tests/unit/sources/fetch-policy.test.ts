import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  HEALTHY,
  healthEventOf,
  nextHealth,
  type SourceHealth,
} from "../../../src/sources/fetch-policy.js";

const options = { intervalMs: 15 * 60_000 };
const fail = { kind: "failure", reason: "timeout" } as const;

describe("source health policy", () => {
  it("GIVEN failures THEN the wait doubles from the interval and is capped at 6 h", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options) / 60_000)).toEqual([
      15, 30, 60, 120, 240, 360,
    ]);
    expect(backoffDelay(50, options)).toBe(6 * 3_600_000);
  });

  it("GIVEN 19 failures THEN still enabled; the 20th disables the source with the last reason", () => {
    let state: SourceHealth = HEALTHY;
    for (let i = 0; i < 19; i++) state = nextHealth(state, fail, 0, options);
    expect(state).toMatchObject({ consecutiveFailures: 19, disabled: false, lastError: "timeout" });
    state = nextHealth(state, fail, 0, options);
    expect(state.disabled).toBe(true);
    expect(state.lastError).toBe("disabled after 20 consecutive failures; last: timeout");
    // Disabled stays disabled: even a success does not revive it (an operator does).
    expect(nextHealth(state, { kind: "success" }, 0, options)).toBe(state);
  });

  it("GIVEN 410 Gone THEN the source is disabled at once", () => {
    const gone = healthEventOf({
      kind: "gone",
      url: "https://x.example/feed",
      finalUrl: "https://x.example/feed",
      status: 410,
    });
    expect(nextHealth(HEALTHY, gone, 0, options)).toMatchObject({
      disabled: true,
      lastError: "https://x.example/feed answered 410 Gone",
    });
  });

  it("GIVEN a success after failures THEN the count resets", () => {
    const failed = nextHealth(nextHealth(HEALTHY, fail, 0, options), fail, 0, options);
    expect(failed.consecutiveFailures).toBe(2);
    expect(nextHealth(failed, { kind: "success" }, 0, options)).toEqual(HEALTHY);
  });

  it("GIVEN a Retry-After later than the back-off THEN it is honoured; earlier THEN the back-off wins", () => {
    const late = nextHealth(
      HEALTHY,
      { kind: "failure", reason: "429", notBefore: 10 * 3_600_000 },
      0,
      options,
    );
    expect(late.notBefore).toBe(10 * 3_600_000);
    const early = nextHealth(HEALTHY, { kind: "failure", reason: "429", notBefore: 1_000 }, 0, options);
    expect(early.notBefore).toBe(15 * 60_000);
  });

  it("GIVEN each fetch outcome THEN its health event", () => {
    expect(
      healthEventOf({ kind: "not-modified", url: "u", finalUrl: "u", etag: null, lastModified: null }).kind,
    ).toBe("success");
    expect(healthEventOf({ kind: "refused", url: "u", reason: "r" })).toEqual({
      kind: "failure",
      reason: "r",
    });
    expect(healthEventOf({ kind: "retry-later", url: "u", status: 429, notBefore: 5, reason: "r" })).toEqual({
      kind: "failure",
      reason: "r",
      notBefore: 5,
    });
  });
});
