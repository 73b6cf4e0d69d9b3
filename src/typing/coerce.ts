/**
 * Values converted to the types the schema asks for, as Terraform converts them: a quoted
 * `"true"` where a bool goes becomes `true`, `"30"` where a number goes `30`, `30` where a
 * string goes `"30"` (each with an info diagnostic), and a value whose type is known to differ
 * is wrapped in an implicit conversion (`Number(x)`). Config variables declared with neither a
 * type nor a default are first given the type their uses need (a variable used where a bool
 * goes is read with `getBoolean`).
 */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import { childrenOf, rewriteExpr, type Expr, type ObjectEntry } from "../model/expr.js";
import type { Location } from "../model/location.js";
import type { VariableType } from "../model/program.js";
import { mapRepeat, type ConfigDecl, type ConfigType, type Decl } from "../model/pulumi.js";
import type { Props, Shape } from "../schema/index.js";
import { SIGNATURES } from "./functions.js";
import { schemaKey, TypeTable, type Scope, NO_SCOPE } from "./infer.js";
import { required, schemaOf, unwrap, type Pkg, type Type } from "./types.js";

type Use = "string" | "number" | "bool" | "object";

/** The argument properties of a declaration's class or invoke (or of the component a module became). */
export function argProps(d: Decl, components: ReadonlyMap<string, Type> = new Map()): { pkg: Pkg; props: Props; required: readonly string[] } | undefined {
  if (d.kind !== "resource" && d.kind !== "invoke") return undefined;
  if (d.kind === "resource" && d.component) {
    const c = components.get(d.className);
    return c?.k === "component" && c.inputs ? { pkg: "aws", props: c.inputs, required: [] } : undefined;
  }
  const k = schemaKey(d.kind === "resource" ? d.className : d.fn);
  if (!k) return undefined;
  const s = schemaOf(k.pkg);
  const entry = d.kind === "resource" ? s.resources[k.key] : s.functions[k.key];
  return entry ? { pkg: k.pkg, props: entry.args, required: entry.required } : undefined;
}

function nestedProps(shape: Shape | undefined, pkg: Pkg): Props | undefined {
  if (!Array.isArray(shape) || shape[0] !== "o") return undefined;
  const s = schemaOf(pkg);
  return s.inputTypes[shape[1] as string] ?? s.inputTypes[`${shape[1] as string}Args`];
}

const useOf = (shape: Shape | undefined): Use | undefined =>
  shape === "s" || (Array.isArray(shape) && shape[0] === "r") ? "string" : shape === "n" ? "number" : shape === "b" ? "bool" : Array.isArray(shape) ? "object" : undefined;

