/**
 * Prints model expressions as TypeScript, reading their types from the typing pass. Plain
 * values print as they are; a string mixing literals and outputs is `pulumi.interpolate`; an
 * operation that needs the values of outputs (a function, an operator, a condition, an index by
 * an output key) is lifted: its output leaves become the parameters of one `.apply` (one leaf)
 * or `pulumi.all([…]).apply` (several), and the operation prints inside over plain values.
 * Layout is prettier's business (see format.ts): this prints correct, parenthesised code.
 */
import type { Location } from "../../model/location.js";
import { diagnostic } from "../../model/diagnostics.js";
import { assertNever, childrenOf, type Accessor, type Expr, type ForExpr, type ObjectEntry, type RefExpr } from "../../model/expr.js";
import { NameScope } from "../../model/names.js";
import { SIGNATURES } from "../../typing/functions.js";
import { literalKey } from "../../typing/infer.js";
import { ANY, attribute, element, hasOutput, isOutputType, output, required, tsType, unwrap, type Type } from "../../typing/types.js";
import { arg, arrow, binary, call, code, conditional, method, PREC, primary, unary, type Code } from "./code.js";
import { commentText, isIdentifier, propertyKey, stringLiteral, templateText } from "./escape.js";
import { printFunction, type FnArg } from "./functions/index.js";
import { formatAsTemplate } from "./functions/strings.js";
import { forExpr, forPairs } from "./for.js";
import { failsInsideApply, guardedLift, liftExpr, needsLift, outputCall } from "./lift.js";
import type { PrintEnv } from "./env.js";
import { jsonCall } from "./json.js";

/** No substitutions (one map for every printer that has none). */
const NO_SUBST: ReadonlyMap<Expr, string> = new Map();

export class ExprPrinter {
  private readonly outMemo = new Map<Expr, boolean>();
  /** The location of the object entry being printed (an argument, a tag), where the model gives one: what its diagnostics point at. */
  private at: Location | undefined;

  /** Where a diagnostic about the expression being printed points: its entry's place, else its declaration's. */
  /** Where what is printed was written (the entry being printed, else the declaration): what is said about it points there. */
  get loc(): Location | undefined {
    return this.at ?? this.env.loc;
  }

  constructor(
    readonly env: PrintEnv,
    /** Leaves replaced by lambda parameters while printing a lifted body (never changed once given: a lift makes a map of its own). */
    readonly subst: ReadonlyMap<Expr, string> = NO_SUBST,
    /**
     * Inside `try()`/`can()`: a read through a value that may be absent is asserted present
     * (`x!.y`). At run time it still throws there, which the helper catches as Terraform's try
     * catches the error; only the type checker is told.
     */
    readonly asserting = false,
  ) {}

  /** Prints `e` as an argument of `try()`/`can()` (see {@link asserting}). */
  printAsserting(e: Expr): Code {
    return (this.asserting ? this : new ExprPrinter(this.env, this.subst, true)).print(e);
  }

  /** The expression's type in this scope. */
  type(e: Expr): Type {
    return this.env.types.type(e, this.env.scopeTypes);
  }

  /** Its type as a plain value (inside `.apply` every output is resolved). */
  plainType(e: Expr): Type {
    return required(unwrap(this.type(e)));
  }

  /** Whether the printed value is, or holds, an Output here (substituted leaves are plain). */
  isOut(e: Expr): boolean {
    const hit = this.outMemo.get(e);
    if (hit !== undefined) return hit;
    let out: boolean;
    if (this.subst.has(e)) out = false;
    else
      switch (e.kind) {
        case "literal":
        case "unsupported":
          out = false;
          break;
        case "ref":
          out = hasOutput(this.env.types.refBase(e, this.env.scopeTypes)) || e.path.some((a) => a.kind === "index" && this.isOut(a.key));
          break;
        case "splat":
          out = this.isOut(e.source) || (hasOutput(this.type(e)) && !this.subst.has(e.source));
          break;
        case "call":
          out = outputCall(e) ? hasOutput(this.type(e)) || e.name === "sensitive" : e.args.some((a) => this.isOut(a));
          break;
        case "for":
          // Typed whole first, so that its body is typed with its own loop variables (`m` of
          // `[for m in x : m.id]`), not as names unknown outside it.
          this.type(e);
          out = childrenOf(e).some((c) => this.isOut(c));
          break;
        default:
          out = childrenOf(e).some((c) => this.isOut(c));
      }
    this.outMemo.set(e, out);
    return out;
  }

