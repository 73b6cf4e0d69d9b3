/**
 * CloudFormation templates (YAML or JSON, told apart by content) → one plain shape: every
 * short-form tag becomes the long form of JSON templates (`!Ref X` → `{ Ref: "X" }`,
 * `!GetAtt A.B` → `{ "Fn::GetAtt": ["A", "B"] }`, `!Sub` scalar → `{ "Fn::Sub": "…" }`).
 * js-yaml 4 parses; `cloudformation-js-yaml-schema` supplies its tag list and `build()`, and its
 * gaps are closed here: every tag in every form (scalar, sequence, mapping), including the scalar
 * `!Base64`, `!Length`, `!ToJsonString` and `!Transform`. An unknown tag is a located error.
 */
import yaml from "js-yaml";
import { createRequire } from "node:module";
import { lineColumnAt } from "../../model/location.js";
import { duplicateKeys, type DuplicateKey } from "./duplicates.js";

// The package's tag list is its tags.json (what it exports as `localTags`); read directly, since
// loading the package itself builds a schema on its own js-yaml 3 (with esprima), ~20 ms unused here.
const localTags = createRequire(import.meta.url)("cloudformation-js-yaml-schema/tags.json") as Record<"scalar" | "sequence" | "mapping", string[]>;

/** Tags the package does not know, in any form. */
const EXTRA_TAGS = ["Length", "ToJsonString", "Transform", "Base64", "GetAtt", "Sub", "ImportValue", "Select", "FindInMap", "Join", "Split", "If", "Equals", "And", "Or", "Not", "Condition", "Ref", "GetAZs", "Cidr"];

const KINDS = ["scalar", "sequence", "mapping"] as const;

/** The long form of a short tag. */
function longForm(tag: string, data: unknown): Record<string, unknown> {
  switch (tag) {
    case "Ref":
      return { Ref: data };
    case "Condition":
      return { Condition: data };
    case "GetAtt":
      if (typeof data === "string") {
        const dot = data.indexOf(".");
        return { "Fn::GetAtt": dot < 0 ? [data, ""] : [data.slice(0, dot), data.slice(dot + 1)] };
      }
      return { "Fn::GetAtt": data };
    case "Transform":
      return { "Fn::Transform": data };
    default:
      return { [`Fn::${tag}`]: data };
  }
}

let schema: yaml.Schema | undefined;

/** The js-yaml schema: the package's tags in the forms it lists, and the missing forms. */
export function cloudFormationSchema(): yaml.Schema {
  if (schema) return schema;
  const names = new Set<string>([...Object.values(localTags).flat(), ...EXTRA_TAGS]);
  const types: yaml.Type[] = [];
  for (const name of names) {
    for (const kind of KINDS) {
      types.push(
        new yaml.Type(`!${name}`, {
          kind,
          construct: (data: unknown) => longForm(name, data ?? (kind === "scalar" ? "" : kind === "sequence" ? [] : {})),
        }),
      );
    }
  }
  schema = yaml.DEFAULT_SCHEMA.extend(types);
  return schema;
}

export interface TemplateError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** PG1001 (the default): not YAML or JSON; PG1003: read, but not a template this converter takes. */
  readonly code?: "PG1003";
}

export type ParsedTemplate =
  | {
      readonly ok: true;
      readonly template: Record<string, unknown>;
      readonly format: "yaml" | "json";
      readonly locate: (path: readonly string[]) => { line: number; column: number };
      /** The `#` comment lines right above the line `locate` answers (YAML only). */
      readonly commentsAbove: (line: number) => string[];
      /** Keys written twice in one mapping (the last is kept, as CloudFormation keeps it). */
      readonly duplicates: readonly DuplicateKey[];
    }
  | { readonly ok: false; readonly error: TemplateError };

