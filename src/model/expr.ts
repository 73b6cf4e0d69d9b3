import type { Location } from "./location.js";

/**
 * One expression vocabulary for every source format. Plain readonly data, `kind`-tagged.
 * Parsers produce it; mappers rewrite references into declaration references; emitters print it.
 */
export type Expr =
  | Literal
  | ListExpr
  | ObjectExpr
  | TemplateExpr
  | RefExpr
  | CallExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | IndexExpr
  | SplatExpr
  | ForExpr
  | UnsupportedExpr;

export interface Literal {
  readonly kind: "literal";
  readonly value: string | number | boolean | null;
  /** A heredoc or multi-line string that should stay a template literal when printed. */
  readonly heredoc?: boolean;
}

export interface ListExpr {
  readonly kind: "list";
  readonly items: readonly Expr[];
}

export interface ObjectEntry {
  /** A string key, or a computed key expression (`(var.k) = 1`). */
  readonly key: string | Expr;
  readonly value: Expr;
  readonly comments?: Comments;
  readonly loc?: Location;
}

export interface ObjectExpr {
  readonly kind: "object";
  readonly entries: readonly ObjectEntry[];
}

export interface TemplateExpr {
  readonly kind: "template";
  /** Literal text (already unescaped) and interpolated expressions, in order. */
  readonly parts: readonly (string | Expr)[];
  readonly heredoc?: boolean;
}

/** One step of a traversal: `.name` or `[key]`. */
export type Accessor =
  | { readonly kind: "attr"; readonly name: string }
  | { readonly kind: "index"; readonly key: Expr; /** `?.[key]`: a missing key reads undefined. */ readonly optional?: boolean };

export type RefTarget =
  | { readonly kind: "variable"; readonly name: string }
  | { readonly kind: "local"; readonly name: string }
  | { readonly kind: "resource"; readonly type: string; readonly name: string }
  | { readonly kind: "data"; readonly type: string; readonly name: string }
  | { readonly kind: "module"; readonly name: string }
  | { readonly kind: "countIndex" }
  | { readonly kind: "each"; readonly which: "key" | "value" }
  | { readonly kind: "path"; readonly which: string }
  | { readonly kind: "scope"; readonly name: string }
  | { readonly kind: "pseudo"; readonly name: string }
  | { readonly kind: "condition"; readonly name: string }
  | { readonly kind: "mapping"; readonly name: string }
  | { readonly kind: "self" }
  /** After mapping: a declaration of the Pulumi program, by id. */
  | { readonly kind: "decl"; readonly id: string };

export interface RefExpr {
  readonly kind: "ref";
  readonly target: RefTarget;
  readonly path: readonly Accessor[];
  readonly loc?: Location;
}

export interface CallExpr {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly Expr[];
  /** `f(list...)`: the last argument is expanded. */
  readonly expandLast?: boolean;
  /** A conversion the converter inserted (Terraform converts implicitly there), not one the user wrote. */
  readonly implicit?: boolean;
  readonly loc?: Location;
}

export interface ConditionalExpr {
  readonly kind: "conditional";
  readonly condition: Expr;
  readonly whenTrue: Expr;
  readonly whenFalse: Expr;
}

export type BinaryOperator =
  | "+" | "-" | "*" | "/" | "%"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "&&" | "||";

export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface UnaryExpr {
  readonly kind: "unary";
  readonly op: "-" | "!";
  readonly operand: Expr;
}

export interface IndexExpr {
  readonly kind: "index";
  readonly collection: Expr;
  readonly key: Expr;
}

/** `source[*].a.b`: `each` is applied to every element. */
export interface SplatExpr {
  readonly kind: "splat";
  readonly source: Expr;
  readonly each: readonly Accessor[];
}

/** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value}`. */
export interface ForExpr {
  readonly kind: "for";
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expr;
  readonly key?: Expr;
  readonly value: Expr;
  readonly condition?: Expr;
  readonly grouped?: boolean;
}

/** Something the converter cannot express yet; the source text is kept for the placeholder. */
export interface UnsupportedExpr {
  readonly kind: "unsupported";
  readonly text: string;
  readonly reason: string;
  readonly loc?: Location;
}

export interface Comments {
  readonly leading?: readonly string[];
  readonly trailing?: string;
}