/** How each untyped config value is used: where a scalar of a type goes, or as a collection. */
function collectUses(decls: readonly Decl[], untyped: ReadonlySet<string>, components: ReadonlyMap<string, Type>): Map<string, Set<Use>> {
  const uses = new Map<string, Set<Use>>();
  const bare = (e: Expr): string | undefined => (e.kind === "ref" && e.target.kind === "decl" && untyped.has(e.target.id) ? e.target.id : undefined);
  const record = (e: Expr, use: Use | undefined) => {
    const id = bare(e);
    if (id && use && e.kind === "ref") {
      const set = uses.get(id) ?? new Set<Use>();
      set.add(e.path.length ? "object" : use);
      uses.set(id, set);
    }
  };
  const visit = (e: Expr, expected?: Use): void => {
    if (e.kind === "ref" && bare(e)) {
      record(e, e.path.length ? "object" : expected);
      for (const a of e.path) if (a.kind === "index") visit(a.key);
      return;
    }
    switch (e.kind) {
      case "conditional":
        visit(e.condition, "bool");
        visit(e.whenTrue, expected);
        visit(e.whenFalse, expected);
        return;
      case "binary": {
        const side = ["+", "-", "*", "/", "%", "<", "<=", ">", ">="].includes(e.op) ? "number" : e.op === "&&" || e.op === "||" ? "bool" : undefined;
        const other = (x: Expr): Use | undefined => (x.kind === "literal" ? (typeof x.value === "number" ? "number" : typeof x.value === "boolean" ? "bool" : typeof x.value === "string" ? "string" : undefined) : undefined);
        visit(e.left, side ?? other(e.right));
        visit(e.right, side ?? other(e.left));
        return;
      }
      case "unary":
        visit(e.operand, e.op === "!" ? "bool" : "number");
        return;
      case "for":
        visit(e.collection, "object");
        childrenOf(e).slice(1).forEach((c) => visit(c));
        return;
      case "splat":
        visit(e.source, "object");
        return;
      case "index":
        visit(e.collection, "object");
        visit(e.key);
        return;
      case "call": {
        const collections = ["length", "keys", "values", "lookup", "merge", "concat", "element", "contains", "join", "flatten", "distinct", "toset", "tolist", "tomap", "zipmap", "slice", "sort", "reverse", "compact", "coalescelist", "setunion", "setintersection", "setsubtract", "setproduct", "one", "sum", "alltrue", "anytrue", "jsonencode", "yamlencode", "chunklist", "matchkeys", "transpose", "index"];
        e.args.forEach((a, i) => visit(a, collections.includes(e.name) && (i === 0 || e.name === "merge" || e.name === "concat") && !(e.name === "join" && i === 0) ? "object" : undefined));
        return;
      }
      default:
        childrenOf(e).forEach((c) => visit(c));
    }
  };
  const visitArgs = (e: Expr, props: Props | undefined, pkg: Pkg) => {
    if (e.kind !== "object" || !props) return visit(e);
    for (const en of e.entries) {
      if (typeof en.key !== "string") {
        visit(en.value);
        continue;
      }
      visitValue(en.value, props[en.key], pkg);
    }
  };
  const visitValue = (e: Expr, shape: Shape | undefined, pkg: Pkg): void => {
    if (e.kind === "ref" && bare(e)) return record(e, useOf(shape));
    if (Array.isArray(shape) && (shape[0] === "l" || shape[0] === "m") && (e.kind === "list" || e.kind === "object")) {
      const inner = shape[1] as Shape;
      const items = e.kind === "list" ? e.items : e.entries.map((x) => x.value);
      items.forEach((x) => visitValue(x, inner, pkg));
      return;
    }
    const nested = nestedProps(shape, pkg);
    if (nested && e.kind === "object") return visitArgs(e, nested, pkg);
    if (e.kind === "conditional") {
      visit(e.condition, "bool");
      visitValue(e.whenTrue, shape, pkg);
      visitValue(e.whenFalse, shape, pkg);
      return;
    }
    visit(e);
  };
  for (const d of decls) {
    const a = argProps(d, components);
    if ((d.kind === "resource" || d.kind === "invoke") && a) visitArgs(d.args, a.props, a.pkg);
    else if (d.kind === "resource" || d.kind === "invoke") visit(d.args);
    else if (d.kind === "const" || d.kind === "export") visit(d.value);
    if (d.kind === "resource" || d.kind === "invoke") {
      const r = d.repeat;
      if (r?.kind === "count") visit(r.count, "number");
      else if (r?.kind === "conditional") visit(r.condition, "bool");
      else if (r?.kind === "forEach") visit(r.collection, "object");
      for (const x of [...(d.options.dependsOn ?? []), ...(d.options.provider ? [d.options.provider] : [])]) visit(x);
    }
  }
  return uses;
}

function typeFromUses(uses: ReadonlySet<Use> | undefined): ConfigType {
  if (!uses || uses.size === 0) return { kind: "string" };
  if (uses.has("object")) return { kind: "object", type: { kind: "any" } };
  if (uses.size === 1 && uses.has("number")) return { kind: "number" };
  if (uses.size === 1 && uses.has("bool")) return { kind: "boolean" };
  return { kind: "string" };
}

