/**
 * The worker pool of a repository run, each worker's warm-up started with it (the parser, the
 * schemas and prettier load before any project's clock starts). The command line starts it as
 * its first step when the words say a repository run is coming (workers then load on the other
 * cores while this thread loads yargs and the rest); `migrate` takes that pool if it has the same
 * number of workers, and starts its own otherwise.
 */
import os from "node:os";
import { Piscina } from "piscina";
import type { Task, TaskResult } from "./worker.js";

export interface WarmPool {
  readonly pool: Piscina<Task, TaskResult>;
  readonly jobs: number;
  /** Every worker's warm-up (failures are the projects' to report, not this promise's). */
  readonly warm: Promise<unknown>;
}

/**
 * The workers a run gets: the number asked for (default one per core), at most four per core.
 * Each worker holds its own parser runtime, schemas and prettier (~100 MB), so `--jobs 1000`
 * would take the machine's memory for no gain; past the cores they only take turns.
 */
export function workerCount(requested?: number): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(requested ?? cores, 4 * cores));
}

const WARM: Task = { kind: "warm", source: "", out: "", name: "", stack: "", prettier: false, staging: "", force: false };

function startPool(jobs: number): WarmPool {
  const pool = new Piscina<Task, TaskResult>({ filename: new URL("./worker-start.js", import.meta.url).href, maxThreads: jobs, minThreads: jobs, idleTimeout: 500 });
  const warm = Promise.all(Array.from({ length: jobs }, () => pool.run(WARM).catch(() => undefined)));
  return { pool, jobs, warm };
}

let early: WarmPool | undefined;

/** Starts the pool ahead of the run (a guess from the command line; a wrong one costs background work). */
export function startPoolEarly(jobs: number): WarmPool {
  early ??= startPool(jobs);
  return early;
}

/** The pool started early with this many workers, taken once, or a new one (an early pool of another size is stopped). */
export function takePool(jobs: number): WarmPool {
  const found = early;
  early = undefined;
  if (found?.jobs === jobs) return found;
  if (found) void found.pool.destroy();
  return startPool(jobs);
}
