/**
 * The type of every expression of a Pulumi program, on demand and memoised: from the schema
 * (resource outputs, invoke results, nested types), from config declarations, from each
 * declaration's repetition (`count` → list, `for_each` → map, conditional → `| undefined`), and
 * from the function signatures. The printer asks for types in the scope it prints in (loop
 * variables of `for` expressions and resource loops).
 */
import { walkExpr, type Expr, type ForExpr, type RefExpr } from "../model/expr.js";
import { memo } from "../model/memo.js";
import type { ConfigType, Decl, InvokeDecl, Repeat, ResourceDecl } from "../model/pulumi.js";
import { SIGNATURES } from "./functions.js";
import { stronglyConnected } from "./graph.js";
import {
  ANY,
  ASSET,
  attribute,
  BOOL,
  element,
  fromShape,
  fromVariableType,
  hasOutput,
  isOutputType,
  iteration,
  join,
  joinAll,
  list,
  map,
  NULL,
  NUMBER,
  opt,
  output,
  required,
  schemaOf,
  STRING,
  unwrap,
  type Pkg,
  type Type,
} from "./types.js";

export type Scope = ReadonlyMap<string, Type>;
export const NO_SCOPE: Scope = new Map();

const schemaKeys = new Map<string, { readonly pkg: Pkg; readonly key: string } | undefined>();

/** Where a class or invoke of the program is described: `aws.apigateway.Integration` → aws / `apigateway.Integration`. */
export function schemaKey(name: string): { readonly pkg: Pkg; readonly key: string } | undefined {
  // Asked for every resource and invoke a program declares, of a few classes: each name is read once.
  return memo(schemaKeys, name, () => {
    const m = /^(aws|aws_native|random|command|tls)\.(?:([A-Za-z0-9]+)\.)?([A-Za-z_$][\w$]*?)(Output)?$/.exec(name);
    if (!m) return undefined;
    const pkg: Pkg = m[1] === "aws" ? "aws" : m[1] === "random" ? "random" : m[1] === "command" ? "command" : m[1] === "tls" ? "tls" : "aws-native";
    return { pkg, key: `${m[2] ?? "index"}.${m[3]}` };
  }, 10_000);
}

export function configBaseType(t: ConfigType): Type {
  switch (t.kind) {
    case "string":
      return STRING;
    case "number":
      return NUMBER;
    case "boolean":
      return BOOL;
    case "object":
      return fromVariableType(t.type);
  }
}

/** The literal key of an index accessor, when it is one. */
export function literalKey(e: Expr): string | number | undefined {
  return e.kind === "literal" && (typeof e.value === "string" || typeof e.value === "number") ? e.value : undefined;
}

export class TypeTable {
  private readonly memo = new WeakMap<Expr, Type>();
  /** A reference's type before an output index key makes it an output. */
  private readonly refBases = new WeakMap<Expr, Type>();
  private readonly declTypes = new Map<string, Type>();
  private readonly pending = new Set<string>();
  readonly decls: ReadonlyMap<string, Decl>;

  constructor(
    decls: readonly Decl[],
    /** The component classes modules became, by class name: what their instances expose. */
    readonly components: ReadonlyMap<string, Type> = new Map(),
  ) {
    const byId = new Map<string, Decl>();
    for (const d of decls) byId.set(d.id, d);
    this.decls = byId;
  }

  /** How a resource or invoke declaration repeats (count, for_each, a condition), if it does. */
  repeatOf(id: string): Repeat | undefined {
    const d = this.decls.get(id);
    return d && (d.kind === "resource" || d.kind === "invoke") ? d.repeat : undefined;
  }

  /** The type of a declaration's value (a resource, a list of resources, a config value…). */
  decl(id: string): Type {
    const known = this.declTypes.get(id);
    if (known) return known;
    if (!this.warmed) {
      this.warm();
      return this.decl(id);
    }
    const d = this.decls.get(id);
    if (!d || this.pending.has(id)) return ANY;
    this.pending.add(id);
    const t = this.computeDecl(d);
    this.pending.delete(id);
    this.declTypes.set(id, t);
    return t;
  }

  private warmed = false;

