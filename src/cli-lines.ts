/**
 * Lines of a file for `cli summary --lines`, read as a stream with every line bounded: a file of
 * one endless line (or /dev/zero, which the caller refuses first) can no longer make the process
 * allocate until it aborts with std::bad_alloc.
 */
import { createReadStream } from "node:fs";

/**
 * Each line of the first `bytes` bytes of `file`, in order, without its line break ("\n" or
 * "\r\n"). A line longer than `maxChars` is cut there (the rest is skipped, not kept in memory)
 * and counted in `cut`.
 */
export async function* boundedLines(
  file: string,
  bytes: number,
  maxChars: number,
  cut: { lines: number } = { lines: 0 },
): AsyncGenerator<string> {
  if (bytes <= 0) return;
  let line = "";
  let skipping = false;
  const add = (part: string) => {
    if (skipping) return;
    const room = maxChars - line.length;
    if (part.length <= room) {
      line += part;
      return;
    }
    line += part.slice(0, room);
    skipping = true;
    cut.lines++;
  };
  for await (const chunk of createReadStream(file, { encoding: "utf8", end: bytes - 1 })) {
    const text = chunk as string;
    let from = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
      add(text.slice(from, nl));
      yield line.endsWith("\r") ? line.slice(0, -1) : line;
      line = "";
      skipping = false;
      from = nl + 1;
    }
    add(text.slice(from));
  }
  if (line.length > 0 || skipping) yield line.endsWith("\r") ? line.slice(0, -1) : line;
}