export const lit = (value: Literal["value"]): Literal => ({ kind: "literal", value });

export function assertNever(x: never): never {
  throw new Error(`internal error: unexpected ${JSON.stringify(x)}`);
}

/** The direct sub-expressions of `e`, in source order. */
export function childrenOf(e: Expr): Expr[] {
  const keys = (path: readonly Accessor[]) => path.flatMap((a) => (a.kind === "index" ? [a.key] : []));
  switch (e.kind) {
    case "literal":
    case "unsupported":
      return [];
    case "list":
      return [...e.items];
    case "object":
      return e.entries.flatMap((en) => (typeof en.key === "string" ? [en.value] : [en.key, en.value]));
    case "template":
      return e.parts.filter((p): p is Expr => typeof p !== "string");
    case "ref":
      return keys(e.path);
    case "call":
      return [...e.args];
    case "conditional":
      return [e.condition, e.whenTrue, e.whenFalse];
    case "binary":
      return [e.left, e.right];
    case "unary":
      return [e.operand];
    case "index":
      return [e.collection, e.key];
    case "splat":
      return [e.source, ...keys(e.each)];
    case "for":
      return [e.collection, ...(e.key ? [e.key] : []), e.value, ...(e.condition ? [e.condition] : [])];
    default:
      return assertNever(e);
  }
}

/** Visit every sub-expression (pre-order), in {@link childrenOf}'s order. */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case "literal":
    case "unsupported":
      return;
    case "list":
      for (const x of e.items) walkExpr(x, visit);
      return;
    case "object":
      for (const en of e.entries) {
        if (typeof en.key !== "string") walkExpr(en.key, visit);
        walkExpr(en.value, visit);
      }
      return;
    case "template":
      for (const p of e.parts) if (typeof p !== "string") walkExpr(p, visit);
      return;
    case "call":
      for (const x of e.args) walkExpr(x, visit);
      return;
    case "ref":
      // The commonest node after literals: its index keys, without a list of them made first.
      for (const a of e.path) if (a.kind === "index") walkExpr(a.key, visit);
      return;
    default:
      // The rarer kinds through the one list of children.
      for (const c of childrenOf(e)) walkExpr(c, visit);
  }
}

/**
 * As {@link transformExpr}, but a node none of whose children changed, and that `f` returns as
 * it is, is kept rather than copied: for a pass that replaces what it is given (the old tree is
 * dropped), where a copy of every node would only be garbage. Not for a tree that goes on living
 * beside its rewrite: later stages key what they learn by the node, so two live places must not
 * share one.
 */
export function rewriteExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  // The helpers below are module functions taking `f`, not closures made per node: this pass
  // runs over every node of a program, and the closures were most of what it allocated.
  let out: Expr = e;
  switch (e.kind) {
    case "literal":
    case "unsupported":
      break;
    case "list": {
      const items = rewriteList(e.items, f);
      if (items !== e.items) out = { ...e, items };
      break;
    }
    case "object": {
      const entries = rewriteEntries(e.entries, f);
      if (entries !== e.entries) out = { ...e, entries };
      break;
    }
    case "template": {
      const parts = rewriteParts(e.parts, f);
      if (parts !== e.parts) out = { ...e, parts };
      break;
    }
    case "ref": {
      const path = rewriteAccessors(e.path, f);
      if (path !== e.path) out = { ...e, path };
      break;
    }
    case "call": {
      const args = rewriteList(e.args, f);
      if (args !== e.args) out = { ...e, args };
      break;
    }
    case "conditional": {
      const [condition, whenTrue, whenFalse] = [rewriteExpr(e.condition, f), rewriteExpr(e.whenTrue, f), rewriteExpr(e.whenFalse, f)];
      if (condition !== e.condition || whenTrue !== e.whenTrue || whenFalse !== e.whenFalse) out = { ...e, condition, whenTrue, whenFalse };
      break;
    }
    case "binary": {
      const [left, right] = [rewriteExpr(e.left, f), rewriteExpr(e.right, f)];
      if (left !== e.left || right !== e.right) out = { ...e, left, right };
      break;
    }
    case "unary": {
      const operand = rewriteExpr(e.operand, f);
      if (operand !== e.operand) out = { ...e, operand };
      break;
    }
    case "index": {
      const [collection, key] = [rewriteExpr(e.collection, f), rewriteExpr(e.key, f)];
      if (collection !== e.collection || key !== e.key) out = { ...e, collection, key };
      break;
    }
    case "splat": {
      const [source, each] = [rewriteExpr(e.source, f), rewriteAccessors(e.each, f)];
      if (source !== e.source || each !== e.each) out = { ...e, source, each };
      break;
    }
    case "for": {
      const [collection, value] = [rewriteExpr(e.collection, f), rewriteExpr(e.value, f)];
      const key = e.key && rewriteExpr(e.key, f);
      const condition = e.condition && rewriteExpr(e.condition, f);
      if (collection !== e.collection || value !== e.value || key !== e.key || condition !== e.condition) {
        out = { ...e, collection, value, ...(key ? { key } : {}), ...(condition ? { condition } : {}) };
      }
      break;
    }
    default:
      return assertNever(e);
  }
  return f(out);
}

