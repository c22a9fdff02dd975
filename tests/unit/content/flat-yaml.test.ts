import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseFlatYaml } from "../../../src/content/flat-yaml.js";

// The fast path must give exactly what the YAML parser gives, or step aside (null).
const TAKEN = [
  'title: "Olivia Patel bets on stablecoin adoption"\nauthor: "Alice Evans"\ndate: 2019-10-08\ncategory: BITCOIN\ntags: [regulation, ethereum, mining]\nlang: en',
  "title: Le bitcoin franchit 100 000 $\nauthor: Nina Bardot\ntags: []\n# a comment line\n\nsource: https://example.org/a?b=c#frag",
  "title: 'Simple single quotes'\ntags: [\"a b\", 'c', d-e]\nsummary: He said \"hi\" to C# fans",
  "publish_at: 2026-01-01T09:00:00Z\ncategory:   spaced   value   ",
];
const DECLINED = [
  'title: "Budget"\u00a0', // a no-break space: an error for YAML, trimmed by JavaScript
  'tags: [\u00a0"Economy", b]',
  "title: Budget\u3000",
  "\ufefftitle: x",
  "null: x", // a null key for YAML
  "True: a\ntrue: b", // the same boolean key twice: an error for YAML
  `${"k".repeat(1025)}: x`, // over YAML's key length
  "title: 2024", // a number for YAML
  "title: true",
  "title: null",
  "title: ~",
  "title: 1.5e3",
  "tags:\n  - a\n  - b", // block list
  "title: a: b", // an error for YAML
  'title: "escaped \\" quote"',
  "title: 'it''s'",
  "title: x # trailing comment",
  "title: &anchor value",
  "title: *alias",
  "title: one\ntitle: two", // duplicate key: an error for YAML
  "tags: [a, [b]]",
  "tags: [a, b,]",
  "title: |\n  block",
  "  indented: value",
  "title:",
  "title:\tvalue",
  "__proto__: x",
];

describe("parseFlatYaml", () => {
  it.each(TAKEN)("reads %j as the YAML parser does", (text) => {
    const fast = parseFlatYaml(text);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parse(text));
  });

  it.each(DECLINED)("leaves %j to the YAML parser", (text) => {
    expect(parseFlatYaml(text)).toBeNull();
  });
});
