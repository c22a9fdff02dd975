/**
 * The README's examples as data. An example is a fenced block whose info string names the
 * platforms it runs on after its language word, and "moderator" when a moderator types it:
 *
 *   ```text telegram console moderator
 *   > /schedule post 000_df19e6179d96e4ae in 2h
 *   will be posted here
 *   ```
 *
 * A line starting with "> " is typed; the lines under it are key phrases of the answer, each of
 * which must appear in it ("…" in a phrase stands for any text in between). `k7qm`, the README's
 * sample schedule id, stands for the id of the last schedule the block created.
 */

export const PLATFORMS = ["console", "telegram", "discord"] as const;
export type PlatformName = (typeof PLATFORMS)[number];

/** The README's sample schedule id, replaced by a real one when the example runs. */
export const SAMPLE_ID = "k7qm";

export interface ExampleLine {
  input: string;
  expected: string[];
}

export interface Example {
  /** 1-based line of the opening fence in the README. */
  line: number;
  platforms: PlatformName[];
  moderator: boolean;
  lines: ExampleLine[];
  /** What is wrong with the block as an example (unknown words, a typed line without a result). */
  problems: string[];
}

export interface Fence {
  line: number;
  info: string;
  body: string[];
}

/** Every fenced block of a markdown text, with its info string. */
export function fences(markdown: string): Fence[] {
  const out: Fence[] = [];
  let open: Fence | null = null;
  markdown.split("\n").forEach((text, index) => {
    const fence = /^\s*```(.*)$/.exec(text);
    if (open === null) {
      if (fence) open = { line: index + 1, info: (fence[1] ?? "").trim(), body: [] };
    } else if (fence && (fence[1] ?? "").trim() === "") {
      out.push(open);
      open = null;
    } else {
      open.body.push(text);
    }
  });
  return out;
}

/** The blocks that are examples: their info string names at least one platform. */
export function examples(markdown: string): Example[] {
  return fences(markdown)
    .map((fence) => ({ fence, words: fence.info.split(/\s+/).slice(1) }))
    .filter(({ words }) => words.some((w) => (PLATFORMS as readonly string[]).includes(w)))
    .map(({ fence, words }) => toExample(fence, words));
}

function toExample(fence: Fence, words: string[]): Example {
  const problems: string[] = [];
  const platforms: PlatformName[] = [];
  let moderator = false;
  for (const word of words) {
    if ((PLATFORMS as readonly string[]).includes(word)) platforms.push(word as PlatformName);
    else if (word === "moderator") moderator = true;
    else problems.push(`unknown word "${word}" in the info string`);
  }
  const lines: ExampleLine[] = [];
  for (const text of fence.body) {
    if (text.startsWith("> ")) lines.push({ input: text.slice(2).trim(), expected: [] });
    else if (text.trim() === "") continue;
    else if (lines.length === 0) problems.push(`"${text}" comes before any typed line`);
    else lines[lines.length - 1]?.expected.push(text.trim());
  }
  for (const { input, expected } of lines)
    if (expected.length === 0) problems.push(`"${input}" shows no result to check`);
  if (lines.length === 0) problems.push("no typed line");
  return { line: fence.line, platforms, moderator, lines, problems };
}

/**
 * Every bot command line the README shows anywhere: typed lines of examples, lines of other
 * blocks that start with a command (or follow the try tool's "›" prompt, or are quoted after
 * `cli -- ask`), and inline code that is a whole command line: more than a command's name (which
 * prose uses as a name), no <placeholder>, [option] or |.
 */
export function shownCommandLines(markdown: string, commandNames: readonly string[]): string[] {
  const names = commandNames.join("|");
  const command = new RegExp(`^/(?:${names})(?:\\s|$)`);
  const shown: string[] = [];
  const inFences = new Set<number>();
  for (const fence of fences(markdown)) {
    fence.body.forEach((_, i) => {
      inFences.add(fence.line + 1 + i);
    });
    inFences.add(fence.line).add(fence.line + fence.body.length + 1);
    for (const text of fence.body) {
      const candidates = [
        /^>\s+(.*)$/.exec(text)?.[1],
        /›\s+(.*)$/.exec(text)?.[1],
        /\bask\s+"([^"]+)"/.exec(text)?.[1],
        text.trim(),
      ];
      const found = candidates.find((c) => c !== undefined && command.test(c.trim()));
      if (found) shown.push(found.trim().replace(/\s+#.*$/, ""));
    }
  }
  markdown.split("\n").forEach((text, index) => {
    if (inFences.has(index + 1)) return;
    for (const match of text.matchAll(/`([^`]+)`/g)) {
      const code = (match[1] ?? "").trim();
      if (command.test(code) && /\s/.test(code) && !/[<>[\]|…]/.test(code)) shown.push(code);
    }
  });
  return [...new Set(shown)];
}

/** Text as compared: every kind of space one space, no space at the ends. */
export function normalize(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** Whether the answer holds the phrase, "…" standing for any text in between. */
export function holds(answer: string, phrase: string): boolean {
  const parts = normalize(phrase)
    .split("…")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  let from = 0;
  const text = normalize(answer);
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** The plain text of Discord message bodies: content, embeds, buttons, markdown escapes undone. */
// biome-ignore lint/suspicious/noExplicitAny: recorded JSON
export function discordText(bodies: readonly any[]): string {
  const parts: string[] = [];
  for (const body of bodies) {
    parts.push(body.content ?? "");
    for (const embed of body.embeds ?? []) {
      parts.push(embed.title ?? "", embed.description ?? "");
      for (const field of embed.fields ?? []) parts.push(`${field.name}: ${field.value}`);
      parts.push(embed.footer?.text ?? "");
    }
    for (const row of body.components ?? [])
      for (const button of row.components ?? []) parts.push(button.label);
  }
  return parts
    .join("\n")
    .replace(/\*\*/g, "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
}
