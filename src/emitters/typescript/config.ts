/**
 * Config reads: `config.require…` / `config.get… ?? default`, typed by the declaration, and
 * the checks CloudFormation parameters carry (allowed values, pattern, bounds, lengths),
 * printed as plain `if (…) { throw … }` statements that run before anything is created.
 */
import type { AssertionDecl, Check, ConfigDecl } from "../../model/pulumi.js";
import { fromVariableType, tsType } from "../../typing/types.js";
import { arg, code, method } from "./code.js";
import type { Expr } from "../../model/expr.js";
import { pascalCase } from "../../model/names.js";
import { commentText, propertyKey, stringLiteral } from "./escape.js";
import type { VariableType } from "../../model/program.js";
import type { ExprPrinter } from "./expr.js";

/**
 * The defaults a variable's type gives (`optional(T, default)` attributes, at any depth) as the
 * `withDefaults` helper takes them, or undefined when it gives none.
 */
export function defaultsCode(t: VariableType, p: ExprPrinter): string | undefined {
  switch (t.kind) {
    case "list":
    case "map": {
      const inner = defaultsCode(t.element, p);
      return inner ? `{ elements: ${inner} }` : undefined;
    }
    case "object": {
      const attributes = t.fields.filter((f) => f.default).map((f) => `${propertyKey(f.name)}: ${arg(p.print(f.default!))}`);
      const fields = t.fields.flatMap((f) => {
        const inner = defaultsCode(f.type, p);
        return inner ? [`${propertyKey(f.name)}: ${inner}`] : [];
      });
      const parts = [...(attributes.length ? [`attributes: { ${attributes.join(", ")} }`] : []), ...(fields.length ? [`fields: { ${fields.join(", ")} }`] : [])];
      return parts.length ? `{ ${parts.join(", ")} }` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A read with the type's defaults applied: `withDefaults<T>(read, {…})` (T the type with its
 * defaulted attributes present), inside `.apply` for an Output.
 */
export function withTypeDefaults(read: string, t: ConfigDecl["type"], p: ExprPrinter, output: boolean, typeName?: string): string {
  const spec = t.kind === "object" ? defaultsCode(t.type, p) : undefined;
  if (!spec || t.kind !== "object") return read;
  const helper = `${p.env.program.helper("withDefaults")}<${typeName ?? tsType(fromVariableType(t.type))}>`;
  return output ? `pulumi.output(${read}).apply((v) => ${helper}(v, ${spec}))` : `${helper}(${read}, ${spec})`;
}

export function configRead(d: ConfigDecl, name: string, p: ExprPrinter, config: string, trailing: string): string {
  const lines: string[] = [];
  if (d.description) lines.push(`// ${commentText(d.description)}`);
  const key = stringLiteral(d.key);
  const t = d.type;
  const suffix = t.kind === "number" ? "Number" : t.kind === "boolean" ? "Boolean" : t.kind === "object" ? "Object" : "";
  let generic = t.kind === "object" ? `<${tsType(fromVariableType(t.type))}>` : "";
  // A structured type reads better named, above the read (`type Methods = …`).
  if (t.kind === "object" && generic.includes("{") && generic.length > 40) {
    const alias = p.env.scope.claim(pascalCase(name));
    lines.push(`type ${alias} = ${generic.slice(1, -1)};`);
    generic = `<${alias}>`;
  }
  const secret = d.secret ? "Secret" : "";
  let read: string;
  if (d.default) {
    const def = arg(p.print(d.default));
    read = `${config}.get${secret}${suffix}${generic}(${key}) ?? ${d.secret ? `pulumi.secret${generic}(${def})` : def}`;
  } else {
    read = `${config}.${d.optional ? "get" : "require"}${secret}${suffix}${generic}(${key})`;
  }
  lines.push(`const ${name} = ${withTypeDefaults(read, d.type, p, d.secret, generic ? generic.slice(1, -1) : undefined)};${trailing}`);
  if (!d.secret) lines.push(...configChecks(d, name, p));
  return lines.join("\n");
}

/** One `if` a rule (a CloudFormation parameter's allowed values and constraints, a Terraform variable's validations); a list parameter checks each element. */
export function configChecks(d: ConfigDecl, name: string, p: ExprPrinter): string[] {
  const list = d.type.kind === "object" && d.type.type.kind === "list";
  const v = list ? "v" : name;
  const c = d.constraints;
  const rules: { fails: string; says: string }[] = [];
  if (d.allowedValues?.length) {
    const allowed = `[${d.allowedValues.map((x) => arg(p.print(x))).join(", ")}]`;
    rules.push({ fails: `!${allowed}.includes(${v})`, says: `must be one of ${d.allowedValues.map((x) => (x.kind === "literal" ? String(x.value) : "…")).join(", ")}` });
  }
  if (c?.pattern !== undefined) {
    rules.push({ fails: `!/^(?:${c.pattern.replace(/\//g, "\\/")})$/.test(${v})`, says: `must match ${c.pattern}` });
  }
  if (c?.minLength !== undefined) rules.push({ fails: `${v}.length < ${c.minLength}`, says: `must be at least ${c.minLength} characters` });
  if (c?.maxLength !== undefined) rules.push({ fails: `${v}.length > ${c.maxLength}`, says: `must be at most ${c.maxLength} characters` });
  if (c?.minValue !== undefined) rules.push({ fails: `${v} < ${c.minValue}`, says: `must be at least ${c.minValue}` });
  if (c?.maxValue !== undefined) rules.push({ fails: `${v} > ${c.maxValue}`, says: `must be at most ${c.maxValue}` });
  return [
    ...rules.map((r) => {
      const fails = list ? `${name}.some((v) => ${r.fails})` : r.fails;
      const message = stringLiteral(c?.message ? `${d.key}: ${c.message}` : `${d.key} ${r.says}`);
      return `if (${fails}) {\nthrow new Error(${message});\n}`;
    }),
    ...validationChecks(d, p),
  ];
}

/** Terraform's `validation` blocks: `if (!(condition)) { throw new Error("key: message"); }`, after the value is read. */
function validationChecks(d: ConfigDecl, p: ExprPrinter): string[] {
  return checkStatements(d.checks ?? [], d.key, p);
}

/** Each check as `if (!(condition)) { throw new Error("<what>: message"); }` (a negated condition is not negated twice). */
export function checkStatements(checks: readonly Check[], what: string, p: ExprPrinter): string[] {
  return checks.map((c) => `if (${p.print(negated(c.condition)).text}) {\nthrow new Error(${p.print(saidBy(c.subject ?? what, c.message)).text});\n}`);
}

/** A message with who says it first: `<who>: <message>`. */
function saidBy(who: string, m: Expr): Expr {
  const parts = [`${who}: `, ...(m.kind === "template" ? m.parts : m.kind === "literal" && typeof m.value === "string" ? [m.value] : [m])];
  return parts.every((x) => typeof x === "string") ? { kind: "literal", value: parts.join("") } : { kind: "template", parts };
}

/**
 * A `check` block's assertion: a warning when its condition is false, never an error. Over plain
 * values an `if`; over values known after deployment, once they are known:
 * `<condition ? null : message>.apply((failure) => { if (failure) pulumi.log.warn(failure); })`.
 */
export function assertionStatement(d: AssertionDecl, p: ExprPrinter): string {
  const message = saidBy(`check "${d.check}"`, d.message);
  if (!p.isOut(d.condition) && !p.isOut(message)) return `if (${p.print(negated(d.condition)).text}) {\npulumi.log.warn(${p.print(message).text});\n}`;
  const failure: Expr = { kind: "conditional", condition: d.condition, whenTrue: { kind: "literal", value: null }, whenFalse: message };
  const printed = p.print(failure);
  const value = p.isOutputValue(failure) ? printed : code(`pulumi.output(${arg(printed)})`);
  return `${method(value, "apply", [code("(failure) => {\nif (failure) pulumi.log.warn(failure);\n}")]).text};`;
}

/** When a condition fails, written without a negation of a negation: `!a` → `a`, `a == b` → `a != b`, `!a || b` (a rule under its condition) → `a && !b`. */
function negated(k: Expr): Expr {
  if (k.kind === "unary" && k.op === "!") return k.operand;
  if (k.kind === "binary" && (k.op === "==" || k.op === "!=")) return { ...k, op: k.op === "==" ? "!=" : "==" };
  if (k.kind === "binary" && k.op === "||" && k.left.kind === "unary" && k.left.op === "!") return { kind: "binary", op: "&&", left: k.left.operand, right: negated(k.right) };
  return { kind: "unary", op: "!", operand: k };
}