/** Untyped config values take the type of their uses. */
export function typeUntypedConfig(decls: readonly Decl[], components: ReadonlyMap<string, Type> = new Map()): Decl[] {
  const untyped = new Set(decls.filter((d): d is ConfigDecl => d.kind === "config" && d.untyped === true).map((d) => d.id));
  if (untyped.size === 0) return [...decls];
  const uses = collectUses(decls, untyped, components);
  return decls.map((d) => (d.kind === "config" && untyped.has(d.id) ? { ...d, type: typeFromUses(uses.get(d.id)) } : d));
}

export class Coercer {
  constructor(
    private readonly types: TypeTable,
    private readonly diags: Diagnostic[],
  ) {}

  decl(d: Decl): Decl {
    const withCalls = this.calls(d);
    return this.args(withCalls);
  }

  /** The arguments of every function call converted to the parameter types Terraform converts them to. */
  private calls(d: Decl): Decl {
    // The decl is replaced by what this returns: the parts without a call to convert are kept as they are.
    const fix = (e: Expr): Expr =>
      rewriteExpr(e, (x) => {
        if (x.kind !== "call") return x;
        const params = x.name === "new pulumi.asset.FileArchive" || x.name === "new pulumi.asset.FileAsset" ? "s" : SIGNATURES[x.name]?.params;
        if (!params) return x;
        let changed = false;
        const args = x.args.map((a, i) => {
          if (x.expandLast && i === x.args.length - 1) return a;
          const letter = params[i] ?? (params.endsWith("*") ? params[params.length - 2] : undefined);
          if (letter !== "s" && letter !== "n" && letter !== "b" && letter !== "c") return a;
          const converted = a.kind === "literal" && a.value !== null && letter !== "c" ? this.literal(a, letter, x.loc ?? d.loc) : this.presentArg(a);
          if (converted !== a) changed = true;
          return converted;
        });
        return changed ? { ...x, args } : x;
      });
    switch (d.kind) {
      case "const":
      case "export":
        return { ...d, value: fix(d.value) };
      case "config":
        return d.default ? { ...d, default: this.toType(fix(d.default), d.type, d.loc) } : d;
      case "resource":
      case "invoke": {
        const repeat = mapRepeat(d.repeat, fix);
        return { ...d, args: fix(d.args), ...(repeat ? { repeat } : {}) } as Decl;
      }
      default:
        return d;
    }
  }

  /**
   * An attribute the provider may leave unset (`api.body`: `Output<string | undefined>`) where a
   * function takes a string, number, bool or collection: taken as set (`present`), as Terraform
   * rejects a null argument there. Only a resource's own attribute (no loop variable in it), whose type
   * does not depend on where it is read.
   */
  private presentArg(a: Expr): Expr {
    if (a.kind !== "ref" || a.target.kind !== "decl" || !a.path.every((p) => p.kind === "attr" || p.key.kind === "literal")) return a;
    const t = this.types.type(a);
    return (t.k === "output" && t.of.k === "opt") || t.k === "opt" ? { kind: "call", name: "present", args: [a], implicit: true } : a;
  }

  private args(d: Decl): Decl {
    if (d.kind !== "resource" && d.kind !== "invoke") return d;
    const a = argProps(d, this.types.components);
    const scope = this.types.repeatScope(d.repeat);
    const args = a ? this.present(this.object(d.args, a.props, a.pkg, scope, d.loc), a.required, scope) : d.args;
    const r = d.repeat;
    const repeat = r?.kind === "count" ? { ...r, count: this.value(r.count, "n", "aws", NO_SCOPE, d.loc) } : r;
    if (args === d.args && repeat === r) return d;
    return { ...d, args, ...(repeat ? { repeat } : {}) };
  }