export function parseTemplate(text: string): ParsedTemplate {
  const format = /^\s*\{/.test(text) ? "json" : "yaml";
  let doc: unknown;
  let duplicates: DuplicateKey[] = [];
  try {
    try {
      doc = yaml.load(text, { schema: cloudFormationSchema() });
    } catch (e) {
      if (!(e instanceof yaml.YAMLException) || e.reason !== "duplicated mapping key") throw e;
      // CloudFormation keeps the last of a key written twice; each such key is reported (duplicates.ts).
      duplicates = duplicateKeys(text, (t) => yaml.load(t, { schema: cloudFormationSchema() }));
      doc = yaml.load(text, { schema: cloudFormationSchema(), json: true });
    }
  } catch (e) {
    if (e instanceof yaml.YAMLException) {
      const mark = e.mark as { line?: number; column?: number } | undefined;
      const reason = e.reason.replace(/^unknown tag !<!?([^>]*)>/, "unknown tag !$1: not a CloudFormation intrinsic function");
      return { ok: false, error: { message: reason, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 } };
    }
    throw e;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { ok: false, error: { message: "a template is a mapping with a Resources section", line: 1, column: 1 } };
  }
  // An alias repeats what its anchor names; aliases of aliases multiply (a "billion laughs" document).
  const alias = format === "yaml" ? ALIAS.exec(text) : null;
  if (alias && expandedSize(doc, MAX_VALUES) > MAX_VALUES) {
    const at = lineColumnAt(text, alias.index + alias[0].length - alias[1]!.length);
    return { ok: false, error: { message: `the template's YAML aliases expand it to more than ${MAX_VALUES.toLocaleString("en-US")} values (aliases of aliases multiply what they repeat); not converted`, ...at, code: "PG1003" } };
  }
  const lines = text.split(/\r?\n/);
  const commentsAbove = (line: number): string[] => {
    const out: string[] = [];
    for (let i = line - 2; i >= 0 && /^\s*#/.test(lines[i]!); i--) out.unshift(lines[i]!.trim().replace(/^#\s?/, ""));
    return format === "yaml" ? out : [];
  };
  return { ok: true, template: doc as Record<string, unknown>, format, locate: locator(text), commentsAbove, duplicates };
}

/**
 * The most values a template may hold once its YAML aliases are expanded: the lowering visits
 * each occurrence, so a document whose aliases repeat aliases (`&a1 [*a0, *a0, …]`, nine levels
 * of ten) would take forever and all memory. A 2 MB template of 9,480 resources holds about
 * 100,000; CloudFormation itself takes at most 1 MB.
 */
export const MAX_VALUES = 2_000_000;

/** Where a YAML alias may be written (`*name` after a space, a line start or a flow bracket or comma); a template without one holds no shared values. */
const ALIAS = /(?:^|[\s[{,])(\*[^\s,[\]{}]+)/m;

/** How many values `v` holds with every shared (aliased) part counted each time it occurs, counting no further than `limit`. */
function expandedSize(v: unknown, limit: number, memo = new Map<object, number>()): number {
  if (v === null || typeof v !== "object") return 1;
  const known = memo.get(v);
  if (known !== undefined) return known;
  let n = 1;
  for (const c of Array.isArray(v) ? v : Object.values(v)) {
    n += expandedSize(c, limit, memo);
    if (n > limit) break;
  }
  memo.set(v, n);
  return n;
}

/**
 * Finds where a key path (`["Resources", "Api", "Properties", "Name"]`) is written, for
 * diagnostics: each key is looked for below the previous one, more indented than it. Works for
 * block YAML and for JSON written one key a line; otherwise it answers the nearest found parent.
 * Linear in the text: each parent's block is scanned once, remembering the keys its lines
 * hold (and its sequence items), so later keys under it are found without a second scan.
 */
export function locator(text: string): (path: readonly string[]) => { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  type Found = { index: number; column: number; indent: number };
  interface Block {
    /** Next line to scan, and where the parent's block ends (a line no deeper than it). */
    next: number;
    done: boolean;
    /** The indent of the block's first line: its own keys are written there; deeper lines belong to them. */
    childIndent: number;
    /** Key → the first line of the block writing it (`key:`), with its indent. */
    readonly keys: Map<string, Found>;
    /** The block's sequence items (`- `), in order, once asked for. */
    items?: Found[];
  }
  const blocks = new Map<number, Block>();
  // Each line read once: its indent (-1 for a blank or comment line) and whether it is brackets only
  // (JSON's `{`, `},`; CLOSING: only closers), so the scans below, which pass a line once for each
  // block it is inside, compare numbers.
  const indents = new Int32Array(lines.length);
  const kind = new Uint8Array(lines.length);
  const BRACKETS = 1;
  const CLOSING = 2;
  lines.forEach((l, i) => {
    if (l.trim() === "" || /^\s*#/.test(l)) indents[i] = -1;
    else {
      indents[i] = l.length - l.trimStart().length;
      if (/^\s*[{}[\],]+\s*$/.test(l)) kind[i] = /^\s*[}\]],?\s*$/.test(l) ? BRACKETS | CLOSING : BRACKETS;
    }
  });
  /** The keys a line can be read as writing: `K:` for each colon (quotes and a leading `- ` optional), as `^\s*(-\s+)?["']?K["']?\s*:` matches. */
  const keysOf = (l: string): string[] => {
    const out: string[] = [];
    const body = l.trimStart();
    const starts = [body];
    const dash = /^-\s+/.exec(body);
    if (dash) starts.push(body.slice(dash[0].length));
    for (const b of [...starts]) if (b.startsWith('"') || b.startsWith("'")) starts.push(b.slice(1));
    for (const b of starts) {
      for (let j = b.indexOf(":"); j >= 0; j = b.indexOf(":", j + 1)) {
        const head = b.slice(0, j).replace(/\s+$/, "");
        out.push(head);
        if (head.endsWith('"') || head.endsWith("'")) out.push(head.slice(0, -1));
      }
    }
    return out;
  };
  const block = (parent: Found): Block => {
    let b = blocks.get(parent.index);
    if (!b) blocks.set(parent.index, (b = { next: parent.index + 1, done: false, childIndent: -1, keys: new Map() }));
    return b;
  };
  /** Scans the parent's block until `key` is met (or to its end). */
  const scanFor = (parent: Found, key: string): Found | undefined => {
    const b = block(parent);
    const known = b.keys.get(key);
    if (known || b.done) return known;
    for (; b.next < lines.length; b.next++) {
      const i = b.next;
      const indent = indents[i]!;
      if (indent < 0) continue;
      if (parent.index >= 0 && indent <= parent.indent && !(kind[i]! & CLOSING)) break;
      // A line of brackets only holds no key and says nothing of where keys are.
      if (kind[i]! & BRACKETS) continue;
      if (b.childIndent < 0) b.childIndent = indent;
      // A line deeper than the block's own keys is inside one of them: found when that key's block is scanned.
      if (indent > b.childIndent) continue;
      const column = indent + 1;
      for (const k of keysOf(lines[i]!)) if (!b.keys.has(k)) b.keys.set(k, { index: i, column, indent });
      if (b.keys.has(key)) {
        b.next++;
        return b.keys.get(key);
      }
    }
    b.done = true;
    return undefined;
  };
  /** The block sequence items under the parent: the `- ` lines at the first item's indent. */
  const itemsOf = (parent: Found): Found[] => {
    const b = block(parent);
    if (b.items) return b.items;
    const items: Found[] = [];
    let dash = -1;
    for (let i = parent.index + 1; i < lines.length; i++) {
      const indent = indents[i]!;
      if (indent < 0) continue;
      const l = lines[i]!;
      if (indent < parent.indent || (indent === parent.indent && !l.trimStart().startsWith("-"))) break;
      if (!l.trimStart().startsWith("- ") && l.trim() !== "-") continue;
      if (dash < 0) dash = indent;
      if (indent === dash) items.push({ index: i, column: indent + 3, indent: indent + 1 });
    }
    return (b.items = items);
  };
  // Each key path found once, in a tree by segment (no joined keys or sliced paths per lookup).
  interface Node {
    readonly found: Found;
    children?: Map<string, Node>;
  }
  const top: Node = { found: { index: -1, column: 1, indent: -1 } };
  const find = (path: readonly string[]): Found => {
    let node = top;
    for (const key of path) {
      let child = node.children?.get(key);
      if (!child) {
        const parent = node.found;
        child = { found: /^\d+$/.test(key) && parent.index >= 0 ? (itemsOf(parent)[Number(key)] ?? parent) : (scanFor(parent, key) ?? parent) };
        (node.children ??= new Map()).set(key, child);
      }
      node = child;
    }
    return node.found;
  };
  return (path) => {
    const f = find(path);
    return { line: Math.max(f.index, 0) + 1, column: f.column };
  };
}
