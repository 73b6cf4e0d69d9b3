/**
 * Terraform front end: text → (hcl2json validates and parses expressions; the scanner
 * recovers order, comments and positions) → the source-neutral model.
 */
import { append } from "../../model/append.js";
import { createHash } from "node:crypto";
import { diagnostic, hasErrors, type Diagnostic } from "../../model/diagnostics.js";
import { transformExpr, type Expr } from "../../model/expr.js";
import type { SourceItem, SourceProgram } from "../../model/program.js";
import { parseExpressions, parseHcl, ParserDiedError } from "./hcl2json.js";
import { lowerExpr, lowerSimpleTemplate, lowerSimpleTraversal } from "./lower-expr.js";
import { textProblems } from "../text.js";
import { lowerFile } from "./lower.js";
import { LineIndex, scanHcl, ScanError, type ScannedAttribute, type ScannedBody } from "./scanner.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface ParseResult {
  readonly program: SourceProgram;
  readonly diagnostics: Diagnostic[];
}

/** Milliseconds by stage, filled when given. */
export type StageTimes = Record<string, number>;

function timed(t: StageTimes | undefined, stage: string, start: number): void {
  if (t) t[stage] = (t[stage] ?? 0) + performance.now() - start;
}

export async function parseTerraform(files: readonly SourceFile[], times?: StageTimes): Promise<ParseResult> {
  const diagnostics: Diagnostic[] = [];
  const items: SourceItem[] = [];
  const trailing: string[] = [];
  for (const f of files) {
    const parsed = await parseTerraformFile(f, diagnostics, times);
    if (!parsed) continue;
    append(items, parsed.items);
    append(trailing, parsed.trailing);
  }
  return { program: { format: "terraform", items, trailingComments: trailing }, diagnostics };
}

type ParsedFile = { readonly items: readonly SourceItem[]; readonly trailing: readonly string[] } | undefined;

/**
 * Files read again in this process (a local module is read by every root that calls it): the
 * second read keeps its result, later reads reuse it. Only the file's path and a hash of its text
 * are kept for a file read once. The results are frozen: they are shared.
 */
const readOnce = new Set<string>();
const readAgain = new Map<string, { readonly parsed: ParsedFile; readonly diags: readonly Diagnostic[] }>();
let readAgainBytes = 0;

async function parseTerraformFile(f: SourceFile, diags: Diagnostic[], times: StageTimes | undefined): Promise<ParsedFile> {
  const key = `${f.path}\u0000${createHash("sha1").update(f.text).digest("base64")}`;
  const known = readAgain.get(key);
  if (known) {
    append(diags, known.diags.map((d) => ({ ...d })));
    return known.parsed;
  }
  const own: Diagnostic[] = [];
  const parsed = await parseTerraformFileFresh(f, own, times);
  append(diags, own);
  // A file the parser's runtime died on is read afresh next time.
  if (own.some((d) => d.code === "PG1002")) return parsed;
  if (readOnce.has(key) && readAgainBytes + f.text.length < READ_AGAIN_LIMIT) {
    readAgain.set(key, { parsed: deepFreeze(parsed), diags: own.map((d) => ({ ...d })) });
    readAgainBytes += f.text.length;
  } else readOnce.add(key);
  return parsed;
}

const READ_AGAIN_LIMIT = 16 * 1024 * 1024;

/** Syntax errors reported one by one for a file; the rest are counted. */
export const MAX_SYNTAX_ERRORS = 20;

async function parseTerraformFileFresh(
  f: SourceFile,
  diags: Diagnostic[],
  times: StageTimes | undefined,
): Promise<{ items: SourceItem[]; trailing: readonly string[] } | undefined> {
  if (/\.tf\.json$/i.test(f.path)) {
    diags.push(diagnostic("PG2004", "error", "Terraform's JSON syntax (.tf.json) is not converted: nothing of the file is in the program", { file: f.path, line: 1, column: 1 }));
    return undefined;
  }
  const problems = textProblems(f.path, f.text);
  append(diags, problems);
  if (hasErrors(problems)) return undefined;
  // hcl2json is the authority on syntax: a file it rejects is reported with its position.
  let start = performance.now();
  let parsed: Awaited<ReturnType<typeof parseHcl>>;
  try {
    parsed = await parseHcl(f.path, f.text);
  } catch (e) {
    if (!(e instanceof ParserDiedError)) throw e;
    diags.push(diagnostic("PG1002", "error", `${e.message}: nothing of the file is converted (convert it again)`, { file: f.path, line: 1, column: 1 }));
    return undefined;
  }
  timed(times, "hcl2json.parse", start);
  if (!parsed.ok) {
    // One error a character in a file that is not HCL at all: the first ones, and how many more.
    for (const e of parsed.errors.slice(0, MAX_SYNTAX_ERRORS)) diags.push(diagnostic("PG1001", "error", e.message, { file: f.path, line: e.line, column: e.column }));
    const more = parsed.errors[MAX_SYNTAX_ERRORS];
    if (more) diags.push(diagnostic("PG1001", "error", `and ${parsed.errors.length - MAX_SYNTAX_ERRORS} more syntax errors from here on`, { file: f.path, line: more.line, column: more.column }));
    return undefined;
  }
  let tree: ScannedBody;
  start = performance.now();
  try {
    tree = scanHcl(f.text);
  } catch (e) {
    if (e instanceof ScanError) {
      diags.push(diagnostic("PG1001", "error", e.message, { file: f.path, line: e.line, column: e.column }));
      return undefined;
    }
    throw e;
  }
  timed(times, "scan", start);
  let values: Map<ScannedAttribute, Expr>;
  try {
    values = await parseValues(f, tree, diags, times);
  } catch (e) {
    if (!(e instanceof ParserDiedError)) throw e;
    diags.push(diagnostic("PG1002", "error", `${e.message}: nothing of the file is converted (convert it again)`, { file: f.path, line: 1, column: 1 }));
    return undefined;
  }
  start = performance.now();
  const items = lowerFile({ file: f.path, tree, values }, diags);
  timed(times, "lower", start);
  return { items, trailing: tree.dangling };
}

