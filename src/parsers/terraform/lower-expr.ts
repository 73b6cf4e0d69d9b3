/**
 * Lowers hcl2json's expression syntax tree into the model's expression vocabulary.
 * The tree keeps literal text as written, so string escapes and heredoc indentation are
 * decoded here; object keys are read back from the source through their byte ranges.
 */
import type { Accessor, BinaryOperator, Expr, ObjectEntry, RefTarget } from "../../model/expr.js";
import { lexedOf, withEntryComments } from "./entry-comments.js";
import type { HclAst } from "./hcl2json.js";
import { decodeHeredoc, decodeQuoted, directiveEnd, heredocIndent, markers, stripIndentAfterNewlines, trimEnd, trimStart } from "./literal-text.js";

const BINARY: Record<string, BinaryOperator> = {
  add: "+", subtract: "-", multiply: "*", divide: "/", modulo: "%",
  equal: "==", notEqual: "!=", lessThan: "<", lessThanOrEqual: "<=",
  greaterThan: ">", greaterThanOrEqual: ">=", logicalAnd: "&&", logicalOr: "||",
};

export interface LowerContext {
  /** The source text the ranges point into, as bytes. */
  readonly source: Buffer;
}

export function lowerExpr(ast: HclAst, ctx: LowerContext): Expr {
  return new Lowerer(ctx).expr(ast);
}

