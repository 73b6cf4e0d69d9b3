/**
 * CloudFormation values (long-form intrinsics, as `yaml.ts` normalises them) → model
 * expressions. `Ref`/`Fn::GetAtt` become references (resource, parameter, pseudo parameter),
 * `Fn::Sub` and a `Fn::Join` of a literal list templates, conditions operators, `Fn::FindInMap`
 * an index into the mapping. Intrinsics that need an invoke (`Fn::GetAZs`, `Fn::ImportValue`)
 * stay calls named after themselves; the mapper hoists them.
 */
import { includeLocation, remote } from "./include.js";
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Accessor, Comments, Expr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";

export interface IntrinsicScope {
  readonly parameters: ReadonlySet<string>;
  /** Logical id → CloudFormation type. */
  readonly resources: ReadonlyMap<string, string>;
  readonly conditions: ReadonlySet<string>;
  readonly mappings: ReadonlySet<string>;
  readonly locate: (path: readonly string[]) => Location;
  /** The comments of an entry written at `line` (comments.ts), if any. */
  readonly comments?: (line: number) => Comments | undefined;
  readonly diags: Diagnostic[];
  /** `Ref` names that read another resource or attribute (SAM's `Fn.Alias`, `Fn.Version`). */
  readonly references?: ReadonlyMap<string, { readonly id: string; readonly attr?: string }>;
}

/**
 * A value the SAM expansion writes that no template can (a symbol key): the SHA-1 of its text, as
 * Terraform's `sha1()` prints it, for a deployment's `triggers` that change when its API does.
 */
export const SHA1 = Symbol("sha1");

/**
 * Another such value: a call of one of Terraform's functions, as the emitter prints them (an
 * API's `DefinitionUri` before `sam package` uploads it is `file()` of its path, read when the
 * program runs).
 */
export const CALL = Symbol("call");

export const PSEUDO_PARAMETERS = [
  "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
  "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
] as const;

/** Lowers a template value found at `path` (used for diagnostics). */
export function lowerValue(v: unknown, path: readonly string[], s: IntrinsicScope): Expr {
  if (v === null || v === undefined) return { kind: "literal", value: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { kind: "literal", value: v };
  if (v instanceof Date) return { kind: "literal", value: v.toISOString().slice(0, 10) };
  if (Array.isArray(v)) return lowerList(v, path, s);
  const o = v as Record<string, unknown>;
  if (SHA1 in o) return { kind: "call", name: "sha1", args: [lowerValue((o as { [SHA1]: unknown })[SHA1], path, s)], loc: s.locate(path) };
  if (CALL in o) {
    const { name, args } = (o as { [CALL]: { name: string; args: readonly unknown[] } })[CALL];
    return { kind: "call", name, args: args.map((a) => lowerValue(a, path, s)), loc: s.locate(path) };
  }
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const k = keys[0]!;
    if (/^[A-Z][A-Za-z0-9]*::/.test(k) && !k.startsWith("Fn::") && !k.startsWith("AWS::")) {
      // A preprocessor directive (`Rain::Embed`, …) the tool that owns it expands before deployment.
      return unsupported(k, `a ${k.split("::")[0]} directive, not CloudFormation: run its tool first and convert the template it produces`, [...path, k], s, "warning");
    }
    if (k === "Ref" || k === "Condition" || k.startsWith("Fn::")) {
      const e = intrinsic(k, o[k], [...path, k], s);
      if (e) return e;
    }
  }
  return {
    kind: "object",
    entries: keys.map((k) => {
      const at = [...path, k];
      // Located before what it holds, so that a comment on its line is its own.
      const loc = s.locate(at);
      const c = s.comments?.(loc.line);
      return { key: k, value: lowerValue(o[k], at, s), loc, ...(c ? { comments: c } : {}) };
    }),
  };
}

const isNoValue = (v: unknown): boolean => v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && (v as Record<string, unknown>).Ref === "AWS::NoValue";

/**
 * A list. An item that is `AWS::NoValue` on one branch of an `Fn::If` is not in the list on
 * that branch (CloudFormation removes it, it is not a null item): the list is the concatenation
 * of its fixed runs and `cond ? [item] : []`.
 */
