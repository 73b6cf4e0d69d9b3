/**
 * The program text formatted by prettier, so that output is what prettier prints on every input.
 * Prettier is loaded on first use (its import costs tens of milliseconds); a team's own prettier
 * configuration, resolved from where the output is written, is honoured by the caller passing it.
 */
import type { Options } from "prettier";
import { cachedFormat } from "./format-cache.js";
import { formatWithCore, prettierModule } from "./prettier.js";
import { mayHaveConfig } from "./prettier-config.js";
import { splitStatements, STATEMENT_BREAK } from "./program.js";
import { fill, layoutOf, shapeOf, type Layout, type Shape } from "./shape.js";

export type FormatOptions = Pick<Options, "printWidth" | "tabWidth" | "useTabs" | "semi" | "singleQuote" | "quoteProps" | "trailingComma" | "bracketSpacing" | "arrowParens" | "endOfLine">;

/**
 * Prettier's own layout options: none of them reorders, adds or drops names or strings, so a
 * statement formats as its shape does. A configuration with anything else (a plugin that sorts
 * keys or imports, an option of a newer prettier) formats each statement as it is.
 */
const LAYOUT_OPTIONS = new Set([
  "printWidth", "tabWidth", "useTabs", "semi", "singleQuote", "jsxSingleQuote", "quoteProps", "trailingComma", "bracketSpacing",
  "bracketSameLine", "objectWrap", "arrowParens", "endOfLine", "experimentalTernaries", "experimentalOperatorPosition",
  "embeddedLanguageFormatting", "singleAttributePerLine", "proseWrap", "htmlWhitespaceSensitivity", "vueIndentScriptAndStyle",
]);

/** Whether statements are formatted by shape under these options (see {@link LAYOUT_OPTIONS}). */
export function formatsByShape(options: object): boolean {
  return Object.keys(options).every((k) => LAYOUT_OPTIONS.has(k));
}

/** Layouts formatted in this process: a table per set of options, keyed by shape text (or by the text, without a shape), within one bound. */
class Layouts {
  private readonly byOptions = new Map<string, Map<string, Layout>>();
  private bytes = 0;

  table(options: FormatOptions): Map<string, Layout> {
    const key = JSON.stringify(options);
    let t = this.byOptions.get(key);
    if (!t) this.byOptions.set(key, (t = new Map()));
    return t;
  }

  keep(table: Map<string, Layout>, key: string, laid: Layout): void {
    if (this.bytes + key.length + laid.text.length >= MEMO_LIMIT) return;
    table.set(key, laid);
    this.bytes += key.length + laid.text.length;
  }
}

const MEMO_LIMIT = 64 * 1024 * 1024;

/** Whole programs (a module called by many roots prints the same component each time). */
const programs = new Layouts();

export async function formatProgram(code: string, options: FormatOptions = {}): Promise<string> {
  const shape = formatsByShape(options) ? shapeOf(code) : undefined;
  const key = shape?.text ?? code;
  const table = programs.table(options);
  let laid = table.get(key);
  if (laid === undefined) {
    laid = layoutOf(await format(key, options), shape !== undefined);
    programs.keep(table, key, laid);
  }
  return fill(laid, shape) ?? (await format(code, options));
}

/**
 * Text prettier formats as another language when the whole package prints it: templates tagged
 * `css`, `graphql`, `html`, `markdown`… or after a `/* GraphQL *\/` comment, and Angular's
 * component templates. The core has only the TypeScript printer; our programs have none of these,
 * and a text that might is formatted by the whole package (a false alarm costs only time).
 */
const EMBEDDED = /\b(?:css|keyframes|injectGlobal|createGlobalStyle|graphql|gql|html|markdown|md)\s*`|\bstyled\b|\/\*\s*(?:GraphQL|HTML)\s*\*\/|@Component\b/;

/** Prettier's core under its own layout options; the whole package under anything else (a plugin) or for embedded languages. */
async function format(code: string, options: FormatOptions): Promise<string> {
  if (formatsByShape(options) && !EMBEDDED.test(code)) return cachedFormat(code, options, () => formatWithCore(code, options));
  const p = await prettierModule();
  return p.format(code, { ...options, parser: "babel-ts" });
}

/** The prettier options that apply to a file written at `file` (its `.prettierrc` and friends), if any. */
export async function resolveFormatOptions(file: string): Promise<FormatOptions> {
  // Where there can be none, prettier's whole package is not loaded to say so.
  if (!mayHaveConfig(file)) return {};
  const p = await prettierModule();
  const found = await p.resolveConfig(file, { editorconfig: true });
  return (found ?? {}) as FormatOptions;
}

/** Top-level statements (programs share many: the same resource written in many roots, or many of one kind in one). */
const statementLayouts = new Layouts();

/**
 * A program formatted statement by statement: the shapes of top-level statements ({@link shapeOf})
 * no earlier statement had are formatted together in one prettier call (prettier lays out each
 * top-level statement on its own, so the text is what formatting the whole file gives; the
 * corpus and golden tests compare it with prettier's output for the whole file), the others come
 * from the memo; each statement is its shape's layout with its own names and strings. The
 * statement markers stay between them, for `spaceStatements`.
 */
export async function formatStatements(code: string, options: FormatOptions = {}): Promise<string> {
  const chunks = splitStatements(code);
  const statements = statementLayouts.table(options);
  // Each statement's shape, or (text without a shape) the statement itself.
  const byShape = formatsByShape(options);
  const shapes = chunks.map((c) => (/\S/.test(c) ? { chunk: c, shape: byShape ? shapeOf(c) : undefined } : undefined));
  const keyOf = (s: { chunk: string; shape: Shape | undefined }) => s.shape?.text ?? s.chunk;
  const missing = new Map<string, boolean>();
  for (const s of shapes) if (s && !statements.has(keyOf(s))) missing.set(keyOf(s), s.shape !== undefined);
  const local = new Map<string, Layout>();
  if (missing.size) {
    const texts = [...missing.keys()];
    const pieces = splitAtMarkers(await format(texts.join(`\n${STATEMENT_BREAK}\n`), options));
    if (pieces.length !== texts.length) throw new Error("internal error: statement markers lost in formatting");
    texts.forEach((text, i) => {
      const laid = layoutOf(pieces[i]!, missing.get(text)!);
      local.set(text, laid);
      statementLayouts.keep(statements, text, laid);
    });
  }
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const s = shapes[i];
    if (!s) {
      out.push("");
      continue;
    }
    const laid = local.get(keyOf(s)) ?? statements.get(keyOf(s))!;
    // A shape whose placeholders did not come back whole is formatted as it is (never expected).
    out.push(fill(laid, s.shape) ?? splitAtMarkers(await format(s.chunk, options))[0]!);
  }
  return out.join(`\n${STATEMENT_BREAK}\n`) + "\n";
}

/** The text between marker lines, each without the blank lines around it. */
function splitAtMarkers(text: string): string[] {
  return splitStatements(text).map(trimNewlines);
}

/** Without the newlines it starts and ends with (white space on those lines stays, as prettier leaves none there). */
function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === "\n") start++;
  while (end > start && text[end - 1] === "\n") end--;
  return text.slice(start, end);
}
