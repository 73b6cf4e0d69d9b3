/**
 * The boundary with `@cdktf/hcl2json`. It is loaded only when there is HCL to read (loading
 * starts its WASM runtime), and its untyped answers are checked here before anyone uses them.
 */
import type { TFExpressionSyntaxTree } from "@cdktf/hcl2json";
import { createRequire } from "node:module";
import { setV8Flags } from "../../model/v8-flags.js";

export type HclAst = TFExpressionSyntaxTree.ExpressionType;

type Hcl2Json = typeof import("@cdktf/hcl2json");
let loaded: Hcl2Json | undefined;
const require = createRequire(import.meta.url);

/** The library, loaded (and its WASM runtime started) on first use. */
function library(): Hcl2Json {
  loaded ??= require("@cdktf/hcl2json") as Hcl2Json;
  return loaded;
}

/**
 * V8's budget before a WASM function is recompiled by its optimizing tier (its default is
 * 1,800,000). The Go runtime inside hcl2json runs a great deal of code once, at start-up, and
 * with the default budget V8 optimizes much of it on its background threads: on 2 cores that
 * competes with the parse itself and the process then waits for the compiler at exit (a bare
 * parse of a 113-line file: ~750 ms with the default, ~430 ms with this one; 200 files ~1.9 →
 * 1.3 s; a 1.33 MB file ~4.1 → 2.7 s). With a hundredfold budget only code that stays hot is
 * optimized.
 */
export const WASM_TIERING_BUDGET = 180_000_000;

/**
 * Below this much HCL in one run, V8's optimizing WASM tier is left out altogether
 * (`--liftoff-only`): a small input never runs long enough for optimized code to pay for its
 * compilation, which still takes the second core during the parse and holds the process at exit
 * (V8's platform finishes a compile job in flight before the process ends: 30–110 ms after the
 * output of a one-file run). Measured through the CLI, `--no-format`: 34 KB 777 → 628 ms, 136 KB
 * 1.30 → 1.09 s, 341 KB 2.10 s either way, 1.33 MB 5.0 → 6.6 s (so above it the budget stays).
 */
export const LIFTOFF_ONLY_BELOW = 256 * 1024;

/** The V8 flags the command line runs the parser under, for a run that reads `hclBytes` of HCL (undefined: unknown, or many projects). */
export function parserRuntimeFlags(hclBytes?: number): string {
  return hclBytes !== undefined && hclBytes < LIFTOFF_ONLY_BELOW ? "--liftoff-only" : `--wasm-tiering-budget=${WASM_TIERING_BUDGET}`;
}

/**
 * Sets V8's WASM tiers for this process ({@link parserRuntimeFlags}: no optimizing tier for a
 * small input, else the raised budget of {@link WASM_TIERING_BUDGET}), before the parser's WASM
 * compiles. A process-wide setting: the command line calls it for its own process (its worker
 * threads share it); the library never does, and WASM tiering flags given to node itself are kept.
 */
export function tuneParserRuntime(execArgv: readonly string[] = process.execArgv, hclBytes?: number): void {
  if (loaded || execArgv.some((a) => /^--(no[-_]?)?(wasm[-_]tiering[-_]budget|liftoff|wasm[-_]dynamic[-_]tiering)/.test(a))) return;
  setV8Flags(parserRuntimeFlags(hclBytes));
}

/**
 * Starts the parser's WASM runtime without waiting for it: its compilation runs on V8's
 * background threads, so a caller that knows HCL is coming starts it before its other loading.
 */
export function startParser(): void {
  library();
}

/**
 * The parser runs as a Go program inside WASM; that runtime can die (`fatal error: found bad
 * pointer in Go heap`), after which every call answers `Go program has already exited`. Such an
 * answer is never a verdict on the input: the library is loaded afresh (a new Go runtime) and
 * the call is made once more; a second death is reported as one, never as a syntax error.
 */
export class ParserDiedError extends Error {}

const DEAD = /Go program has already exited|fatal error:|found bad pointer in Go heap|wasm.*(unreachable|out of bounds)/i;

function restart(): void {
  for (const id of Object.keys(require.cache)) if (/[\\/]@cdktf[\\/]hcl2json[\\/]/.test(id)) delete require.cache[id];
  loaded = undefined;
}

let simulatedDeaths = 0;