  /**
   * Types, leaves first, every declaration whose type does not depend on a cycle, so that typing
   * one never recurses through a long chain of others (a thousand locals each reading the one
   * before overflowed the stack). Those types do not depend on the order they are computed in;
   * a declaration that reads a cycle, whose type does (the cycle is entered where it is first
   * asked for), is left to be typed on demand, as before.
   */
  private warm(): void {
    this.warmed = true;
    // Only values (consts without a declared type, exports) are typed from what they read; any
    // other declaration's type is its own, so chains and cycles run through values alone.
    const isValue = (d: Decl | undefined): d is Extract<Decl, { kind: "const" | "export" }> => d !== undefined && ((d.kind === "const" && !d.type) || d.kind === "export");
    const values = [...this.decls.values()].filter(isValue);
    const reads = (id: string): string[] => {
      const found: string[] = [];
      walkExpr((this.decls.get(id) as Extract<Decl, { kind: "const" | "export" }>).value, (x) => {
        if (x.kind === "ref" && x.target.kind === "decl" && isValue(this.decls.get(x.target.id))) found.push(x.target.id);
      });
      return found;
    };
    const tainted = new Set<string>();
    for (const { members, edges } of stronglyConnected(values.map((d) => d.id), reads)) {
      const cyclic = members.length > 1 || edges.some((e) => e === members[0]);
      if (cyclic || edges.some((e) => tainted.has(e))) {
        for (const m of members) tainted.add(m);
        continue;
      }
      this.decl(members[0]!);
    }
  }

  private computeDecl(d: Decl): Type {
    switch (d.kind) {
      case "config": {
        const base = configBaseType(d.type);
        const t = d.secret || d.input ? output(base) : base;
        return d.optional && !d.default ? opt(t) : t;
      }
      case "const":
        return d.type ? fromVariableType(d.type) : this.type(d.value);
      case "export":
        return this.type(d.value);
      case "invoke":
        return repeated(invokeResult(d), d.repeat);
      case "resource":
        return repeated(d.component ? (this.components.get(d.className) ?? { k: "component", className: d.className, outputs: {} }) : resourceType(d), d.repeat);
      case "assertion":
      case "comment":
        return ANY;
    }
  }

  /** The scope inside a resource or invoke loop: `count.index`, `each.key`, `each.value`. */
  repeatScope(r: Repeat | undefined, scope: Scope = NO_SCOPE): Scope {
    if (!r || r.kind === "conditional") return scope;
    const out = new Map(scope);
    if (r.kind === "count") out.set("count.index", NUMBER);
    else {
      const it = iteration(this.type(r.collection, scope));
      out.set("each.key", r.set ? it.value : STRING);
      out.set("each.value", it.value);
    }
    return out;
  }

  /** The scope inside a `for` expression's body. */
  forScope(e: ForExpr, scope: Scope): Scope {
    const it = iteration(this.type(e.collection, scope));
    const out = new Map(scope);
    out.set(e.valueVar, it.value);
    if (e.keyVar) out.set(e.keyVar, it.kind === "set" ? it.value : it.key);
    return out;
  }

  type(e: Expr, scope: Scope = NO_SCOPE): Type {
    const hit = this.memo.get(e);
    if (hit) return hit;
    const t = this.compute(e, scope);
    this.memo.set(e, t);
    return t;
  }

  private compute(e: Expr, scope: Scope): Type {
    const out = (t: Type, ...parts: Expr[]) => (parts.some((p) => hasOutput(this.type(p, scope))) ? output(unwrap(t)) : t);
    switch (e.kind) {
      case "literal":
        return e.value === null ? NULL : typeof e.value === "string" ? STRING : typeof e.value === "number" ? NUMBER : BOOL;
      case "list":
        return list(joinAll(e.items.map((x) => this.type(x, scope))));
      case "object": {
        if (e.entries.every((en) => typeof en.key === "string")) {
          return { k: "object", fields: Object.fromEntries(e.entries.map((en) => [en.key as string, this.type(en.value, scope)])) };
        }
        e.entries.forEach((en) => typeof en.key !== "string" && this.type(en.key, scope));
        return map(joinAll(e.entries.map((en) => this.type(en.value, scope))));
      }
      case "template":
        return out(STRING, ...e.parts.filter((p): p is Expr => typeof p !== "string"));
      case "ref":
        return this.ref(e, scope);
      case "call":
        return this.call(e, scope);
      case "conditional": {
        const c = this.type(e.condition, scope);
        const j = join(this.type(e.whenTrue, scope), this.type(e.whenFalse, scope));
        return hasOutput(c) ? output(unwrap(j)) : j;
      }
      case "binary": {
        const t = ["+", "-", "*", "/", "%"].includes(e.op) ? NUMBER : BOOL;
        return out(t, e.left, e.right);
      }
      case "unary":
        return out(e.op === "-" ? NUMBER : BOOL, e.operand);
      case "index": {
        const t = element(this.type(e.collection, scope), literalKey(e.key));
        return out(t, e.key);
      }
      case "splat": {
        const s = this.type(e.source, scope);
        const each = (t: Type) => e.each.reduce<Type>((acc, a) => (a.kind === "attr" ? attribute(acc, a.name) : element(acc, literalKey(a.key))), t);
        if (isOutputType(s)) {
          const u = required(unwrap(s));
          return output(unwrap(list(u.k === "list" ? each(u.of) : each(u))));
        }
        const u = required(s);
        return list(u.k === "list" || u.k === "tuple" ? each(element(u)) : each(u));
      }
      case "for": {
        const inner = this.forScope(e, scope);
        const value = this.type(e.value, inner);
        const key = e.key ? this.type(e.key, inner) : undefined;
        const cond = e.condition ? this.type(e.condition, inner) : undefined;
        const result = key ? map(e.grouped ? list(value) : value) : list(value);
        const coll = this.type(e.collection, scope);
        if (isOutputType(coll) || (cond && hasOutput(cond)) || (key && hasOutput(key))) return output(unwrap(result));
        return result;
      }
      case "unsupported":
        return ANY;
    }
  }

