import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { SourcesFileProblem } from "../../../src/domain/sources.js";
import type { SourceConfig } from "../../../src/sources/sources-file.js";
import { type SourcesFileWatch, watchSourcesFile } from "../../../src/sources/watch-sources-file.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { tempContent } from "../../helpers/temp-content.js";
import { waitFor } from "../../helpers/wait-for.js";

const folder = tempContent("newsdesk-sources-file-");
let watch: SourcesFileWatch | null = null;
afterEach(() => {
  watch?.close();
  watch = null;
});
afterAll(() => folder.remove());

function follow(path: string) {
  const rec = recordingLogger();
  const applied: { urls: string[]; problems: readonly SourcesFileProblem[] }[] = [];
  watch = watchSourcesFile({
    path,
    log: rec.log,
    onSources: (sources: readonly SourceConfig[], problems) =>
      applied.push({ urls: sources.map((s) => s.url), problems }),
  });
  const last = () => applied.at(-1);
  return { rec, applied, last };
}

describe("following the sources file", () => {
  it("GIVEN edits THEN each is applied; a broken one keeps the last good set and the log says why, with the line", async () => {
    const path = join(folder.dir, "sources.yml");
    writeFileSync(path, "sources:\n  - url: https://a.example/feed\n");
    const { rec, applied, last } = follow(path);
    await waitFor(() => last()?.urls.length === 1, { what: "the first reading" });

    // An editor's save: a new file renamed over the old one.
    writeFileSync(
      `${path}.tmp`,
      "sources:\n  - url: https://a.example/feed\n  - url: https://b.example/feed\n",
    );
    renameSync(`${path}.tmp`, path);
    await waitFor(() => last()?.urls.length === 2, { what: "the second source" });

    const readings = applied.length;
    writeFileSync(path, "sources:\n  - url: https://a.example/feed\n  - url: [oops\n");
    const warned = await rec.waitForLine(/keeping the last good set/);
    expect(warned.level).toBe("warn");
    expect(rec.find(/line 3: not valid YAML|line 4: not valid YAML/)).toBeDefined();
    expect(applied).toHaveLength(readings);

    // One bad entry among good ones: the good ones apply, the bad one is named with its line.
    writeFileSync(
      path,
      "sources:\n  - url: https://c.example/feed\n  - url: https://d.example/feed\n    interval: 1\n",
    );
    await waitFor(() => last()?.urls.join() === "https://c.example/feed", { what: "the fixed file" });
    expect(last()?.problems).toEqual([{ line: 4, message: expect.stringMatching(/at least 5 minutes/) }]);
    expect(rec.find(/line 4: interval must be at least 5 minutes/)?.level).toBe("warn");
  });

  it("GIVEN no file at start THEN no sources, and creating it later starts them", async () => {
    const path = join(folder.dir, "later.yml");
    rmSync(path, { force: true });
    const { rec, last } = follow(path);
    await waitFor(() => last() !== undefined, { what: "the first reading" });
    expect(last()?.urls).toEqual([]);
    expect(rec.find(/no sources file/)?.level).toBe("info");
    writeFileSync(path, "- url: https://a.example/feed\n");
    await waitFor(() => last()?.urls.length === 1, { what: "the file created" });
  });
});
