/**
 * The program text formatted by prettier, so that output is what prettier prints on every input.
 * Prettier is loaded on first use (its import costs tens of milliseconds); a team's own prettier
 * configuration, resolved from where the output is written, is honoured by the caller passing it.
 */
import type { Options } from "prettier";

let prettier: Promise<typeof import("prettier")> | undefined;

export type FormatOptions = Pick<Options, "printWidth" | "tabWidth" | "useTabs" | "semi" | "singleQuote" | "quoteProps" | "trailingComma" | "bracketSpacing" | "arrowParens" | "endOfLine">;

export async function formatProgram(code: string, options: FormatOptions = {}): Promise<string> {
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
