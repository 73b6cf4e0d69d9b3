/**
 * The helper functions a converted program may carry, read from the source of the files in
 * this folder: each top-level declaration (with its doc comment) is one helper, emitted once at
 * the top of a program that calls it, together with the helpers and Node modules it uses. The
 * files are ordinary, type-checked TypeScript, so what a program carries is what the tests run.
 */
import fs from "node:fs";

const FILES = ["strings", "encoding", "collections", "numbers", "network", "dates", "hashing", "files", "regex", "aws"] as const;

/** Node modules a helper may use, imported by the program as `import * as m from "m"`. */
export const NODE_MODULES = ["crypto", "fs", "os", "path", "util", "zlib"] as const;
export type NodeModule = (typeof NODE_MODULES)[number];

export interface Helper {
  readonly name: string;
  /** The declaration as printed into a program (no `export`). */
  readonly text: string;
  /** Other helpers it refers to. */
  readonly uses: readonly string[];
  readonly modules: readonly NodeModule[];
  /** Position in the catalog: helpers print in this order. */
  readonly order: number;
}

let catalog: ReadonlyMap<string, { readonly text: string; readonly order: number }> | undefined;

function source(file: string): string {
  // In the source tree the helpers are `.ts` files; the build copies them next to the compiled code as text.
  for (const ext of [".ts", ".ts.txt"]) {
    const url = new URL(`./${file}${ext}`, import.meta.url);
    if (fs.existsSync(url)) return fs.readFileSync(url, "utf8");
  }
  throw new Error(`internal error: helper source ${file} is missing`);
}

const DECLARATION = /^(?:export )?(?:function|const|interface|type) ([A-Za-z_$][\w$]*)/;

/** Splits a helper file into its top-level declarations, each with the doc comment right above it. */
export function declarations(text: string): { name: string; text: string }[] {
  const lines = text.split("\n");
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = DECLARATION.exec(lines[i]!);
    if (!m) continue;
    let start = i;
    if (lines[i - 1]?.trimEnd().endsWith("*/")) {
      start = i - 1;
      while (start > 0 && !lines[start]!.startsWith("/**")) start--;
    }
    let end = i;
    if (!/[;}]\s*$/.test(lines[i]!) || /[{(]\s*$/.test(lines[i]!)) {
      while (end < lines.length && !/^[})\]]/.test(lines[end]!)) end++;
    }
    out.push({ name: m[1]!, text: lines.slice(start, end + 1).join("\n").replace(/^export /m, "") });
    i = end;
  }
  return out;
}

/** The code of a declaration without comments and without the text of its string literals. */
function code(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i + 2) + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      // A template literal keeps its `${…}` parts, which are code.
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === "\\") i++;
        else if (c === "`" && text[i] === "$" && text[i + 1] === "{") {
          let depth = 0;
          for (i += 2; i < text.length && !(text[i] === "}" && depth === 0); i++) {
            if (text[i] === "{") depth++;
            if (text[i] === "}") depth--;
            out += text[i];
          }
          out += " ";
        }
      }
      out += '""';
    } else out += c;
  }
  return out;
}

/** Every helper's name, text and place in the catalog, in catalog order (what each uses is worked out when it is first asked for). */
function declared(): ReadonlyMap<string, { readonly text: string; readonly order: number }> {
  if (!catalog) {
    const map = new Map<string, { text: string; order: number }>();
    FILES.flatMap((f) => declarations(source(f))).forEach((d, order) => map.set(d.name, { text: d.text, order }));
    catalog = map;
  }
  return catalog;
}

/** The names of every helper (a program's own names give way to them). */
export function helperNames(): Iterable<string> {
  return declared().keys();
}

const analysed = new Map<string, Helper>();

/** A helper with what it uses: other helpers and Node modules, read from its code. */
function helper(name: string): Helper {
  const known = analysed.get(name);
  if (known) return known;
  const table = declared();
  const d = table.get(name);
  if (!d) throw new Error(`internal error: unknown helper ${name}`);
  const body = code(d.text);
  // The names the code reads: not a property (`.n`), not a key (`n:`), whole words.
  const read = new Set(Array.from(body.matchAll(/(?<![.\w$])[A-Za-z_$][\w$]*(?![\w$])(?!\s*:)/g), (m) => m[0]));
  const uses = [...table.keys()].filter((n) => n !== name && read.has(n));
  const namespaces = new Set(Array.from(body.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)\./g), (m) => m[1]!));
  const modules = NODE_MODULES.filter((m) => namespaces.has(m));
  const h: Helper = { name, text: d.text, uses, modules, order: d.order };
  analysed.set(name, h);
  return h;
}

/** A helper and everything it needs, in catalog order. */
export function withDependencies(names: Iterable<string>): Helper[] {
  const seen = new Map<string, Helper>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    const h = helper(n);
    seen.set(n, h);
    h.uses.forEach(visit);
  };
  for (const n of names) visit(n);
  return [...seen.values()].sort((a, b) => a.order - b.order);
}

/**
 * The helpers' text with some renamed (`format` → `formatHelper` when the program declares a
 * `format` of its own): every reference that is not a property access or an object key.
 */
export function renameHelpers(text: string, renames: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of renames) out = out.replace(new RegExp(`(?<![.\\w$])${from}(?![\\w$])(?!\\s*:[^:])`, "g"), to);
  return out;
}
