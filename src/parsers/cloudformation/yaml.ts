/**
 * CloudFormation templates (YAML or JSON, told apart by content) → one plain shape: every
 * short-form tag becomes the long form of JSON templates (`!Ref X` → `{ Ref: "X" }`,
 * `!GetAtt A.B` → `{ "Fn::GetAtt": ["A", "B"] }`, `!Sub` scalar → `{ "Fn::Sub": "…" }`).
 * js-yaml 4 parses; `cloudformation-js-yaml-schema` supplies its tag list and `build()`, and its
 * gaps are closed here: every tag in every form (scalar, sequence, mapping), including the scalar
 * `!Base64`, `!Length`, `!ToJsonString`, `!Transform` and the rule functions (`!Contains`,
 * `!EachMemberEquals`, `!EachMemberIn`, `!ValueOf`, `!ValueOfAll`, `!RefAll`). An unknown tag is a located error.
 */
import yaml from "js-yaml";
import { createRequire } from "node:module";
import { lineColumnAt } from "../../model/location.js";
import { TemplateComments } from "./comments.js";
import { duplicateKeys, type DuplicateKey } from "./duplicates.js";

// The package's tag list is its tags.json (what it exports as `localTags`); read directly, since
// loading the package itself builds a schema on its own js-yaml 3 (with esprima), ~20 ms unused here.
const localTags = createRequire(import.meta.url)("cloudformation-js-yaml-schema/tags.json") as Record<"scalar" | "sequence" | "mapping", string[]>;

/** Tags the package does not know, in any form. */
const EXTRA_TAGS = ["Length", "ToJsonString", "Transform", "Base64", "GetAtt", "Sub", "ImportValue", "Select", "FindInMap", "Join", "Split", "If", "Equals", "And", "Or", "Not", "Condition", "Ref", "GetAZs", "Cidr", "Contains", "EachMemberEquals", "EachMemberIn", "ValueOf", "ValueOfAll", "RefAll"];

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
      /** The template's comments (YAML only), each handed out once. */
      readonly comments: TemplateComments;
      /** Keys written twice in one mapping (the last is kept, as CloudFormation keeps it). */
      readonly duplicates: readonly DuplicateKey[];
    }
  | { readonly ok: false; readonly error: TemplateError };