const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[0-9]+\]|\["[^"\\$%]*"\])*$/;
const STEP = /\.([A-Za-z_][\w-]*)|\[([0-9]+)\]|\[("[^"\\$%]*")\]/g;

/**
 * A plain traversal (`aws_x.y.id`, `var.list[0]`, `local.m["k"]`) needs no expression parser:
 * it is read here, and the rest goes to hcl2json. Returns undefined for anything else.
 */
export function lowerSimpleTraversal(src: string): Expr | undefined {
  if (!TRAVERSAL.test(src) || src === "true" || src === "false" || src === "null") return undefined;
  const head = /^[A-Za-z_][\w-]*/.exec(src)![0];
  const parts: { type: string; segment: string }[] = [{ type: "nameTraversal", segment: head }];
  for (const m of src.slice(head.length).matchAll(STEP)) {
    if (m[1] !== undefined) parts.push({ type: "nameTraversal", segment: m[1] });
    else parts.push({ type: "indexTraversal", segment: m[2] ?? m[3]! });
  }
  return new Lowerer({ source: Buffer.alloc(0) }).traversalOf(parts);
}

const SIMPLE_TEMPLATE = /^"(?:[^"\\$%\n]|\$\{[^}"]*\})*"$/;

/**
 * A quoted string whose interpolations are plain traversals (`"${var.prefix}-logs"`, `"arn:aws:s3:::${aws_s3_bucket.b.id}/*"`),
 * with no escapes and no directives, read here as {@link lowerSimpleTraversal} reads traversals;
 * the file it is in was accepted by hcl2json first, and tests hold every such value of the corpus
 * to what the library's syntax tree lowers to. Returns undefined for anything else.
 */
export function lowerSimpleTemplate(src: string): Expr | undefined {
  if (!src.includes("${") || !SIMPLE_TEMPLATE.test(src)) return undefined;
  const parts: (string | Expr)[] = [];
  const body = src.slice(1, -1);
  let at = 0;
  for (let open = body.indexOf("${"); open >= 0; open = body.indexOf("${", at)) {
    if (open > at) parts.push(body.slice(at, open));
    const close = body.indexOf("}", open);
    const ref = lowerSimpleTraversal(body.slice(open + 2, close).trim());
    if (!ref) return undefined;
    parts.push(ref);
    at = close + 1;
  }
  if (at < body.length) parts.push(body.slice(at));
  return parts.length === 1 && typeof parts[0] !== "string" ? parts[0]! : { kind: "template", parts };
}

class Lowerer {
  constructor(private readonly ctx: LowerContext) {}

  private text(node: { range: { start: { byte: number }; end: { byte: number } } }): string {
    return this.ctx.source.subarray(node.range.start.byte, node.range.end.byte).toString("utf8");
  }

  private unsupported(node: HclAst, reason: string): Expr {
    return { kind: "unsupported", text: this.text(node), reason };
  }

  expr(node: HclAst): Expr {
    const kids = node.children;
    switch (node.type) {
      case "literalValue": {
        const { type, value } = node.meta;
        if (type === "number") return { kind: "literal", value: Number(value) };
        if (type === "bool") return { kind: "literal", value: value === "true" };
        if (type === "string") return { kind: "literal", value: decodeQuoted(value) };
        if (value === "null") return { kind: "literal", value: null };
        return this.unsupported(node, "literal of unknown type");
      }
      case "templateWrap":
        return this.expr(kids[0]!);
      case "template":
        return this.template(node);
      case "tuple":
        return { kind: "list", items: kids.map((k) => this.expr(k)) };
      case "object":
        return this.object(node);
      case "scopeTraversal":
        return this.traversal(node.meta.traversal);
      case "relativeTraversal":
        return this.relative(this.expr(kids[0]!), this.accessors(node.meta.traversal));
      case "index":
        return this.relative(this.expr(kids[0]!), [{ kind: "index", key: this.expr(kids[1]!) }]);
      case "splat": {
        const source = this.expr(kids[0]!);
        const rel = kids[1];
        const each = rel && rel.type === "relativeTraversal" ? this.accessors(rel.meta.traversal) : [];
        return { kind: "splat", source, each };
      }
      case "function":
        return {
          kind: "call",
          name: node.meta.name,
          args: kids.map((k) => this.expr(k)),
          ...(String(node.meta.expandedFinalArgument) === "true" ? { expandLast: true } : {}),
        };
      case "conditional":
        return { kind: "conditional", condition: this.expr(kids[0]!), whenTrue: this.expr(kids[1]!), whenFalse: this.expr(kids[2]!) };
      case "unaryOp":
        return { kind: "unary", op: node.meta.operator === "negate" ? "-" : "!", operand: this.expr(kids[0]!) };
      case "binaryOp": {
        const op = BINARY[node.meta.operator];
        if (!op) return this.unsupported(node, `operator ${node.meta.operator}`);
        return { kind: "binary", op, left: this.expr(kids[0]!), right: this.expr(kids[1]!) };
      }
      case "for":
        return this.forExpr(node);
      default: {
        // Parentheses come back as an untyped node with one child.
        const untyped = node as { type: string; children: HclAst[] };
        if (untyped.type === "" && untyped.children.length === 1) return this.expr(untyped.children[0]!);
        return this.unsupported(node, `expression of kind '${untyped.type}'`);
      }
    }
  }

  private template(node: Extract<HclAst, { type: "template" }>): Expr {
    const raw = node.meta.value;
    const heredoc = /^<<(-?)/.exec(raw);
    const style: TemplateStyle = { heredoc: heredoc !== null, indent: heredoc?.[1] === "-" ? heredocIndent(raw) : 0 };
    const parts = this.templateParts(node.children, style);
    // hcl2json strips the first line of a `<<-` heredoc unless a directive follows in that chunk.
    const firstLine = raw.split("\n")[1] ?? "";
    if (style.indent > 0 && typeof parts[0] === "string" && parts[0].startsWith(firstLine.slice(0, style.indent)) && /^\s/.test(firstLine)) {
      parts[0] = parts[0].slice(Math.min(style.indent, parts[0].length - parts[0].trimStart().length));
    }
    if (parts.length === 0) return { kind: "literal", value: "", ...(heredoc ? { heredoc: true } : {}) };
    if (parts.length === 1 && typeof parts[0] === "string") {
      return { kind: "literal", value: parts[0], ...(heredoc ? { heredoc: true } : {}) };
    }
    return { kind: "template", parts, ...(heredoc ? { heredoc: true } : {}) };
  }

  /**
   * A template's text and interpolations, with its directives: `%{ for }` becomes the joined
   * values of a `for` expression, `%{ if }` a conditional. Strip markers (`${~ x ~}`,
   * `%{~ for … ~}`) remove the white space next to them, as HCL does (hcl2json leaves it in).
   */
  private templateParts(children: readonly HclAst[], style: TemplateStyle): (string | Expr)[] {
    const segments: Segment[] = [];
    for (const k of children) {
      if (k.type === "literalValue" && k.meta.type === "string") {
        let text = style.heredoc ? decodeHeredoc(k.meta.value) : decodeQuoted(k.meta.value);
        if (style.indent > 0) text = stripIndentAfterNewlines(text, style.indent);
        segments.push({ text });
        continue;
      }
      const untyped = k as { type: string; children: HclAst[]; meta: Record<string, unknown> };
      if (untyped.type === "templateJoin" && untyped.children[0]?.type === "for") {
        const f = untyped.children[0] as Extract<HclAst, { type: "for" }>;
        const open = markers(String(f.meta.openRangeValue ?? ""));
        const close = markers(String(f.meta.closeRangeValue ?? ""));
        const [collection, body] = f.children;
        const inner = body && body.type === "template" ? this.templateParts(body.children, style) : body ? [this.expr(body)] : [];
        if (open.right) trimStart(inner);
        if (close.left) trimEnd(inner);
        const value: Expr = inner.length === 1 && typeof inner[0] === "string" ? { kind: "literal", value: inner[0] } : { kind: "template", parts: inner };
        const loop: Expr = {
          kind: "for",
          ...(f.meta.keyVar ? { keyVar: f.meta.keyVar } : {}),
          valueVar: f.meta.valVar,
          collection: this.expr(collection!),
          value,
        };
        segments.push({ expr: { kind: "call", name: "join", args: [{ kind: "literal", value: "" }, loop] }, left: open.left, right: close.right });
        continue;
      }
      if (k.type === "conditional" && typeof (k.meta as { value?: unknown }).value === "string" && String((k.meta as { value: string }).value).startsWith("%{")) {
        const text = String((k.meta as { value: string }).value);
        const open = markers(text.slice(0, directiveEnd(text, 0) + 1));
        const elseAt = text.search(/%\{~?\s*else\s*~?\}(?![\s\S]*%\{~?\s*else\s*~?\})/);
        const otherwise = elseAt >= 0 ? markers(text.slice(elseAt, text.indexOf("}", elseAt) + 1)) : { left: false, right: false };
        const endif = markers(/%\{~?\s*endif\s*~?\}$/.exec(text)?.[0] ?? "");
        const branch = (n: HclAst | undefined) => (n && n.type === "template" ? this.templateParts(n.children, style) : n ? [this.expr(n)] : []);
        const then = branch(k.children[1]);
        const other = branch(k.children[2]);
        if (open.right) trimStart(then);
        if (elseAt >= 0) {
          if (otherwise.left) trimEnd(then);
          if (otherwise.right) trimStart(other);
          if (endif.left) trimEnd(other);
        } else if (endif.left) trimEnd(then);
        const asExpr = (ps: (string | Expr)[]): Expr => (ps.length === 0 ? { kind: "literal", value: "" } : ps.length === 1 && typeof ps[0] === "string" ? { kind: "literal", value: ps[0] } : { kind: "template", parts: ps });
        segments.push({ expr: { kind: "conditional", condition: this.expr(k.children[0]!), whenTrue: asExpr(then), whenFalse: asExpr(other) }, left: open.left, right: endif.right });
        continue;
      }
      // An interpolation: `${~ x ~}` strips around itself.
      const before = this.ctx.source.subarray(Math.max(0, k.range.start.byte - 64), k.range.start.byte).toString("utf8");
      const after = this.ctx.source.subarray(k.range.end.byte, k.range.end.byte + 64).toString("utf8");
      segments.push({ expr: this.expr(k), left: /\$\{~\s*$/.test(before), right: /^\s*~\}/.test(after) });
    }
    // Apply the strip markers to the text around each interpolation and directive.
    segments.forEach((seg, i) => {
      if (!("expr" in seg)) return;
      const prev = segments[i - 1];
      const next = segments[i + 1];
      if (seg.left && prev && "text" in prev) prev.text = prev.text.replace(/\s+$/, "");
      if (seg.right && next && "text" in next) next.text = next.text.replace(/^\s+/, "");
    });
    const parts: (string | Expr)[] = [];
    for (const seg of segments) {
      if ("text" in seg) {
        const last = parts[parts.length - 1];
        if (typeof last === "string") parts[parts.length - 1] = last + seg.text;
        else if (seg.text !== "") parts.push(seg.text);
      } else parts.push(seg.expr);
    }
    return parts;
  }

  private object(node: HclAst): Expr {
    const kids = node.children;
    const entries: ObjectEntry[] = [];
    for (let i = 0; i + 1 < kids.length; i += 2) {
      const keyNode = kids[i]!;
      const value = this.expr(kids[i + 1]!);
      const keyChildren = keyNode.children;
      let key: string | Expr;
      if (keyChildren.length === 0) key = this.text(keyNode).trim();
      else {
        const k = this.expr(keyChildren[0]!);
        key = k.kind === "literal" && typeof k.value === "string" ? k.value : k;
        // A bare traversal used as a key (`foo.bar = 1`) is the literal text in HCL only when
        // unparenthesised: `(local.k) = 1` is the value of local.k (the key's range leaves the parentheses out).
        if (typeof key !== "string" && k.kind === "ref" && this.source(this.keyStart(keyNode)) !== 0x28) {
          key = this.text(keyNode).trim();
        }
      }
      entries.push({ key, value });
    }
    const lexed = lexedOf(this.ctx.source);
    if (!lexed?.comments.length) return { kind: "object", entries };
    return { kind: "object", entries: withEntryComments(entries, kids.filter((_, i) => i % 2 === 0).map((k) => this.keyStart(k)), node.range.start.byte, lexed) };
  }

  /** Where a key is written: its range starts inside its quotes or parentheses. */
  private keyStart(keyNode: HclAst): number {
    const start = keyNode.range.start.byte;
    if (this.source(start - 1) === 0x22) return start - 1;
    let p = start - 1;
    while (this.source(p) === 0x20 || this.source(p) === 0x09) p--;
    return this.source(p) === 0x28 ? p : start;
  }

  private source(at: number): number | undefined {
    return at >= 0 ? this.ctx.source[at] : undefined;
  }

  private forExpr(node: Extract<HclAst, { type: "for" }>): Expr {
    const m = node.meta;
    const kids = [...node.children];
    const collection = this.expr(kids.shift()!);
    const key = m.keyExpression ? this.expr(kids.shift()!) : undefined;
    const value = this.expr(kids.shift()!);
    const condition = m.conditionalExpression ? this.expr(kids.shift()!) : undefined;
    return {
      kind: "for",
      ...(m.keyVar ? { keyVar: m.keyVar } : {}),
      valueVar: m.valVar,
      collection,
      ...(key ? { key } : {}),
      value,
      ...(condition ? { condition } : {}),
      ...(m.groupedValue ? { grouped: true } : {}),
    };
  }

  private accessors(parts: readonly { type: string; segment: string }[]): Accessor[] {
    return parts.map((p) => {
      if (p.type === "nameTraversal") return { kind: "attr", name: p.segment };
      const seg = p.segment;
      if (/^-?\d+$/.test(seg)) return { kind: "index", key: { kind: "literal", value: Number(seg) } };
      if (seg.startsWith('"')) return { kind: "index", key: { kind: "literal", value: decodeQuoted(seg.slice(1, -1)) } };
      return { kind: "index", key: { kind: "literal", value: seg } };
    });
  }

  private relative(base: Expr, path: Accessor[]): Expr {
    if (base.kind === "ref") return { ...base, path: [...base.path, ...path] };
    let e = base;
    for (const a of path) {
      e = { kind: "index", collection: e, key: a.kind === "attr" ? { kind: "literal", value: a.name } : a.key };
    }
    return e;
  }

  traversalOf(parts: readonly { type: string; segment: string }[]): Expr {
    return this.traversal(parts);
  }

  private traversal(parts: readonly { type: string; segment: string }[]): Expr {
    const acc = this.accessors(parts);
    const names = acc.map((a) => (a.kind === "attr" ? a.name : undefined));
    const root = names[0]!;
    const ref = (target: RefTarget, skip: number): Expr => ({ kind: "ref", target, path: acc.slice(skip) });
    switch (root) {
      case "var":
        if (names[1]) return ref({ kind: "variable", name: names[1] }, 2);
        break;
      case "local":
        if (names[1]) return ref({ kind: "local", name: names[1] }, 2);
        break;
      case "data":
      // An ephemeral resource is read as the data source of its type (lower.ts), under the same address.
      case "ephemeral":
        if (names[1] && names[2]) return ref({ kind: "data", type: names[1], name: names[2] }, 3);
        break;
      case "module":
        if (names[1]) return ref({ kind: "module", name: names[1] }, 2);
        break;
      case "count":
        if (names[1] === "index") return ref({ kind: "countIndex" }, 2);
        break;
      case "each":
        if (names[1] === "key" || names[1] === "value") return ref({ kind: "each", which: names[1] }, 2);
        break;
      case "path":
        if (names[1]) return ref({ kind: "path", which: names[1] }, 2);
        break;
      case "self":
        return ref({ kind: "self" }, 1);
      default:
        if (root !== undefined && names[1] !== undefined && /^[a-z0-9]+_/.test(root)) {
          return ref({ kind: "resource", type: root, name: names[1] }, 2);
        }
    }
    return ref({ kind: "scope", name: root ?? "" }, 1);
  }
}

interface TemplateStyle {
  readonly heredoc: boolean;
  /** `<<-`: the indentation removed from every line. */
  readonly indent: number;
}

type Segment = { text: string } | { expr: Expr; left: boolean; right: boolean };

/** `ignore_changes = [tags, tags["x"]]` as the names it lists (`tags`, `tags.[]`); a literal string (Terraform 0.11) as itself. */
export function ignoreList(v: Expr): string[] {
  const one = (e: Expr): string | undefined => {
    if (e.kind === "ref" && e.target.kind === "scope") {
      return [e.target.name, ...e.path.map((a) => (a.kind === "attr" ? a.name : "[]"))].join(".");
    }
    if (e.kind === "literal" && typeof e.value === "string") return e.value;
    return undefined;
  };
  if (v.kind === "list") return v.items.map(one).filter((x): x is string => x !== undefined);
  const s = one(v);
  return s ? [s] : [];
}