  /** Whether the printed value is itself an Output (not a plain tree holding some). */
  isOutputValue(e: Expr): boolean {
    if (!this.isOut(e)) return false;
    if (e.kind === "list" || e.kind === "object") return false;
    if (e.kind === "template") return true;
    if (e.kind === "ref" && !e.path.some((a) => a.kind === "index" && this.isOut(a.key))) return isOutputType(this.env.types.refBase(e, this.env.scopeTypes));
    return isOutputType(this.type(e)) || e.kind === "binary" || e.kind === "unary";
  }

  print(e: Expr): Code {
    const s = this.subst.get(e);
    if (s !== undefined) return code(s);
    switch (e.kind) {
      case "literal":
        return this.literal(e.value, e.heredoc === true);
      case "list":
        return code(`[${e.items.map((x) => arg(this.print(x))).join(", ")}]`);
      case "object":
        return this.object(e.entries);
      case "template":
        return this.template(e);
      case "ref": {
        if (e.path.some((a) => a.kind === "index" && this.isOut(a.key))) return this.lift(e);
        const c = this.ref(e);
        // Terraform's bare `x` of a `count = cond ? 1 : 0` resource: a list of zero or one.
        return this.listOfOne(e) ? conditional(c, code(`[${c.text}]`), code("[]")) : c;
      }
      case "call": {
        if (e.name === "format") {
          const t = formatAsTemplate(e, (a) => this.plainType(a));
          if (t) return this.print(t);
        }
        if (e.name === "jsonencode" || e.name === "tojsonstring") return jsonCall(this, e);
        if (failsInsideApply(this, e)) return guardedLift(this, e);
        return needsLift(this, e) ? this.lift(e) : this.call(e);
      }
      case "conditional":
        if (this.isOut(e.condition)) return this.lift(e);
        return conditional(this.print(e.condition), this.print(e.whenTrue), this.print(e.whenFalse));
      case "binary":
        if (this.isOut(e.left) || this.isOut(e.right)) return this.lift(e);
        return this.binary(e);
      case "unary":
        if (this.isOut(e.operand)) return this.lift(e);
        return unary(e.op, this.print(e.operand));
      case "index":
        // A plain collection that holds outputs is indexed as it is; an Output one is lifted.
        if (this.isOutputValue(e.collection) || this.isOut(e.key)) return this.lift(e);
        return code(`${primary(this.print(e.collection))}${this.accessor({ kind: "index", key: e.key })}`);
      case "splat":
        if (this.isOutputValue(e.source)) return this.lift(e);
        return this.splat(e);
      case "for":
        if (this.isOutputValue(e.collection) || (e.key && this.isOut(e.key)) || (e.condition && this.isOut(e.condition))) return this.lift(e);
        return this.forExpr(e);
      case "unsupported":
        return this.placeholder(e.text);
      default:
        return assertNever(e);
    }
  }

  placeholder(text: string): Code {
    this.env.placeholders?.push({ text, ...(this.loc ? { location: this.loc } : {}) });
    return call(this.env.program.helper("notImplemented"), [code(stringLiteral(text))]);
  }

  private literal(v: string | number | boolean | null, heredoc: boolean): Code {
    if (v === null) return code("undefined");
    if (typeof v === "number") return Number.isFinite(v) ? (v < 0 || Object.is(v, -0) ? code(String(v), PREC.unary) : code(String(v), PREC.number)) : code("undefined");
    if (typeof v === "boolean") return code(String(v));
    if (v.includes("\n") || heredoc) return code("`" + templateText(v, true) + "`");
    return code(stringLiteral(v));
  }

  /** `{ key: value, … }`, one entry a line (prettier keeps an object broken when its first key is). */
  object(entries: readonly (ObjectEntry & { spread?: boolean })[]): Code {
    if (entries.length === 0) return code("{}");
    const lines: string[] = [];
    for (const en of entries) {
      for (const c of en.comments?.leading ?? []) lines.push(`//${c ? " " + commentText(c) : ""}`);
      const trailing = en.comments?.trailing !== undefined ? ` // ${commentText(en.comments.trailing)}` : "";
      if (typeof en.key === "string" && en.key.startsWith("// ")) {
        lines.push(`${en.key}${trailing}`);
        continue;
      }
      if (en.spread) {
        lines.push(`...${arg(this.print(en.value))},${trailing}`);
        continue;
      }
      const key = typeof en.key === "string" ? propertyKey(en.key) : `[${arg(this.print(en.key))}]`;
      const outer = this.at;
      if (en.loc) this.at = en.loc;
      try {
        lines.push(`${key}: ${arg(this.print(en.value))},${trailing}`);
      } finally {
        this.at = outer;
      }
    }
    return code(`{\n${lines.join("\n")}\n}`);
  }