export function parseTemplate(text: string): ParsedTemplate {
  const format = /^\s*\{/.test(text) ? "json" : "yaml";
  let doc: unknown;
  let duplicates: DuplicateKey[] = [];
  // Where each value is written comes from the load itself (one pass).
  let positions = new Positions();
  try {
    try {
      doc = yaml.load(text, { schema: cloudFormationSchema(), listener: positions.listener });
    } catch (e) {
      if (!(e instanceof yaml.YAMLException) || e.reason !== "duplicated mapping key") throw e;
      // CloudFormation keeps the last of a key written twice; each such key is reported (duplicates.ts).
      duplicates = duplicateKeys(text, (t) => yaml.load(t, { schema: cloudFormationSchema() }));
      positions = new Positions();
      doc = yaml.load(text, { schema: cloudFormationSchema(), json: true, listener: positions.listener });
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
  const scalars = positions.scalarLines;
  // A template without a '#' has no comments to look for.
  const comments = new TemplateComments(text.split(/\r?\n/), (n) => scalars.has(n), format === "yaml" && text.includes("#"));
  return { ok: true, template: doc as Record<string, unknown>, format, locate: (path) => positions.locate(path), comments, duplicates };
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
 * Where each node of a document was written, recorded by js-yaml's own walk (its `listener`,
 * called as each node opens and closes): the position a node opens at, its tag, the value it
 * became, and the nodes inside it. One pass over the text, in the load itself.
 */
class Positions {
  /** Nodes opened so far; node `n`'s fields are at index `n` of the arrays below. */
  private count = 0;
  private at = new Int32Array(64);
  private lineOf = new Int32Array(64);
  private lineStartOf = new Int32Array(64);
  /** The node's first child and its next sibling, each as node + 1 (0: none). */
  private firstChild = new Int32Array(64);
  private nextSibling = new Int32Array(64);
  /** The value each node made (a key's name, a mapping, a tag's long form…). */
  private readonly results: unknown[] = [];
  /** 1 for a node written with a CloudFormation tag (`!Ref`, `!If`…): a flag per node, as the walk asks at every step and most nodes have none. */
  private tagged = new Int32Array(64);
  /** The open nodes, and the last child each has so far (node + 1). */
  private readonly stack: number[] = [];
  private readonly lastChild: number[] = [];
  /** A mapping node's keys (→ its key node and value node), or a sequence node's items, once asked for. */
  private readonly pairs = new Map<number, Map<string, readonly [number, number]>>();
  private readonly items = new Map<number, (number | undefined)[]>();

  readonly listener = (event: yaml.EventType, state: yaml.State): void => {
    if (event === "open") {
      const id = this.count++;
      if (id === this.at.length) this.grow();
      this.at[id] = state.position;
      this.lineOf[id] = state.line;
      this.lineStartOf[id] = state.lineStart;
      this.results.push(undefined);
      const top = this.stack.length - 1;
      if (top >= 0) {
        const last = this.lastChild[top]!;
        if (last === 0) this.firstChild[this.stack[top]!] = id + 1;
        else this.nextSibling[last - 1] = id + 1;
        this.lastChild[top] = id + 1;
      }
      this.stack.push(id);
      this.lastChild.push(0);
    } else {
      const id = this.stack.pop()!;
      this.lastChild.pop();
      const tag = (state as { tag?: string | null }).tag;
      if (typeof tag === "string" && tag.startsWith("!")) this.tagged[id] = 1;
      this.results[id] = state.result as unknown;
      if (id === 0) this.walk.values[0] = state.result as unknown;
      if (state.line > this.lineOf[id]! && (state as { kind?: string | null }).kind === "scalar") this.scalarSpan(id, state);
    }
  };

  /** 1-based lines inside a multi-line scalar (after the line it starts on): text, never comments. */
  readonly scalarLines = new Set<number>();

  /** A scalar that ended lines below where it started: the lines in between, and the last if the scalar ends on it (a quote), not merely before it (a block scalar stops at the next line less indented). */
  private scalarSpan(id: number, state: yaml.State): void {
    const input = (state as { input?: string }).input ?? "";
    let ends = false;
    for (let i = state.lineStart; i < state.position; i++) {
      const c = input.charCodeAt(i);
      if (c !== 32 && c !== 9) {
        ends = true;
        break;
      }
    }
    const last = ends ? state.line + 1 : state.line;
    for (let n = this.lineOf[id]! + 2; n <= last; n++) this.scalarLines.add(n);
  }

  private grow(): void {
    const double = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.at = double(this.at);
    this.lineOf = double(this.lineOf);
    this.lineStartOf = double(this.lineStartOf);
    this.firstChild = double(this.firstChild);
    this.nextSibling = double(this.nextSibling);
    this.tagged = double(this.tagged);
  }

  /** A node's children, in the order they were written. */
  private childrenOf(node: number): number[] {
    const out: number[] = [];
    for (let c = this.firstChild[node]!; c !== 0; c = this.nextSibling[c - 1]!) out.push(c - 1);
    return out;
  }

  /**
   * Where a key path is written: a mapping entry at its key, a sequence item where it starts; a
   * short-form tag (`!If [...]`) stands for its long form's one key, at the tagged value's
   * entry. A path that leaves what was written (into an alias, a merged key) answers the nearest
   * part found.
   */
  locate(path: readonly string[]): { line: number; column: number } {
    const w = this.walk;
    if (this.count === 0) return { line: 1, column: 1 };
    // Paths come in the order of the document: the walk resumes where the last one shares its start.
    let depth = 0;
    while (depth < path.length && depth < w.keys.length && w.keys[depth] === path[depth]) depth++;
    w.keys.length = depth;
    for (; depth < path.length; depth++) {
      const key = path[depth]!;
      const node = w.nodes[depth]!;
      const value = w.values[depth];
      const tagged = this.tagged[node] === 1;
      let next: number | undefined;
      let at: number | undefined;
      if (!w.unwrapped[depth] && tagged) {
        // A CloudFormation tag: its value is `{ LongForm: data }`, and the node holds the data.
        if (!Object.prototype.hasOwnProperty.call(value, key)) break;
        w.set(depth + 1, node, (value as Record<string, unknown>)[key], true, w.lines[depth]!, w.columns[depth]!);
        w.keys.push(key);
        continue;
      }
      if (Array.isArray(value)) {
        if (/^\d+$/.test(key)) at = next = this.itemsOf(node, value)[Number(key)];
      } else if (value !== null && typeof value === "object") {
        const pair = this.pairsOf(node, value as Record<string, unknown>).get(key);
        if (pair) [at, next] = pair;
      }
      if (next === undefined || at === undefined) break;
      w.set(depth + 1, next, (value as Record<string, unknown>)[key], false, this.lineOf[at]! + 1, this.at[at]! - this.lineStartOf[at]! + 1);
      w.keys.push(key);
    }
    return { line: w.lines[depth]!, column: w.columns[depth]! };
  }

  /** The last path walked: its keys, and after each number of them the node reached, its value, and the position answered. */
  private readonly walk = {
    keys: [] as string[],
    nodes: [0],
    values: [] as unknown[],
    unwrapped: [false],
    lines: [1],
    columns: [1],
    set(depth: number, node: number, value: unknown, unwrapped: boolean, line: number, column: number) {
      this.nodes[depth] = node;
      this.values[depth] = value;
      this.unwrapped[depth] = unwrapped;
      this.lines[depth] = line;
      this.columns[depth] = column;
    },
  };

  /** A mapping node's entries: its children are key, value, key, value…, each pair checked against the mapping it made. */
  private pairsOf(node: number, raw: Record<string, unknown>): Map<string, readonly [number, number]> {
    let pairs = this.pairs.get(node);
    if (pairs) return pairs;
    pairs = new Map();
    const kids = this.childrenOf(this.contentOf(node, raw));
    for (let i = 0; i + 1 < kids.length; ) {
      const [k, v] = [kids[i]!, kids[i + 1]!];
      const key = String(this.results[k]);
      // A key whose node does not hold the value kept (a key written twice: the last one is kept) is passed over.
      if (Object.prototype.hasOwnProperty.call(raw, key) && Object.is(raw[key], this.results[v])) {
        if (!pairs.has(key)) pairs.set(key, [k, v]);
        i += 2;
      } else i += 1;
    }
    this.pairs.set(node, pairs);
    return pairs;
  }

  /**
   * The node that holds a collection's entries: the node itself, or the one node inside it that
   * made the same value (js-yaml reads a flow collection at the start of a block as a possible
   * key first, and keeps that node's value when no `:` follows).
   */
  private contentOf(node: number, raw: unknown): number {
    for (let c = this.firstChild[node]!; c !== 0 && this.nextSibling[c - 1] === 0 && this.results[c - 1] === raw; c = this.firstChild[node]!) node = c - 1;
    return node;
  }

  /** A sequence node's items by index (an empty `-` item has no node of its own). */
  private itemsOf(node: number, raw: readonly unknown[]): (number | undefined)[] {
    let items = this.items.get(node);
    if (items) return items;
    items = [];
    let j = 0;
    for (const c of this.childrenOf(this.contentOf(node, raw))) {
      while (j < raw.length && raw[j] === null && !Object.is(this.results[c], null)) j++;
      if (j < raw.length && Object.is(raw[j], this.results[c])) items[j++] = c;
    }
    this.items.set(node, items);
    return items;
  }
}
