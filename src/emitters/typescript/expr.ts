/**
 * Prints model expressions as TypeScript. Plain values print as they are; a string mixing
 * literals and outputs becomes `pulumi.interpolate`; an operation over outputs (a function,
 * an operator, a condition) is lifted through `.apply` (one output) or `pulumi.all` (several).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { assertNever, childrenOf, walkExpr, type Accessor, type Expr, type RefExpr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import { isIdentifier, propertyKey, stringLiteral, templateText } from "./escape.js";
import { FUNCTIONS, HELPERS, type FunctionContext } from "./functions.js";
import { camelCase, NameScope } from "./naming.js";

export const WIDTH = 80;
const INDENT = "  ";

export interface DeclInfo {
  readonly name: string;
  /** A reference with a property path yields an Output. */
  readonly outputs: boolean;
  /** The declaration's value itself is an Output (a secret config value, an output-valued const). */
  readonly isOutput: boolean;
  /** count → array, forEach → record, conditional → maybe undefined. */
  readonly repeat?: "count" | "forEach" | "conditional";
  /** The value is known to be an array (a list-typed config value, a counted resource). */
  readonly array?: boolean;
}

export interface PrintEnv extends FunctionContext {
  readonly decls: ReadonlyMap<string, DeclInfo>;
  /** Loop and lambda variables in scope: model scope name → TypeScript name. */
  readonly locals: ReadonlyMap<string, string>;
  readonly scope: NameScope;
  readonly diags: Diagnostic[];
  readonly loc?: Location;
  /** Declarations printed so far: a reference to a later one (a cycle) becomes a placeholder. */
  readonly declared?: ReadonlySet<string>;
}

export function withLocals(env: PrintEnv, add: Record<string, string>, scope?: NameScope): PrintEnv {
  const locals = new Map(env.locals);
  for (const [k, v] of Object.entries(add)) locals.set(k, v);
  return { ...env, locals, scope: scope ?? env.scope };
}

/** Whether the value of `e` is a Pulumi Output (as opposed to a plain value or an Input tree). */
export function isOutput(e: Expr, env: PrintEnv): boolean {
  switch (e.kind) {
    case "ref":
      return refIsOutput(e, env);
    case "template":
      return e.parts.some((p) => typeof p !== "string" && isOutput(p, env));
    case "call":
      if (e.name.startsWith("new ") && !e.name.startsWith("new pulumi.asset.")) return false;
      return e.args.some((a) => containsOutput(a, env));
    case "binary":
    case "unary":
    case "index":
    case "for":
      return containsOutput(e, env);
    case "conditional":
      return isOutput(e.condition, env) || isOutput(e.whenTrue, env) || isOutput(e.whenFalse, env);
    case "splat":
      return false;
    default:
      return false;
  }
}

function refIsOutput(e: RefExpr, env: PrintEnv): boolean {
  if (e.target.kind !== "decl") return false;
  const d = env.decls.get(e.target.id);
  if (!d) return false;
  if (d.isOutput) return true;
  if (!d.outputs) return false;
  const attrs = e.path.filter((a) => a.kind === "attr");
  return attrs.length > 0;
}

export function containsOutput(e: Expr, env: PrintEnv): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (!found && x.kind === "ref" && refIsOutput(x, env)) found = true;
    if (!found && x.kind === "splat" && containsOutput(x.source, env)) found = true;
    if (!found && x.kind === "splat" && x.source.kind === "ref" && x.source.target.kind === "decl") {
      const d = env.decls.get(x.source.target.id);
      if (d?.outputs && x.each.some((a) => a.kind === "attr")) found = true;
    }
  });
  return found;
}

export class ExprPrinter {
  /** Leaves replaced by lambda parameters while printing a lifted body. */
  private subst = new Map<Expr, string>();
  constructor(private env: PrintEnv) {}

