/**
 * How V8 compiles our JavaScript in a repository run. Every worker thread is an isolate of its
 * own, so each compiles the same converter, prettier and parser glue with V8's optimizing tier
 * (TurboFan) on V8's background threads; with one worker per core those threads take their time
 * from the workers themselves (a profile of 1,000 projects on 2 cores: ~23% of all samples in
 * TurboFan). A function is optimized once it has run through its interrupt budget (V8's default
 * 67,584 bytes of bytecode); with a budget ~15× that, only code that stays hot across many
 * projects is optimized. Measured on `npm run bench`'s 1,000-module repository, 2 workers,
 * alternating runs: 4.62–4.82 s with the default, 4.18–4.47 s with 1,000,000 (500,000 and
 * 2,000,000 within noise of it). A one-file conversion is not given it: its one thread leaves a
 * core free for the compiler, and there the higher budget is slower (a 0.94 MB template
 * 1.0 → 1.27 s).
 */
import { setV8Flags } from "../model/v8-flags.js";

export const WORKER_INTERRUPT_BUDGET = 1_000_000;

/** Sets the budget for this process (its worker threads share it) unless node was given one. */
export function tuneRepositoryRun(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => /^--interrupt[-_]budget=/.test(a))) return;
  setV8Flags(`--interrupt-budget=${WORKER_INTERRUPT_BUDGET}`);
}
