/**
 * The program text formatted by prettier, so that output is what prettier prints on every input.
 * Prettier is loaded on first use (its import costs tens of milliseconds); a team's own prettier
 * configuration, resolved from where the output is written, is honoured by the caller passing it.
 */
import type { Options } from "prettier";
import { STATEMENT_BREAK } from "./program.js";

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

/** Formatted top-level statements, by their raw text (programs share many: the same resource written in many roots). */
const statements = new Map<string, string>();
let statementBytes = 0;

/**
 * A program formatted statement by statement: the top-level statements no earlier program had
 * are formatted together in one prettier call (prettier lays out each top-level statement on its
 * own, so the text is what formatting the whole file gives; the corpus and golden tests compare
 * it with prettier's output for the whole file), the others come from the memo. The statement
 * markers stay between them, for `spaceStatements`.
 */
export async function formatStatements(code: string, options: FormatOptions = {}): Promise<string> {
  const chunks: string[] = [];
  let current: string[] = [];
  for (const line of code.split("\n")) {
    if (line.trim() === STATEMENT_BREAK) {
      chunks.push(current.join("\n"));
      current = [];
    } else current.push(line);
  }
  chunks.push(current.join("\n"));
  const prefix = `${JSON.stringify(options)}\u0000`;
  const missing = [...new Set(chunks.filter((c) => c.trim() !== "" && !statements.has(prefix + c)))];
  if (missing.length) {
    const formatted = await format(missing.join(`\n${STATEMENT_BREAK}\n`), options);
    const pieces = splitAtMarkers(formatted);
    if (pieces.length !== missing.length) throw new Error("internal error: statement markers lost in formatting");
    missing.forEach((c, i) => {
      if (statementBytes < MEMO_LIMIT) {
        statements.set(prefix + c, pieces[i]!);
        statementBytes += c.length + pieces[i]!.length;
      }
    });
    const local = new Map(missing.map((c, i) => [c, pieces[i]!]));
    return chunks.map((c) => (c.trim() === "" ? "" : (local.get(c) ?? statements.get(prefix + c)!))).join(`\n${STATEMENT_BREAK}\n`) + "\n";
  }
  return chunks.map((c) => (c.trim() === "" ? "" : statements.get(prefix + c)!)).join(`\n${STATEMENT_BREAK}\n`) + "\n";
}

/** The text between marker lines, each without the blank lines around it. */
function splitAtMarkers(text: string): string[] {
  const out: string[][] = [[]];
  for (const line of text.split("\n")) {
    if (line.trim() === STATEMENT_BREAK) out.push([]);
    else out[out.length - 1]!.push(line);
  }
  return out.map((lines) => lines.join("\n").replace(/^\n+|\n+$/g, ""));
}