  /** Prints `e` starting at column `col` with the given indentation level. */
  print(e: Expr, indent: string, col: number): string {
    const s = this.subst.get(e);
    if (s !== undefined) return s;
    switch (e.kind) {
      case "literal":
        return this.literal(e.value, e.heredoc === true);
      case "list":
        return this.list(e.items, indent, col);
      case "object":
        return this.object(e, indent);
      case "template":
        return this.template(e, indent);
      case "ref":
        // `map[region]` with an output key is lifted like any operation over outputs.
        return (e.path.some((a) => a.kind === "index" && containsOutput(a.key, this.env)) ? this.lift(e, indent, col) : undefined) ?? this.ref(e, indent);
      case "call":
        return this.lift(e, indent, col) ?? this.call(e, indent, col);
      case "conditional":
        if (isOutput(e.condition, this.env)) return this.lift(e, indent, col) ?? "";
        return this.conditional(e, indent, col);
      case "binary":
        return this.lift(e, indent, col) ?? `${this.operand(e.left, indent, col)} ${e.op === "==" ? "===" : e.op === "!=" ? "!==" : e.op} ${this.operand(e.right, indent, col)}`;
      case "unary":
        return this.lift(e, indent, col) ?? `${e.op}${this.operand(e.operand, indent, col)}`;
      case "index":
        return this.lift(e, indent, col) ?? `${this.operand(e.collection, indent, col)}${this.accessor({ kind: "index", key: e.key }, indent)}`;
      case "splat":
        return this.splat(e, indent, col);
      case "for":
        return this.lift(e, indent, col) ?? this.forExpr(e, indent, col);
      case "unsupported":
        return this.placeholder(e.text, e.reason);
      default:
        return assertNever(e);
    }
  }

  /** `c ? a : b`, or as prettier breaks it when it is too long or a branch spans lines. */
  private conditional(e: Extract<Expr, { kind: "conditional" }>, indent: string, col: number): string {
    const cond = this.operand(e.condition, indent, col);
    const flat = `${cond} ? ${this.operand(e.whenTrue, indent, col)} : ${this.operand(e.whenFalse, indent, col)}`;
    if (!flat.includes("\n") && col + flat.length < WIDTH) return flat;
    const branch = indent + "    ";
    return `${cond}\n${indent}  ? ${this.operand(e.whenTrue, branch, branch.length)}\n${indent}  : ${this.operand(e.whenFalse, branch, branch.length)}`;
  }

  private placeholder(text: string, reason: string): string {
    void reason; // reported as a diagnostic where it arose
    return `${this.env.helper("notImplemented")}(${stringLiteral(text)})`;
  }

  private literal(v: string | number | boolean | null, heredoc: boolean): string {
    if (v === null) return "undefined";
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : "undefined";
    if (typeof v === "boolean") return String(v);
    if (v.includes("\n") || heredoc) return "`" + templateText(v, true) + "`";
    return stringLiteral(v);
  }

  /** Operands of operators are parenthesised unless they are atoms. */
  private operand(e: Expr, indent: string, col: number): string {
    const s = this.print(e, indent, col);
    if (e.kind === "binary" || e.kind === "conditional" || (e.kind === "call" && /\?\?| \|\| /.test(s))) return `(${s})`;
    return s;
  }

  private list(items: readonly Expr[], indent: string, col: number): string {
    if (items.length === 0) return "[]";
    const inner = indent + INDENT;
    const parts = items.map((x) => this.print(x, inner, inner.length));
    const flat = `[${parts.join(", ")}]`;
    // Like prettier: one line when it fits and holds nothing multi-line, else one element a line.
    if (!flat.includes("\n") && col + flat.length <= WIDTH - 2) return flat;
    return `[\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}]`;
  }