  private template(e: Extract<Expr, { kind: "template" }>): Code {
    const multiline = e.heredoc === true || e.parts.some((p) => typeof p === "string" && p.includes("\n"));
    let body = "";
    for (const p of e.parts) body += typeof p === "string" ? templateText(p, multiline) : "${" + this.print(p).text + "}";
    const tag = e.parts.some((p) => typeof p !== "string" && this.isOut(p)) ? "pulumi.interpolate" : "";
    return code(`${tag}\`${body}\``);
  }

  private ref(e: RefExpr): Code {
    const t = e.target;
    let head: string;
    let type: Type;
    let path = e.path;
    switch (t.kind) {
      case "decl": {
        const name = this.env.names.get(t.id);
        if (name === undefined) return this.placeholder(t.id);
        if (this.env.declared && !this.env.declared.has(t.id)) {
          // A component's property read before the component is created (modules that call each
          // other's outputs): the deferred Output that stands for it until then.
          const first = path[0];
          const deferred = first?.kind === "attr" ? this.env.deferred?.get(`${t.id}.${first.name}`) : undefined;
          if (!deferred || first?.kind !== "attr") return this.placeholder(t.id);
          head = deferred;
          type = attribute(this.env.types.decl(t.id), first.name);
          path = path.slice(1);
          break;
        }
        head = name;
        type = this.env.types.decl(t.id);
        const [first, second] = path;
        if (type.k === "resource" && type.className === "pulumi.StackReference" && first?.kind === "attr" && first.name === "outputs" && second?.kind === "attr") {
          // Another stack's output (a Terraform remote state's): one that stack does not export is an error that names it.
          head = `${head}.requireOutput(${stringLiteral(second.name)})`;
          type = output(ANY);
          path = path.slice(2);
        }
        const rep = this.env.types.repeatOf(t.id);
        if (rep?.kind === "conditional" && path[0]?.kind === "index") {
          // `x[0]` of a `count = cond ? 1 : 0` resource: Terraform fails there too when it does not exist.
          path = path.slice(1);
          head = `${head}!`;
          type = required(type);
        }
        break;
      }
      case "countIndex":
        head = this.env.locals.get("count.index") ?? this.placeholder("count.index").text;
        type = this.env.scopeTypes.get("count.index") ?? ANY;
        break;
      case "each":
        head = this.env.locals.get(`each.${t.which}`) ?? this.placeholder(`each.${t.which}`).text;
        type = this.env.scopeTypes.get(`each.${t.which}`) ?? ANY;
        break;
      case "scope": {
        const local = this.env.locals.get(t.name);
        if (local === undefined) {
          this.env.diags.push(diagnostic("PG2008", "warning", `unknown name '${t.name}'`, this.loc));
          return this.placeholder([t.name, ...path.map((a) => (a.kind === "attr" ? a.name : "[]"))].join("."));
        }
        head = local;
        type = this.env.scopeTypes.get(t.name) ?? ANY;
        break;
      }
      default:
        return this.placeholder(t.kind);
    }
    return this.path(head, type, path);
  }

  /**
   * `head` followed by its accessors. Reading into an `Output<any>` goes through `.apply` (an
   * Output of an unknown shape has no typed properties), and reading a key an object type does
   * not declare reads it as a record (`(x as Record<string, string>)[key]`), as Terraform reads
   * a map.
   */
  private path(head: string, type: Type, path: readonly Accessor[]): Code {
    let text = head;
    let t = type;
    for (let i = 0; i < path.length; i++) {
      const a = path[i]!;
      if (t.k === "output" && t.of.k === "any") {
        const v = new NameScope(this.env.scope).claim("value");
        return method(code(text), "apply", [arrow(v, code(v + path.slice(i).map((x) => this.accessor(x)).join("")))]);
      }
      const plain = required(t.k === "output" ? t.of : t);
      if (plain.k === "object") {
        const key = a.kind === "attr" ? a.name : literalKey(a.key);
        if (key === undefined || !(String(key) in plain.fields)) {
          const values = Object.values(plain.fields).map((f) => tsType(required(unwrap(f))));
          text = `(${text} as Record<string, ${values.length && values.every((v) => v === values[0]) && values[0] !== "undefined" ? values[0] : "any"}>)`;
        }
      }
      if (this.asserting && t.k === "opt") text += "!";
      text += this.accessor(a);
      t = a.kind === "attr" ? attribute(t, a.name) : element(t, literalKey(a.key));
    }
    return code(text);
  }

  accessor(a: Accessor): string {
    if (a.kind === "attr") return isIdentifier(a.name) ? `.${a.name}` : `[${stringLiteral(a.name)}]`;
    const q = a.optional ? "?." : "";
    if (a.key.kind === "literal" && typeof a.key.value === "string" && isIdentifier(a.key.value)) return `${q || "."}${a.key.value}`;
    return `${q}[${this.print(a.key).text}]`;
  }

