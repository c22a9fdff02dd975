/** The parse worker's thread (see ParseWorker in ./parse-files.ts): files in, parsed articles out. */
import { parentPort } from "node:worker_threads";
import { type FileToParse, parseFiles } from "./parse-files.js";

parentPort?.on("message", async (request: { id: number; files: FileToParse[] }) => {
  parentPort?.postMessage({ id: request.id, out: await parseFiles(request.files) });
});