  private ref(e: RefExpr, scope: Scope): Type {
    let t: Type;
    let path = e.path;
    const target = e.target;
    switch (target.kind) {
      case "decl": {
        t = this.decl(target.id);
        const rep = this.repeatOf(target.id);
        // `x[0]` of a conditional resource is the resource itself (`x!`).
        if (rep?.kind === "conditional" && path[0]?.kind === "index") {
          t = required(t);
          path = path.slice(1);
        }
        // A bare reference to Terraform's `count = cond ? 1 : 0` resource is a list of zero or one.
        else if (rep?.kind === "conditional" && rep.list && path.length === 0) t = list(required(t));
        break;
      }
      case "scope":
        t = scope.get(target.name) ?? ANY;
        break;
      case "countIndex":
        t = scope.get("count.index") ?? NUMBER;
        break;
      case "each":
        t = scope.get(`each.${target.which}`) ?? ANY;
        break;
      default:
        t = ANY;
    }
    let keyOutput = false;
    for (const a of path) {
      if (a.kind === "attr") t = attribute(t, a.name);
      else {
        if (hasOutput(this.type(a.key, scope))) keyOutput = true;
        t = element(t, literalKey(a.key));
      }
    }
    this.refBases.set(e, t);
    return keyOutput ? output(unwrap(t)) : t;
  }

  /** A reference's type as if its index keys were plain values (inside `.apply` they are). */
  refBase(e: RefExpr, scope: Scope = NO_SCOPE): Type {
    this.type(e, scope);
    return this.refBases.get(e) ?? this.type(e, scope);
  }

  private call(e: Extract<Expr, { kind: "call" }>, scope: Scope): Type {
    const args = e.args.map((a) => this.type(a, scope));
    if (e.name.startsWith("new pulumi.asset.")) return args.some(hasOutput) ? output(ASSET) : ASSET;
    if (e.name === "pulumi.getStack" || e.name === "pulumi.getProject" || e.name === "pulumi.getOrganization") return STRING;
    const sig = SIGNATURES[e.name];
    if (!sig) return ANY;
    // `f(list...)`: the list's elements are the last arguments.
    const plain = args.map((a, i) => (e.expandLast && i === args.length - 1 ? iteration(a).value : a));
    switch (sig.outputs ?? "lift") {
      case "outputs":
        if (e.name === "sensitive") return output(unwrap(sig.result(plain.map(unwrap))));
        if (e.name === "issensitive") return args.some(hasOutput) ? output(BOOL) : BOOL;
        return sig.result(plain);
      case "structural":
        return args.some(isOutputType) ? output(unwrap(sig.result(plain.map(unwrap)))) : sig.result(plain);
      default:
        return args.some(hasOutput) ? output(unwrap(sig.result(plain.map(unwrap)))) : sig.result(plain);
    }
  }
}

function repeated(t: Type, r: Repeat | undefined): Type {
  if (!r) return t;
  if (r.kind === "count") return list(t);
  if (r.kind === "forEach") return map(t);
  return opt(t);
}

export function resourceType(d: ResourceDecl): Type {
  const k = schemaKey(d.className);
  if (!k || !schemaOf(k.pkg).resources[k.key]) return { k: "resource", pkg: "aws", key: "", className: d.className };
  return { k: "resource", pkg: k.pkg, key: k.key, className: d.className, ...(d.source && !d.source.type.includes("::") ? { sourceType: d.source.type } : {}) };
}

function invokeResult(d: InvokeDecl): Type {
  const k = schemaKey(d.fn);
  const f = k ? schemaOf(k.pkg).functions[k.key] : undefined;
  if (!f || !k) return d.awaited ? ANY : output(ANY);
  const result: Type = { k: "object", fields: Object.fromEntries(Object.entries(f.result).map(([n, s]) => [n, fromShape(s, k.pkg, "out")])) };
  return d.awaited ? result : output(result);
}

export { ANY, BOOL, NUMBER, STRING };