  private binary(e: Extract<Expr, { kind: "binary" }>): Code {
    const left = this.print(e.left);
    const right = this.print(e.right);
    if (e.op === "==" || e.op === "!=") {
      // Terraform compares values: lists and objects by their contents.
      const structured = (x: Expr) => ["list", "tuple", "map", "object", "schema", "any"].includes(this.plainType(x).k) && !(x.kind === "literal");
      if (structured(e.left) && structured(e.right) && (this.plainType(e.left).k !== "any" || this.plainType(e.right).k !== "any")) {
        this.env.program.use("util");
        const eq = call("util.isDeepStrictEqual", [left, right]);
        return e.op === "==" ? eq : unary("!", eq);
      }
      return binary(e.op === "==" ? "===" : "!==", left, right);
    }
    return binary(e.op, left, right);
  }

  /** A bare, declared reference to a resource of Terraform's `count = cond ? 1 : 0` (its value is a list). */
  private listOfOne(e: RefExpr): boolean {
    if (e.path.length > 0 || e.target.kind !== "decl" || this.subst.has(e)) return false;
    const id = e.target.id;
    const rep = this.env.types.repeatOf(id);
    return rep?.kind === "conditional" && rep.list === true && this.env.names.get(id) !== undefined && (!this.env.declared || this.env.declared.has(id));
  }

  private splat(e: Extract<Expr, { kind: "splat" }>): Code {
    const conditionalDecl = e.source.kind === "ref" && e.source.target.kind === "decl" && e.source.path.length === 0 && this.env.types.repeatOf(e.source.target.id)?.kind === "conditional";
    // The instance itself (`x`, not Terraform's list of it), read below as zero or one.
    const src = e.source.kind === "ref" && this.listOfOne(e.source) ? this.ref(e.source) : this.print(e.source);
    const source = this.plainType(e.source);
    const tail = (head: string) => head + e.each.map((a) => this.accessor(a)).join("");
    if (conditionalDecl || this.type(e.source).k === "opt") {
      // Zero or one instance: `x ? [x.a] : []`.
      return conditional(src, code(`[${tail(primary(src))}]`), code("[]"));
    }
    if (source.k !== "list" && source.k !== "tuple" && source.k !== "any") return code(`[${tail(primary(src))}]`);
    if (e.each.length === 0) return src;
    const v = new NameScope(this.env.scope).claim("v");
    const untyped = source.k === "any" || required(unwrap(element(source))).k === "any";
    return method(src, "map", [arrow(untyped ? `${v}: any` : v, code(tail(v)))]);
  }

  private call(e: Extract<Expr, { kind: "call" }>): Code {
    if (e.name.startsWith("new ")) return call(e.name, e.args.map((a) => this.print(a)));
    if (e.name.includes(".")) return call(e.name, e.args.map((a) => this.print(a)));
    const args: FnArg[] = e.args.map((a, i) => ({
      expr: a,
      type: this.plainType(a),
      optional: unwrap(this.type(a)).k === "opt",
      out: this.isOut(a),
      spread: e.expandLast === true && i === e.args.length - 1,
      print: () => this.print(a),
    }));
    const callScope = new NameScope(this.env.scope);
    const printed = printFunction(e, args, {
      ...this.env.program,
      warn: (message) => this.env.diags.push(diagnostic("PG2005", "warning", message, e.loc ?? this.loc)),
      info: (message) => this.env.diags.push(diagnostic("PG2010", "info", message, e.loc ?? this.loc)),
      print: (x) => this.print(x),
      printAsserting: (x) => this.printAsserting(x),
      fresh: (name) => callScope.claim(name),
      object: (entries) => this.object(entries),
    });
    if (printed === undefined) {
      const why = SIGNATURES[e.name]?.unsupported;
      this.env.diags.push(diagnostic("PG2005", "warning", `function '${e.name}' is not converted${why ? ` (it ${why})` : ""}; a placeholder stands in its place`, e.loc ?? this.loc));
      return this.placeholder(`${e.name}(…)`);
    }
    return printed;
  }

  private forExpr(e: ForExpr): Code {
    return forExpr(this, e);
  }

  /**
   * The `[key, value]` pairs a map-making `for` expression makes; `tuples` types each pair as a
   * tuple (`as const`), as a loop that destructures them needs.
   */
  forPairs(e: ForExpr, tuples = false): Code {
    return forPairs(this, e, tuples);
  }

  /** An operation over outputs, lifted (lift.ts). */
  private lift(e: Expr): Code {
    return liftExpr(this, e);
  }
}

export { literalKey };
