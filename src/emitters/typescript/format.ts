/**
 * The program text formatted by prettier, so that output is what prettier prints on every input.
 * Prettier is loaded on first use (its import costs tens of milliseconds); a team's own prettier
 * configuration, resolved from where the output is written, is honoured by the caller passing it.
 */
import type { Options } from "prettier";

let prettier: Promise<typeof import("prettier")> | undefined;

export type FormatOptions = Pick<Options, "printWidth" | "tabWidth" | "useTabs" | "semi" | "singleQuote" | "quoteProps" | "trailingComma" | "bracketSpacing" | "arrowParens" | "endOfLine">;

/** Programs already formatted in this process (a module called by many roots prints the same component each time). */
const memo = new Map<string, string>();
let memoBytes = 0;
const MEMO_LIMIT = 64 * 1024 * 1024;

export async function formatProgram(code: string, options: FormatOptions = {}): Promise<string> {
  const key = `${JSON.stringify(options)}\u0000${code}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const text = await format(code, options);
  if (memoBytes + key.length + text.length < MEMO_LIMIT) {
    memo.set(key, text);
    memoBytes += key.length + text.length;
  }
  return text;
}

async function format(code: string, options: FormatOptions): Promise<string> {
  prettier ??= import("prettier");
  const p = await prettier;
  // babel-ts prints what the typescript parser prints for the code we emit (the corpus test
  // checks every output against the typescript parser) and loads and runs faster.
  return p.format(code, { ...options, parser: "babel-ts" });
}

/** The prettier options that apply to a file written at `file` (its `.prettierrc` and friends), if any. */
export async function resolveFormatOptions(file: string): Promise<FormatOptions> {
  prettier ??= import("prettier");
  const p = await prettier;
  const found = await p.resolveConfig(file, { editorconfig: true });
  return (found ?? {}) as FormatOptions;
}