type Rewrite = (e: Expr) => Expr;

/** `xs` with `one` applied to each, or `xs` itself when no element changed (copied from the first that did). */
function rewriteAll<T>(xs: readonly T[], f: Rewrite, one: (x: T, f: Rewrite) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const y = one(xs[i]!, f);
    if (y !== xs[i] && !out) out = xs.slice(0, i);
    out?.push(y);
  }
  return out ?? xs;
}

const rewriteList = (xs: readonly Expr[], f: Rewrite) => rewriteAll(xs, f, rewriteExpr);
const rewriteEntries = (xs: readonly ObjectEntry[], f: Rewrite) => rewriteAll(xs, f, rewriteEntry);
const rewriteParts = (xs: readonly (string | Expr)[], f: Rewrite) => rewriteAll(xs, f, rewritePart);
const rewriteAccessors = (xs: readonly Accessor[], f: Rewrite) => rewriteAll(xs, f, rewriteAccessor);

function rewriteEntry(en: ObjectEntry, f: Rewrite): ObjectEntry {
  const key = typeof en.key === "string" ? en.key : rewriteExpr(en.key, f);
  const value = rewriteExpr(en.value, f);
  return key === en.key && value === en.value ? en : { ...en, key, value };
}

const rewritePart = (p: string | Expr, f: Rewrite): string | Expr => (typeof p === "string" ? p : rewriteExpr(p, f));

function rewriteAccessor(a: Accessor, f: Rewrite): Accessor {
  if (a.kind !== "index") return a;
  const key = rewriteExpr(a.key, f);
  return key === a.key ? a : { ...a, key };
}

/** Rebuilds an expression bottom-up, letting `f` replace any node after its children. */
export function transformExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  const go = (x: Expr) => transformExpr(x, f);
  const acc = (a: Accessor): Accessor => (a.kind === "index" ? { ...a, key: go(a.key) } : a);
  let out: Expr;
  switch (e.kind) {
    case "literal":
    case "unsupported":
      out = e;
      break;
    case "list":
      out = { ...e, items: e.items.map(go) };
      break;
    case "object":
      out = { ...e, entries: e.entries.map((en) => ({ ...en, key: typeof en.key === "string" ? en.key : go(en.key), value: go(en.value) })) };
      break;
    case "template":
      out = { ...e, parts: e.parts.map((p) => (typeof p === "string" ? p : go(p))) };
      break;
    case "ref":
      out = { ...e, path: e.path.map(acc) };
      break;
    case "call":
      out = { ...e, args: e.args.map(go) };
      break;
    case "conditional":
      out = { ...e, condition: go(e.condition), whenTrue: go(e.whenTrue), whenFalse: go(e.whenFalse) };
      break;
    case "binary":
      out = { ...e, left: go(e.left), right: go(e.right) };
      break;
    case "unary":
      out = { ...e, operand: go(e.operand) };
      break;
    case "index":
      out = { ...e, collection: go(e.collection), key: go(e.key) };
      break;
    case "splat":
      out = { ...e, source: go(e.source), each: e.each.map(acc) };
      break;
    case "for":
      out = {
        ...e,
        collection: go(e.collection),
        value: go(e.value),
        ...(e.key ? { key: go(e.key) } : {}),
        ...(e.condition ? { condition: go(e.condition) } : {}),
      };
      break;
    default:
      return assertNever(e);
  }
  return f(out);
}
