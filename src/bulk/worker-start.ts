/**
 * The module piscina runs in each worker thread: the worker (worker.ts) bundled into one file at
 * build time (`worker.bundle.cjs`, scripts/bundle.mjs) and run through V8's code cache, as the
 * command line is (src/cli.ts): a worker then starts in tens of milliseconds instead of loading
 * some 80 modules, each on its own, while the other workers and the main thread do the same.
 * Without the bundle (or with `PULUMIGRATE_NO_BUNDLE=1`) the modules are imported as they are.
 */
import { fileURLToPath } from "node:url";
import { loadBundle } from "../emitters/typescript/code-cache.js";
import type { Task, TaskResult } from "./worker.js";

type Run = (task: Task) => Promise<TaskResult>;

const loaded = loadBundle(fileURLToPath(new URL("../worker.bundle.cjs", import.meta.url)));
let run: Run;
if (loaded) {
  const bundled = (loaded.exports as { default: Run }).default;
  let saved = false;
  run = async (task) => {
    const result = await bundled(task);
    // After the first task (the warm-up conversion), so that the entry holds what converting compiles.
    if (!saved) {
      saved = true;
      loaded.save();
    }
    return result;
  };
} else run = ((await import("./worker.js")) as { default: Run }).default;

export default run;