  object(e: Extract<Expr, { kind: "object" }>, indent: string): string {
    if (e.entries.length === 0) return "{}";
    const inner = indent + INDENT;
    const lines: string[] = [];
    for (const en of e.entries) {
      for (const c of en.comments?.leading ?? []) lines.push(`${inner}//${c ? " " + c : ""}`);
      if (typeof en.key === "string" && en.key.startsWith("// ")) {
        lines.push(`${inner}${en.key}`);
        continue;
      }
      if ((en as { spread?: boolean }).spread && typeof en.key === "string") {
        lines.push(`${inner}${en.key},`);
        continue;
      }
      let key: string;
      if (typeof en.key === "string") key = propertyKey(en.key);
      else key = `[${this.print(en.key, inner, inner.length)}]`;
      const value = this.print(en.value, inner, inner.length + key.length + 2);
      const trailing = en.comments?.trailing !== undefined ? ` // ${en.comments.trailing}` : "";
      const first = `${inner}${key}: ${value.split("\n")[0]},`;
      if (first.length > WIDTH && /^(["']|new [\w.]+\((pulumi\.interpolate)?`)/.test(value)) {
        // Prettier moves a value it cannot break to a line of its own.
        lines.push(`${inner}${key}:\n${inner}  ${value},${trailing}`);
      } else lines.push(`${inner}${key}: ${value},${trailing}`);
    }
    return `{\n${lines.join("\n")}\n${indent}}`;
  }

  private template(e: Extract<Expr, { kind: "template" }>, indent: string): string {
    const multiline = e.heredoc === true || e.parts.some((p) => typeof p === "string" && p.includes("\n"));
    let body = "";
    for (const p of e.parts) {
      if (typeof p === "string") body += templateText(p, multiline);
      else body += "${" + this.print(p, indent, 0) + "}";
    }
    const tag = isOutput(e, this.env) && !this.subst.size ? "pulumi.interpolate" : "";
    return `${tag}\`${body}\``;
  }

  private ref(e: RefExpr, indent: string): string {
    const t = e.target;
    let head: string;
    let path = e.path;
    switch (t.kind) {
      case "decl": {
        const d = this.env.decls.get(t.id);
        if (!d) return this.placeholder(t.id, "unknown declaration");
        if (this.env.declared && !this.env.declared.has(t.id)) return this.placeholder(t.id, "dependency cycle");
        head = d.name;
        if (d.repeat === "conditional" && path[0]?.kind === "index") {
          // `x[0]` of a `count = cond ? 1 : 0` resource (or a CloudFormation resource under a
          // Condition): the source fails when it does not exist.
          path = path.slice(1);
          head = `${head}!`;
        }
        break;
      }
      case "countIndex":
        head = this.env.locals.get("count.index") ?? this.placeholder("count.index", "count.index outside a counted resource");
        break;
      case "each":
        head = this.env.locals.get(`each.${t.which}`) ?? this.placeholder(`each.${t.which}`, "each outside for_each");
        break;
      case "scope": {
        const local = this.env.locals.get(t.name);
        if (local === undefined) {
          this.env.diags.push(diagnostic("PG2008", "warning", `unknown name '${t.name}'`, this.env.loc));
          return this.placeholder([t.name, ...path.map((a) => (a.kind === "attr" ? a.name : "[]"))].join("."), "unknown name");
        }
        head = local;
        break;
      }
      default:
        return this.placeholder(t.kind, "reference not converted");
    }
    return head + path.map((a) => this.accessor(a, indent)).join("");
  }

  private accessor(a: Accessor, indent: string): string {
    if (a.kind === "attr") return isIdentifier(a.name) ? `.${a.name}` : `[${stringLiteral(a.name)}]`;
    const q = a.optional ? "?." : "";
    if (a.key.kind === "literal" && typeof a.key.value === "string" && isIdentifier(a.key.value)) return `${q || "."}${a.key.value}`;
    return `${q}[${this.print(a.key, indent, 0)}]`;
  }

  private splat(e: Extract<Expr, { kind: "splat" }>, indent: string, col: number): string {
    const src = this.operand(e.source, indent, col);
    if (e.each.length === 0) return src;
    const d = e.source.kind === "ref" && e.source.target.kind === "decl" && e.source.path.length === 0 ? this.env.decls.get(e.source.target.id) : undefined;
    if (d?.repeat === "conditional") {
      // A resource made by `count = cond ? 1 : 0`: zero or one instance.
      return `(${src} ? [${src}${e.each.map((a) => this.accessor(a, indent)).join("")}] : [])`;
    }
    const v = new NameScope(this.env.scope).claim("v");
    return `${src}.map((${v}) => ${v}${e.each.map((a) => this.accessor(a, indent)).join("")})`;
  }

  private call(e: Extract<Expr, { kind: "call" }>, indent: string, col: number): string {
    if (e.name.startsWith("new ")) return `${e.name}(${e.args.map((a) => this.print(a, indent, col)).join(", ")})`;
    if (e.name.includes(".")) return this.callArgs(e.name, e.args, indent, col);
    if (e.name === "jsonencode" && e.args[0] && containsOutput(e.args[0], this.env) && this.subst.size === 0) {
      return `pulumi.jsonStringify(${this.print(e.args[0], indent, col)})`;
    }
    if (e.name === "merge" && e.args.length > 0 && !e.expandLast) {
      const entries = e.args.flatMap((a) =>
        a.kind === "object" ? a.entries : [{ key: `...${this.print(a, indent + INDENT, 0)}`, value: a, spread: true }],
      );
      return this.object({ kind: "object", entries: entries as never }, indent);
    }
    if (e.name === "concat" && !e.expandLast) {
      // Literal lists join in place: `concat(a, ["z"])` → `[...a, "z"]`.
      const parts = e.args.flatMap((a) => (a.kind === "list" ? a.items.map((x) => this.print(x, indent, col)) : [`...${this.operand(a, indent, col)}`]));
      return `[${parts.join(", ")}]`;
    }
    if (e.name === "try" || e.name === "can") {
      const fn = this.env.helper(e.name === "try" ? "tryValues" : "can");
      return `${fn}(${e.args.map((a) => `() => ${this.print(a, indent, col)}`).join(", ")})`;
    }
    if (e.name === "format" && e.args[0]?.kind === "literal" && typeof e.args[0].value === "string") {
      const t = formatAsTemplate(e.args[0].value, e.args.slice(1));
      if (t) return this.print(t, indent, col);
    }
    const f = FUNCTIONS[e.name];
    const args = e.args.map((a, i) => (e.expandLast && i === e.args.length - 1 ? `...${this.print(a, indent, col)}` : this.operand(a, indent, col)));
    const code = f?.(args, this.env);
    if (code === undefined) {
      this.env.diags.push(diagnostic("PG2005", "warning", `function '${e.name}' is not supported yet; a placeholder stands in its place`, e.loc ?? this.env.loc));
      return this.placeholder(`${e.name}(…)`, `function ${e.name} not supported`);
    }
    return code;
  }

  callArgs(fn: string, args: readonly Expr[], indent: string, col: number): string {
    const printed = args.map((a) => this.print(a, indent, col));
    return `${fn}(${printed.join(", ")})`;
  }

  private forExpr(e: Extract<Expr, { kind: "for" }>, indent: string, col: number): string {
    const scope = new NameScope(this.env.scope);
    // A key that nothing reads is left out: `list.map((v) => …)` rather than `Object.entries`.
    const keyUsed = e.keyVar !== undefined && [e.value, e.key, e.condition].some((x) => x !== undefined && mentions(x, e.keyVar!));
    if (!keyUsed && e.keyVar !== undefined) e = { ...e, keyVar: undefined } as typeof e;
    const k = e.keyVar ? scope.claim(camelCase(e.keyVar)) : undefined;
    const v = scope.claim(camelCase(e.valueVar));
    const locals: Record<string, string> = { [e.valueVar]: v };
    if (e.keyVar && k) locals[e.keyVar] = k;
    const inner = new ExprPrinter(withLocals(this.env, locals, scope));
    inner.subst = this.subst;
    const coll = this.operand(e.collection, indent, col);
    const params = k ? `([${k}, ${v}])` : `(${v})`;
    const source = k ? `Object.entries(${coll})` : isArrayLike(e.collection, this.env) ? coll : `Object.values(${coll})`;
    const identity = !e.key && e.value.kind === "ref" && e.value.target.kind === "scope" && e.value.target.name === e.valueVar && e.value.path.length === 0;
    const filter = e.condition ? `.filter(${params} => ${inner.print(e.condition, indent, col)})` : "";
    if (filter && identity) return `${source}${filter}`;
    if (filter && !e.key) {
      return `${source}\n${indent}${INDENT}${filter}\n${indent}${INDENT}.map(${params} => ${e.value.kind === "object" ? `(${inner.print(e.value, indent + INDENT, col)})` : inner.print(e.value, indent + INDENT, col)})`;
    }
    const valueCode = inner.print(e.value, indent, col);
    const wrapped = e.value.kind === "object" ? `(${valueCode})` : valueCode;
    if (e.key) {
      const keyCode = inner.print(e.key, indent, col);
      return `Object.fromEntries(${source}${filter}.map(${params} => [${keyCode}, ${valueCode}]))`;
    }
    return `${source}${filter}.map(${params} => ${wrapped})`;
  }

  /**
   * If `e` is an operation over outputs, prints it lifted: `x.apply((v) => …)` or
   * `pulumi.all([a, b]).apply(([a, b]) => …)`. Returns undefined when nothing needs lifting.
   */
  private lift(e: Expr, indent: string, col: number): string | undefined {
    if (this.subst.size > 0 || !containsOutput(e, this.env)) return undefined;
    // Assets take plain strings: an asset built from outputs is built inside `.apply`.
    if (e.kind === "call" && !e.name.startsWith("new pulumi.asset.") && (e.name.startsWith("new ") || e.name.includes("."))) return undefined;
    if (e.kind === "call" && e.name === "jsonencode") return undefined;
    // Each distinct output leaf (by its printed code) becomes one lambda parameter; repeated
    // occurrences of the same leaf share it.
    const codes: string[] = [];
    const leaves: Expr[] = [];
    const occurrences: { leaf: Expr; index: number }[] = [];
    const collect = (x: Expr): void => {
      if ((x.kind === "ref" && refIsOutput(x, this.env)) || (x.kind === "splat" && containsOutput(x, this.env))) {
        const code = new ExprPrinter(this.env).print(x, indent, 0);
        let index = codes.indexOf(code);
        if (index < 0) {
          index = codes.push(code) - 1;
          leaves.push(x);
        }
        occurrences.push({ leaf: x, index });
        return;
      }
      childrenOf(x).forEach(collect);
    };
    collect(e);
    if (leaves.length === 0) return undefined;
    const scope = new NameScope(this.env.scope);
    const params = leaves.map((l) => scope.claim(paramName(l)));
    const sub = new ExprPrinter(withLocals(this.env, {}, scope));
    for (const o of occurrences) sub.subst.set(o.leaf, params[o.index]!);
    const body = sub.print(e, indent, col);
    const wrappedBody = e.kind === "object" ? `(${body})` : body;
    if (leaves.length === 1) {
      const leaf = leaves[0]!;
      const src = leaf.kind === "ref" ? codes[0]! : `pulumi.output(${codes[0]})`;
      const one = `${src}.apply((${params[0]}) => ${wrappedBody})`;
      // Too long for its line: prettier puts the callback on a line of its own.
      if (!one.includes("\n") && col + one.length + 1 > WIDTH) return `${src}.apply(\n${indent}  (${params[0]}) => ${wrappedBody},\n${indent})`;
      // A multi-line body prettier does not hug (anything but an object): the arrow's body goes
      // on a line of its own, indented under it.
      if (body.includes("\n") && e.kind !== "object" && !(e.kind === "call" && ["jsonencode", "merge"].includes(e.name))) {
        const deeper = indent + "    ";
        return `${src}.apply(\n${indent}  (${params[0]}) =>\n${deeper}${sub.print(e, deeper, deeper.length)},\n${indent})`;
      }
      return one;
    }
    return `pulumi.all([${codes.join(", ")}]).apply(([${params.join(", ")}]) => ${wrappedBody})`;
  }
}

function paramName(e: Expr): string {
  if (e.kind === "ref") {
    const attrs = e.path.filter((a): a is { kind: "attr"; name: string } => a.kind === "attr");
    const last = attrs[attrs.length - 1];
    if (last) return camelCase(last.name);
  }
  return "value";
}

function mentions(e: Expr, scopeName: string): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.kind === "ref" && x.target.kind === "scope" && x.target.name === scopeName) found = true;
  });
  return found;
}

