import { describe, expect, it } from "vitest";
import { ActionCodec } from "../../../src/framework/actions.js";

describe("ActionCodec", () => {
  it("GIVEN a short action THEN it round-trips inline within the byte budget", () => {
    const codec = new ActionCodec(64);
    const action = { command: "article", args: { article: "000_df19e6179d96e4ae", part: "2" } };
    const data = codec.encode(action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(new ActionCodec(64).decode(data)).toEqual(action);
  });

  it("GIVEN a subcommand THEN it survives the round trip", () => {
    const codec = new ActionCodec(64);
    const action = { command: "schedule", subcommand: "cancel", args: { id: "7" } };
    expect(codec.decode(codec.encode(action))).toEqual(action);
  });

  it("GIVEN a long action THEN a short key stands for it in this process only", () => {
    const codec = new ActionCodec(64);
    const action = { command: "article", args: { article: "é".repeat(60) } };
    const data = codec.encode(action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(codec.decode(data)).toEqual(action);
    expect(new ActionCodec(64).decode(data)).toBeNull();
  });

  it("GIVEN foreign data THEN decode says so", () => {
    expect(new ActionCodec(64).decode("garbage")).toBeNull();
  });
});