function lowerList(v: readonly unknown[], path: readonly string[], s: IntrinsicScope): Expr {
  const items = v.map((x, i) => lowerValue(x, [...path, String(i)], s));
  const optional = (x: unknown): boolean => {
    const f = x !== null && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length === 1 ? (x as Record<string, unknown>)["Fn::If"] : undefined;
    return Array.isArray(f) && f.length === 3 && (isNoValue(f[1]) || isNoValue(f[2]));
  };
  if (!v.some(optional)) return { kind: "list", items };
  const parts: Expr[] = [];
  let run: Expr[] = [];
  items.forEach((e, i) => {
    if (isNoValue(v[i])) return;
    if (!optional(v[i]) || e.kind !== "conditional") {
      run.push(e);
      return;
    }
    if (run.length) parts.push({ kind: "list", items: run });
    run = [];
    const present = isNoValue((v[i] as { "Fn::If": unknown[] })["Fn::If"][1]) ? e.whenFalse : e.whenTrue;
    const when = present === e.whenTrue ? e.condition : ({ kind: "unary", op: "!", operand: e.condition } as Expr);
    parts.push({ kind: "conditional", condition: when, whenTrue: { kind: "list", items: [present] }, whenFalse: { kind: "list", items: [] } });
  });
  if (run.length) parts.push({ kind: "list", items: run });
  return parts.length === 1 ? parts[0]! : { kind: "call", name: "concat", args: parts };
}

function unsupported(text: string, reason: string, path: readonly string[], s: IntrinsicScope, severity: "warning" | "error" = "warning"): Expr {
  s.diags.push(diagnostic(severity === "error" ? "PG2008" : "PG2006", severity, `${text}: ${reason}`, s.locate(path)));
  return { kind: "unsupported", text, reason };
}

const lit = (value: string | number | boolean | null): Expr => ({ kind: "literal", value });