function isArrayLike(e: Expr, env: PrintEnv): boolean {
  if (e.kind === "ref" && e.target.kind === "decl" && e.path.length === 0) return env.decls.get(e.target.id)?.array === true;
  return e.kind === "list" || e.kind === "splat" || (e.kind === "call" && ["toset", "tolist", "concat", "distinct", "flatten", "keys", "values", "split", "range", "compact", "sort"].includes(e.name));
}

/** `format("%s-%s", a, b)` with a literal spec → the template `${a}-${b}`. */
function formatAsTemplate(spec: string, args: readonly Expr[]): Expr | undefined {
  const parts: (string | Expr)[] = [];
  let i = 0;
  let text = "";
  for (let p = 0; p < spec.length; p++) {
    const c = spec[p]!;
    if (c !== "%") {
      text += c;
      continue;
    }
    const n = spec[p + 1];
    if (n === "%") {
      text += "%";
      p++;
      continue;
    }
    if (n !== "s" && n !== "d" && n !== "v") return undefined;
    const arg = args[i++];
    if (!arg) return undefined;
    if (text) parts.push(text);
    text = "";
    parts.push(arg);
    p++;
  }
  if (text) parts.push(text);
  if (i !== args.length) return undefined;
  return { kind: "template", parts };
}

export { HELPERS };
