import { describe, expect, it } from "vitest";
import { parseRobots, robotsAllows } from "../../../src/sources/fetch-robots.js";

const allows = (text: string, path: string) => robotsAllows(parseRobots(text, "newsdesk"), path);

describe("robots.txt", () => {
  it("GIVEN no rules or an empty Disallow THEN everything is allowed", () => {
    expect(allows("", "/a")).toBe(true);
    expect(allows("User-agent: *\nDisallow:\n", "/a")).toBe(true);
  });

  it("GIVEN a group naming us THEN it replaces the * group, even when it allows everything", () => {
    const text = "User-agent: *\nDisallow: /\n\nUser-agent: Newsdesk/1.0\nDisallow:\n";
    expect(allows(text, "/news/1")).toBe(true);
    expect(allows("User-agent: *\nDisallow: /\n\nUser-agent: otherbot\nAllow: /\n", "/news/1")).toBe(false);
  });

  it("GIVEN several user-agent lines and repeated groups THEN they share and merge rules", () => {
    const text =
      "User-agent: a\nUser-agent: newsdesk\nDisallow: /private\n\nUser-agent: newsdesk\nDisallow: /drafts\n";
    expect(allows(text, "/private/x")).toBe(false);
    expect(allows(text, "/drafts/y")).toBe(false);
    expect(allows(text, "/public")).toBe(true);
  });

  it("GIVEN Allow and Disallow THEN the longest match wins and Allow wins a tie", () => {
    const text =
      "User-agent: *\nDisallow: /pages/\nAllow: /pages/public\nDisallow: /pages/public/secret\nAllow: /same\nDisallow: /same\n";
    expect(allows(text, "/pages/x")).toBe(false);
    expect(allows(text, "/pages/public/y")).toBe(true);
    expect(allows(text, "/pages/public/secret/z")).toBe(false);
    expect(allows(text, "/same")).toBe(true);
  });

  it("GIVEN * and $ THEN they match any run and the end", () => {
    const text = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\nAllow: /*.pdf$keep\n";
    expect(allows(text, "/docs/a.pdf")).toBe(false);
    expect(allows(text, "/docs/a.pdf?x=1")).toBe(true);
    expect(allows(text, "/list?session=42")).toBe(false);
    expect(allows(text, "/list?page=2")).toBe(true);
  });

  it("GIVEN comments, odd case, CRLF and percent-escapes THEN they are read as the RFC says", () => {
    const text = "# hello\r\nUSER-AGENT: *  # all\r\ndisallow: /caf%c3%a9 # no\r\nDisallow: /%7Euser\r\n";
    expect(allows(text, "/caf%C3%A9/menu")).toBe(false);
    expect(allows(text, "/~user/home")).toBe(false);
    expect(allows(text, "/robots.txt")).toBe(true);
  });
});