  /**
   * A required argument given an output the provider may leave unset (`Output<T | undefined>`,
   * as most @pulumi/aws-native outputs are typed) takes it as set (`present`, printed `x!` inside
   * `.apply`): the class will not take `T | undefined` there, and a resource that needs the
   * value cannot be created without it (CloudFormation's `Fn::GetAtt` fails the same way).
   */
  private present(e: Expr, required: readonly string[], scope: Scope): Expr {
    if (e.kind !== "object" || required.length === 0) return e;
    let changed = false;
    const entries = e.entries.map((en): ObjectEntry => {
      if (typeof en.key !== "string" || !required.includes(en.key)) return en;
      const t = this.types.type(en.value, scope);
      if (t.k !== "output" || t.of.k !== "opt") return en;
      changed = true;
      return { ...en, value: { kind: "call", name: "present", args: [en.value], implicit: true } };
    });
    return changed ? { ...e, entries } : e;
  }

  private object(e: Expr, props: Props, pkg: Pkg, scope: Scope, loc: Location | undefined): Expr {
    if (e.kind !== "object") return e;
    let changed = false;
    const entries = e.entries.map((en): ObjectEntry => {
      if (typeof en.key !== "string" || !(en.key in props)) return en;
      const value = this.value(en.value, props[en.key], pkg, scope, en.loc ?? loc);
      if (value === en.value) return en;
      changed = true;
      return { ...en, value };
    });
    return changed ? { ...e, entries } : e;
  }

  private value(e: Expr, shape: Shape | undefined, pkg: Pkg, scope: Scope, loc: Location | undefined): Expr {
    if (shape === undefined || shape === "a") return e;
    if (e.kind === "conditional") {
      const whenTrue = this.value(e.whenTrue, shape, pkg, scope, loc);
      const whenFalse = this.value(e.whenFalse, shape, pkg, scope, loc);
      return whenTrue === e.whenTrue && whenFalse === e.whenFalse ? e : { ...e, whenTrue, whenFalse };
    }
    if (Array.isArray(shape)) {
      const inner = shape[1] as Shape;
      if (shape[0] === "r") return this.value(e, "s", pkg, scope, loc);
      // Terraform 0.11's `["${var.list}"]` means the list itself.
      if (shape[0] === "l" && e.kind === "list" && e.items.length === 1 && typeof inner === "string" && required(unwrap(this.types.type(e.items[0]!, scope))).k === "list") {
        this.diags.push(diagnostic("PG2013", "info", "a list holding one list (Terraform 0.11's [\"${…}\"]) is read as that list, as Terraform 0.12 upgrades it", loc));
        return e.items[0]!;
      }
      if (shape[0] === "l" && e.kind === "list") {
        const items = e.items.map((x) => this.value(x, inner, pkg, scope, loc));
        return items.some((x, i) => x !== e.items[i]) ? { ...e, items } : e;
      }
      if (shape[0] === "l" && e.kind === "for" && !e.key) {
        const value = this.value(e.value, inner, pkg, this.types.forScope(e, scope), loc);
        return value === e.value ? e : { ...e, value };
      }
      if (shape[0] === "m" && e.kind === "object") {
        let changed = false;
        const entries = e.entries.map((en) => {
          const value = this.value(en.value, inner, pkg, scope, en.loc ?? loc);
          if (value !== en.value) changed = true;
          return value === en.value ? en : { ...en, value };
        });
        return changed ? { ...e, entries } : e;
      }
      // merge() of maps and concat() of lists where a map or a list of one type goes: each part converts.
      if (e.kind === "call" && ((shape[0] === "m" && e.name === "merge") || (shape[0] === "l" && e.name === "concat"))) {
        const args = e.args.map((a) => this.value(a, shape, pkg, scope, loc));
        return args.some((a, i) => a !== e.args[i]) ? { ...e, args } : e;
      }
      const nested = nestedProps(shape, pkg);
      if (nested && e.kind === "object") return this.object(e, nested, pkg, scope, loc);
      // A list or map of one primitive type where another goes: Terraform converts each element.
      if ((shape[0] === "l" || shape[0] === "m") && (inner === "s" || inner === "n" || inner === "b")) {
        const t = required(unwrap(this.types.type(e, scope)));
        const from = (t.k === "list" && shape[0] === "l") || (t.k === "map" && shape[0] === "m") ? required(t.of).k : undefined;
        const want = inner === "s" ? "string" : inner === "n" ? "number" : "bool";
        if ((from === "string" || from === "number" || from === "bool") && from !== want) {
          const name = want === "string" ? "tostring" : want === "number" ? "tonumber" : "tobool";
          const v: Expr = { kind: "ref", target: { kind: "scope", name: "element" }, path: [] };
          const convert: Expr = { kind: "call", name, args: [v], implicit: true };
          if (shape[0] === "l") return { kind: "for", valueVar: "element", collection: e, value: convert };
          return { kind: "for", keyVar: "key", valueVar: "element", collection: e, key: { kind: "ref", target: { kind: "scope", name: "key" }, path: [] }, value: convert };
        }
      }
      return e;
    }
    if (shape !== "s" && shape !== "n" && shape !== "b") return e;
    if (e.kind === "literal" && e.value !== null) return this.literal(e, shape, loc);
    const actual = required(unwrap(this.types.type(e, scope)));
    // A list where Pulumi flattened Terraform's one-element list to its element (`target_arns =
    // [for …]` → `targetArn`): its first element (a literal `[x]` is `x` already, mappers/terraform/body.ts).
    if (actual.k === "list" || actual.k === "tuple") return { kind: "index", collection: e, key: { kind: "literal", value: 0 } };
    const want = shape === "s" ? "string" : shape === "n" ? "number" : "bool";
    if ((actual.k === "string" || actual.k === "number" || actual.k === "bool") && actual.k !== want) {
      const name = want === "string" ? "tostring" : want === "number" ? "tonumber" : "tobool";
      return { kind: "call", name, args: [e], implicit: true };
    }
    return e;
  }