function intrinsic(name: string, arg: unknown, path: readonly string[], s: IntrinsicScope): Expr | undefined {
  const args = Array.isArray(arg) ? arg : undefined;
  const sub = (x: unknown, i: number) => lowerValue(x, [...path, String(i)], s);
  switch (name) {
    case "Ref":
      return typeof arg === "string" ? ref(arg, undefined, path, s) : unsupported("Ref", "the name must be a string", path, s);
    case "Condition":
      if (typeof arg === "string" && s.conditions.has(arg)) return { kind: "ref", target: { kind: "condition", name: arg }, path: [], loc: s.locate(path) };
      return unsupported(`Condition ${String(arg)}`, "no such condition in Conditions", path, s, "error");
    case "Fn::GetAtt": {
      const parts = typeof arg === "string" ? [arg.slice(0, Math.max(arg.indexOf("."), 0)) || arg, arg.includes(".") ? arg.slice(arg.indexOf(".") + 1) : ""] : args;
      if (!parts || typeof parts[0] !== "string" || typeof parts[1] !== "string" || parts[1] === "") {
        return unsupported("Fn::GetAtt", "expects [LogicalId, Attribute] with a literal attribute name", path, s);
      }
      return ref(parts[0], parts[1], path, s);
    }
    case "Fn::Sub":
      return lowerSub(arg, path, s);
    case "Fn::Join": {
      if (!args || args.length !== 2 || typeof args[0] !== "string") return unsupported("Fn::Join", "expects [delimiter, list] with a literal delimiter", path, s);
      const list = sub(args[1], 1);
      if (list.kind === "list") {
        // A literal list joins into a template: `!Join ["", [a, b]]` → `${a}${b}`.
        const parts: (string | Expr)[] = [];
        list.items.forEach((x, i) => {
          if (i > 0 && args[0]) parts.push(args[0] as string);
          parts.push(x.kind === "literal" && x.value !== null ? String(x.value) : x);
        });
        return simplifyTemplate(parts);
      }
      return { kind: "call", name: "join", args: [lit(args[0]), list], loc: s.locate(path) };
    }
    case "Fn::Select": {
      if (!args || args.length !== 2) return unsupported("Fn::Select", "expects [index, list]", path, s);
      const index = sub(args[0], 0);
      const key = index.kind === "literal" && typeof index.value === "string" && /^\d+$/.test(index.value) ? lit(Number(index.value)) : index;
      return { kind: "index", collection: sub(args[1], 1), key };
    }
    case "Fn::Split":
      if (!args || args.length !== 2) return unsupported("Fn::Split", "expects [delimiter, string]", path, s);
      return { kind: "call", name: "split", args: [sub(args[0], 0), sub(args[1], 1)], loc: s.locate(path) };
    case "Fn::If": {
      if (!args || args.length !== 3 || typeof args[0] !== "string") return unsupported("Fn::If", "expects [condition, whenTrue, whenFalse]", path, s);
      const cond = intrinsic("Condition", args[0], [...path, "0"], s)!;
      return { kind: "conditional", condition: cond, whenTrue: sub(args[1], 1), whenFalse: sub(args[2], 2) };
    }
    case "Fn::Equals":
      if (!args || args.length !== 2) return unsupported("Fn::Equals", "expects two values", path, s);
      return { kind: "binary", op: "==", left: sub(args[0], 0), right: sub(args[1], 1) };
    case "Fn::And":
    case "Fn::Or": {
      if (!args || args.length < 1) return unsupported(name, "expects a list of conditions", path, s);
      const op = name === "Fn::And" ? "&&" : "||";
      return args.map(sub).reduce((l, r) => ({ kind: "binary", op, left: l, right: r }));
    }
    // The functions of Rules: membership of a value, of each member of a list.
    case "Fn::Contains":
      if (!args || args.length !== 2) return unsupported("Fn::Contains", "expects [list, value]", path, s);
      return { kind: "call", name: "contains", args: [sub(args[0], 0), sub(args[1], 1)], loc: s.locate(path) };
    case "Fn::EachMemberEquals":
    case "Fn::EachMemberIn": {
      if (!args || args.length !== 2) return unsupported(name, "expects [list, value]", path, s);
      const member: Expr = { kind: "ref", target: { kind: "scope", name: "member" }, path: [] };
      const test: Expr = name === "Fn::EachMemberEquals" ? { kind: "binary", op: "==", left: member, right: sub(args[1], 1) } : { kind: "call", name: "contains", args: [sub(args[1], 1), member], loc: s.locate(path) };
      return { kind: "call", name: "alltrue", args: [{ kind: "for", valueVar: "member", collection: sub(args[0], 0), value: test }], loc: s.locate(path) };
    }
    case "Fn::Not":
      if (!args || args.length !== 1) return unsupported("Fn::Not", "expects a list of one condition", path, s);
      return { kind: "unary", op: "!", operand: sub(args[0], 0) };
    case "Fn::FindInMap": {
      if (!args || args.length < 3 || typeof args[0] !== "string") return unsupported("Fn::FindInMap", "expects [MapName, TopLevelKey, SecondLevelKey]", path, s);
      if (!s.mappings.has(args[0])) return unsupported(`Fn::FindInMap ${args[0]}`, "no such mapping in Mappings", path, s, "error");
      const opts = args[3] as Record<string, unknown> | undefined;
      const fallback = opts && typeof opts === "object" && "DefaultValue" in opts;
      // With a DefaultValue, a missing key reads undefined (`map[k1]?.[k2] ?? default`).
      const keys: Accessor[] = [index(sub(args[1], 1)), { ...index(sub(args[2], 2)), ...(fallback ? { optional: true } : {}) }];
      const e: Expr = { kind: "ref", target: { kind: "mapping", name: args[0] }, path: keys, loc: s.locate(path) };
      if (fallback) return { kind: "call", name: "withdefault", args: [e, lowerValue(opts.DefaultValue, [...path, "3", "DefaultValue"], s)] };
      return e;
    }
    case "Fn::GetAZs":
      return { kind: "call", name: "Fn::GetAZs", args: [lowerValue(arg, path, s)], loc: s.locate(path) };
    case "Fn::ImportValue":
      return { kind: "call", name: "Fn::ImportValue", args: [lowerValue(arg, path, s)], loc: s.locate(path) };
    case "Fn::Base64":
      return { kind: "call", name: "base64encode", args: [lowerValue(arg, path, s)], loc: s.locate(path) };
    case "Fn::Cidr":
      if (!args || args.length !== 3) return unsupported("Fn::Cidr", "expects [ipBlock, count, cidrBits]", path, s);
      return { kind: "call", name: "cidr", args: args.map((x, i) => numeric(sub(x, i))), loc: s.locate(path) };
    case "Fn::Length":
      return { kind: "call", name: "length", args: [lowerValue(arg, path, s)], loc: s.locate(path) };
    case "Fn::ToJsonString":
      return { kind: "call", name: "tojsonstring", args: [lowerValue(arg, path, s)], loc: s.locate(path) };
    case "Fn::Transform": {
      // An AWS::Include left here is one this conversion could not read (include.ts includes the local ones it finds).
      const include = includeLocation(arg);
      if (include !== undefined) return unsupported(`AWS::Include of ${include}`, remote(include) ? "the snippet is on S3, which this offline conversion does not read: download it beside the template and name its path" : "no such file beside the template", path, s);
      return unsupported("Fn::Transform", "template macros run inside CloudFormation; expand the macro and convert its output", path, s);
    }
    default:
      return name.startsWith("Fn::") ? unsupported(name, "not a CloudFormation intrinsic function this converter knows", path, s) : undefined;
  }
}