/** A value that needs no expression parser: a number, a bool, null, or a plain quoted string. */
function simpleLiteral(src: string): Expr | undefined {
  if (/^-?\d+(\.\d+)?$/.test(src)) return { kind: "literal", value: Number(src) };
  if (src === "true" || src === "false") return { kind: "literal", value: src === "true" };
  if (src === "null") return { kind: "literal", value: null };
  if (/^"[^"\\$%\n]*"$/.test(src)) return { kind: "literal", value: src.slice(1, -1) };
  return undefined;
}

async function parseValues(f: SourceFile, tree: ScannedBody, diags: Diagnostic[], times: StageTimes | undefined): Promise<Map<ScannedAttribute, Expr>> {
  const values = new Map<ScannedAttribute, Expr>();
  const pending: ScannedAttribute[] = [];
  const visit = (b: ScannedBody) => {
    for (const it of b.items) {
      if (it.kind === "block") visit(it.body);
      else {
        const src = f.text.slice(it.valueStart, it.valueEnd);
        const simple = simpleLiteral(src) ?? lowerSimpleTraversal(src) ?? lowerSimpleTemplate(src) ?? parsedAgain(src);
        if (simple) values.set(it, simple);
        else pending.push(it);
      }
    }
  };
  visit(tree);
  // Each text once (a file often repeats one: the same heredoc in every method); its other
  // occurrences get copies of what it lowered to.
  const byText = new Map<string, ScannedAttribute[]>();
  for (const a of pending) {
    const src = f.text.slice(a.valueStart, a.valueEnd);
    const same = byText.get(src);
    if (same) same.push(a);
    else byText.set(src, [a]);
  }
  const firsts = [...byText.values()].map((g) => g[0]!);
  // Batches of bounded size: one crossing into WASM per batch, none so large that the parser's
  // cost grows faster than its input (it does past a few hundred kilobytes).
  let from = 0;
  while (from < firsts.length) {
    let to = from;
    for (let bytes = 0; to < firsts.length && (to === from || bytes < BATCH_BYTES); to++) bytes += firsts[to]!.valueEnd - firsts[to]!.valueStart;
    await parseBatch(f, firsts.slice(from, to), values, diags, times);
    from = to;
  }
  for (const [first, ...rest] of byText.values()) {
    if (!first || !rest.length) continue;
    const v = values.get(first)!;
    // A text the parser did not understand is read again at each place, so that each has its diagnostic.
    if (v.kind === "unsupported" && v.reason === UNPARSED) await parseBatch(f, rest, values, diags, times);
    else for (const a of rest) values.set(a, transformExpr(v, (x) => x));
  }
  return values;
}

const BATCH_BYTES = 64 * 1024;

/**
 * Expressions already parsed in this process, by their source text: the lowered value depends on
 * nothing else (no positions), so the same text in another file or another root (`"${var.name}-
 * bucket"` in every environment of a monorepo) is not sent to the parser again. Values are frozen:
 * they are shared.
 */
const parsedBefore = new Map<string, Expr>();
let parsedBytes = 0;
const PARSED_LIMIT = 32 * 1024 * 1024;

/**
 * A copy of what `src` lowered to before: every occurrence is its own tree (later stages key
 * what they learn about an expression by the object, and one text can mean different things in
 * different scopes, as `each.value` does in two loops).
 */
function parsedAgain(src: string): Expr | undefined {
  const hit = parsedBefore.get(src);
  return hit && transformExpr(hit, (x) => x);
}

function remember(src: string, e: Expr): Expr {
  if (parsedBytes + src.length > PARSED_LIMIT) return e;
  parsedBytes += src.length;
  parsedBefore.set(src, deepFreeze(e));
  return e;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

async function parseBatch(f: SourceFile, pending: readonly ScannedAttribute[], values: Map<ScannedAttribute, Expr>, diags: Diagnostic[], times: StageTimes | undefined): Promise<void> {
  const sources = pending.map((a) => f.text.slice(a.valueStart, a.valueEnd));
  let start = performance.now();
  const batch = await parseExpressions(f.path, sources);
  timed(times, "hcl2json.expressions", start);
  if ("asts" in batch) {
    start = performance.now();
    batch.asts.forEach((ast, i) => {
      const a = pending[i]!;
      if (!ast) values.set(a, unparsed(sources[i]!));
      else values.set(a, remember(sources[i]!, lowerExpr(ast, { source: batch.tuple })));
    });
    timed(times, "lower", start);
    return;
  }
  // The batch failed: parse one by one so that only the bad value is lost, with its place.
  const lines = new LineIndex(f.text);
  for (let i = 0; i < pending.length; i++) {
    const one = await parseExpressions(f.path, [sources[i]!]);
    const a = pending[i]!;
    if ("asts" in one && one.asts[0]) values.set(a, lowerExpr(one.asts[0], { source: one.tuple }));
    else {
      const pos = lines.position(a.valueStart);
      diags.push(diagnostic("PG2006", "warning", `expression not understood: ${"error" in one ? one.error.message : "no syntax tree"}`, { file: f.path, ...pos }));
      values.set(a, unparsed(sources[i]!));
    }
  }
}

const UNPARSED = "expression not understood";

function unparsed(text: string): Expr {
  return { kind: "unsupported", text, reason: UNPARSED };
}