  /** A variable's default as its type converts it (`true` for a string attribute is `"true"`), as Terraform converts a default. */
  private toType(e: Expr, t: ConfigType | VariableType, loc: Location | undefined): Expr {
    if (t.kind === "object" && "type" in t) return this.toType(e, t.type, loc);
    const scalar = t.kind === "string" ? "s" : t.kind === "number" ? "n" : t.kind === "bool" || t.kind === "boolean" ? "b" : undefined;
    if (scalar) return e.kind === "literal" && e.value !== null ? this.literal(e, scalar, loc) : e;
    if ((t.kind === "list" || t.kind === "map") && (e.kind === "list" || e.kind === "object")) {
      const el = t.element;
      if (e.kind === "list") return { ...e, items: e.items.map((x) => this.toType(x, el, loc)) };
      return { ...e, entries: e.entries.map((en) => ({ ...en, value: this.toType(en.value, el, loc) })) };
    }
    if (t.kind === "object" && "fields" in t && e.kind === "object") {
      return { ...e, entries: e.entries.map((en) => {
        const f = typeof en.key === "string" ? t.fields.find((x) => x.name === en.key) : undefined;
        return f ? { ...en, value: this.toType(en.value, f.type, loc) } : en;
      }) };
    }
    return e;
  }

  private literal(e: Extract<Expr, { kind: "literal" }>, shape: "s" | "n" | "b", loc: Location | undefined): Expr {
    const v = e.value;
    let to: string | number | boolean | undefined;
    if (shape === "s" && typeof v !== "string") to = String(v);
    else if (shape === "n" && typeof v === "string" && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) to = Number(v);
    else if (shape === "b" && (v === "true" || v === "false")) to = v === "true";
    if (to === undefined) {
      if (typeof v !== (shape === "s" ? "string" : shape === "n" ? "number" : "boolean")) {
        this.diags.push(diagnostic("PG2013", "warning", `${JSON.stringify(v)} is not a ${shape === "n" ? "number" : "bool"}, and Terraform would reject it here; it is kept as written`, loc));
      }
      return e;
    }
    this.diags.push(diagnostic("PG2013", "info", `${JSON.stringify(v)} is converted to ${JSON.stringify(to)}, as Terraform converts it for an argument of type ${shape === "s" ? "string" : shape === "n" ? "number" : "bool"}`, loc));
    return { kind: "literal", value: to };
  }
}