function index(key: Expr): Accessor {
  return { kind: "index", key };
}

function numeric(e: Expr): Expr {
  return e.kind === "literal" && typeof e.value === "string" && /^\d+$/.test(e.value) ? lit(Number(e.value)) : e;
}

/** `Ref X` (attr undefined) or `Fn::GetAtt [X, attr]`. */
function ref(name: string, attr: string | undefined, path: readonly string[], s: IntrinsicScope): Expr {
  const loc = s.locate(path);
  if (attr === undefined) {
    const to = s.references?.get(name);
    if (to) return ref(to.id, to.attr, path, s);
    if (name === "AWS::NoValue") return lit(null);
    if ((PSEUDO_PARAMETERS as readonly string[]).includes(name)) return { kind: "ref", target: { kind: "pseudo", name }, path: [], loc };
    if (s.parameters.has(name)) return { kind: "ref", target: { kind: "variable", name }, path: [], loc };
  }
  const type = s.resources.get(name);
  if (type !== undefined) {
    return { kind: "ref", target: { kind: "resource", type, name }, path: attr === undefined ? [] : [{ kind: "attr", name: attr }], loc };
  }
  const what = attr === undefined ? `Ref ${name}` : `Fn::GetAtt ${name}.${attr}`;
  return unsupported(what, attr === undefined ? "no such parameter, resource or pseudo parameter" : "no such resource", path, s, "error");
}

/** `Fn::Sub`: `${Name}`, `${Res.Attr}` and `${!Literal}` in a string, with an optional variables map. */
function lowerSub(arg: unknown, path: readonly string[], s: IntrinsicScope): Expr {
  let text: unknown = arg;
  let vars: Record<string, unknown> = {};
  if (Array.isArray(arg)) {
    text = arg[0];
    vars = (arg[1] && typeof arg[1] === "object" ? arg[1] : {}) as Record<string, unknown>;
  }
  if (typeof text !== "string") return unsupported("Fn::Sub", "expects a string or [string, variables]", path, s);
  const parts: (string | Expr)[] = [];
  const re = /\$\{(!?)([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const body = m[2]!.trim();
    if (m[1] === "!") {
      parts.push("${" + m[2] + "}");
      continue;
    }
    if (Object.hasOwn(vars, body)) {
      parts.push(lowerValue(vars[body], [...path, "1", body], s));
      continue;
    }
    const dot = body.indexOf(".");
    if (dot > 0 && !body.startsWith("AWS::") && s.resources.has(body.slice(0, dot))) parts.push(ref(body.slice(0, dot), body.slice(dot + 1), path, s));
    else parts.push(ref(body, undefined, path, s));
  }
  parts.push(text.slice(last));
  return simplifyTemplate(parts);
}

/** Joins adjacent strings; a template of one string is a literal, of one expression that expression. */
function simplifyTemplate(raw: readonly (string | Expr)[]): Expr {
  const parts: (string | Expr)[] = [];
  // A variable whose value is a string (`!Sub ["table/${name}", { name: items }]`) is text of the template.
  const flat = raw.flatMap((p) => (typeof p === "string" ? [p] : p.kind === "template" ? p.parts : p.kind === "literal" && typeof p.value === "string" ? [p.value] : [p]));
  for (const p of flat) {
    if (typeof p === "string" && typeof parts[parts.length - 1] === "string") parts[parts.length - 1] += p;
    else if (p !== "") parts.push(p);
  }
  if (parts.length === 0) return lit("");
  if (parts.length === 1) return typeof parts[0] === "string" ? lit(parts[0]) : { kind: "template", parts };
  return { kind: "template", parts };
}
