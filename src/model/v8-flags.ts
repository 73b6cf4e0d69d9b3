/**
 * V8 flags this process set for itself at run time (they are process-wide: worker threads share
 * them). Recorded in the environment, which worker threads started later inherit, because
 * anything keyed by what V8 was compiled under (the code cache) must know them.
 */
import { setFlagsFromString } from "node:v8";

const RECORD = "PULUMIGRATE_V8_FLAGS";

export function setV8Flags(flags: string): void {
  setFlagsFromString(flags);
  process.env[RECORD] = [process.env[RECORD], flags].filter(Boolean).join(" ");
}

/** The flags V8 runs under beyond its defaults, as far as this process can tell: node's own and those set here. */
export function v8Flags(): string {
  return [...process.execArgv, process.env[RECORD] ?? ""].join(" ").trim();
}
