import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

/** The sources' two settings: where the sources file is, and the address guard's switch. */
describe("sources settings", () => {
  it("GIVEN nothing, or empty values THEN ./sources.yml and the address guard on", () => {
    expect(loadConfig({})).toMatchObject({ SOURCES_FILE: "./sources.yml", FETCH_ALLOW_PRIVATE: false });
    expect(loadConfig({ SOURCES_FILE: " " })).toMatchObject({ SOURCES_FILE: "./sources.yml" });
  });

  it("GIVEN values THEN they are read; a switch that is not true or false THEN refused by name", () => {
    expect(
      loadConfig({ SOURCES_FILE: "/etc/newsdesk/feeds.yml", FETCH_ALLOW_PRIVATE: "true" }),
    ).toMatchObject({
      SOURCES_FILE: "/etc/newsdesk/feeds.yml",
      FETCH_ALLOW_PRIVATE: true,
    });
    expect(() => loadConfig({ FETCH_ALLOW_PRIVATE: "yes" })).toThrow(ConfigError);
    expect(() => loadConfig({ FETCH_ALLOW_PRIVATE: "yes" })).toThrow(/FETCH_ALLOW_PRIVATE/);
  });
});