async function call<T>(f: (lib: Hcl2Json) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (simulatedDeaths > 0 && attempt > 0) {
        simulatedDeaths--;
        throw new Error("Go program has already exited");
      }
      return await f(library());
    } catch (e) {
      if (!DEAD.test(e instanceof Error ? e.message : String(e))) throw e;
      restart();
      if (attempt > 0) throw new ParserDiedError("the HCL parser's runtime died twice on this file");
    }
  }
}

/**
 * For tests: makes the running parser answer as a dead Go runtime does (its exported functions
 * throw `Go program has already exited`, as wasm_exec's do after the program exits), so that only
 * a restart recovers; with `deaths` > 1 the restarted runtimes die too, that many times in all.
 */
export function killParserForTesting(deaths = 1): void {
  simulatedDeaths = deaths - 1;
  const root = (globalThis as { __parse_terraform_config_wasm__?: Record<string, unknown> }).__parse_terraform_config_wasm__;
  if (!root) return;
  for (const k of Object.keys(root)) {
    if (typeof root[k] === "function") {
      root[k] = () => {
        throw new Error("Go program has already exited");
      };
    }
  }
}

export interface HclSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Parses a whole file; a syntax error comes back as data with its position. */
export async function parseHcl(
  filename: string,
  text: string,
): Promise<{ ok: true; json: Record<string, unknown> } | { ok: false; errors: HclSyntaxError[] }> {
  try {
    const json: unknown = await call((lib) => lib.parse(filename, text));
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
      return { ok: false, errors: [{ message: "the HCL parser returned no document", line: 1, column: 1 }] };
    }
    return { ok: true, json: json as Record<string, unknown> };
  } catch (e) {
    if (e instanceof ParserDiedError) throw e;
    // The stack ran out inside the parser's bridge: brackets nested thousands deep. The Go runtime
    // was interrupted mid-call, so later files get a fresh one.
    if (e instanceof RangeError) {
      restart();
      return { ok: false, errors: [{ message: "expressions nested too deep for the HCL parser (it ran out of stack); nothing of the file is converted", line: 1, column: 1 }] };
    }
    return { ok: false, errors: syntaxErrors(e, filename) };
  }
}

/**
 * hcl2json reports `parse config: [file:2,17-3,1: Summary; Detail. file:3,2-4,1: …]` (HCL's
 * diagnostics, joined): each becomes one located error.
 */
export function syntaxErrors(e: unknown, filename: string): HclSyntaxError[] {
  const text = (e instanceof Error ? e.message : String(e)).replace(/^parse config: \[/, "").replace(/\]\s*$/, "");
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const marker = new RegExp(`${escaped}:(\\d+),(\\d+)(?:-[\\d,]+)?: `, "g");
  const found: HclSyntaxError[] = [];
  const starts = [...text.matchAll(marker)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : text.length;
    const message = text.slice(m.index + m[0].length, end).trim();
    if (!found.some((f) => f.line === Number(m[1]) && f.column === Number(m[2]))) {
      found.push({ message, line: Number(m[1]), column: Number(m[2]) });
    }
  });
  return found.length ? found : [{ message: text.trim() || "syntax error", line: 1, column: 1 }];
}

/**
 * Parses many expressions in one crossing into WASM: they are joined into one tuple
 * `[e1,\ne2,\n…]`, and the tuple's children come back in order. Ranges in the result are
 * relative to the tuple; `offsets[i]` is the byte offset at which expression i starts.
 */
export async function parseExpressions(
  filename: string,
  sources: readonly string[],
): Promise<{ asts: (HclAst | undefined)[]; tuple: Buffer; offsets: number[] } | { error: HclSyntaxError }> {
  let text = "[\n";
  const offsets: number[] = [];
  for (const src of sources) {
    offsets.push(Buffer.byteLength(text));
    // A heredoc's closing marker must be alone on its line, so every element ends with a newline.
    text += src + "\n,\n";
  }
  text += "]";
  try {
    const ast = await call((lib) => lib.getExpressionAst(filename, text));
    if (!ast || ast.type !== "tuple" || ast.children.length !== sources.length) {
      return { error: { message: "the HCL expression parser returned an unexpected shape", line: 1, column: 1 } };
    }
    return { asts: ast.children, tuple: Buffer.from(text), offsets };
  } catch (e) {
    if (e instanceof ParserDiedError) throw e;
    return { error: syntaxErrors(e, filename)[0]! };
  }
}
