/**
 * Resources and invokes, with their repetition: one declaration, a conditional one
 * (`cond ? new … : undefined`), a `count` loop into an array, a `for_each` loop into a record;
 * and their options (`dependsOn` over repeated resources spread out, `provider`, `protect`…).
 */
import { diagnostic } from "../../model/diagnostics.js";
import { walkExpr, type Expr } from "../../model/expr.js";
import { NameScope } from "../../model/names.js";
import { repeatExpr, type InvokeDecl, type Repeat, type ResourceDecl, type ResourceOptions } from "../../model/pulumi.js";
import { iteration, type Type } from "../../typing/types.js";
import { arg, arrow, call, code, method, primary, type Code } from "./code.js";
import { checkStatements } from "./config.js";
import { commentText, stringLiteral, templateText } from "./escape.js";
import { withLocals } from "./env.js";
import { ExprPrinter } from "./expr.js";

/** `{ dependsOn: [a], retainOnDelete: true }`, or "" when there are none. */
export function optionsCode(o: ResourceOptions, p: ExprPrinter): string {
  const parts: string[] = [];
  if (p.env.component) parts.push("parent: this");
  else if (o.parent) parts.push(`parent: ${arg(p.print(o.parent))}`);
  if (o.dependsOn?.length) parts.push(`dependsOn: ${dependsOn(o.dependsOn, p)}`);
  if (o.provider) parts.push(`provider: ${arg(p.print(o.provider))}`);
  if (o.providers) parts.push(`providers: ${arg(p.print(o.providers))}`);
  if (o.protect) parts.push("protect: true");
  if (o.ignoreChanges?.length) parts.push(`ignoreChanges: [${o.ignoreChanges.map((s) => stringLiteral(s)).join(", ")}]`);
  if (o.retainOnDelete) parts.push("retainOnDelete: true");
  if (o.deleteBeforeReplace) parts.push("deleteBeforeReplace: true");
  if (o.replaceWith?.length) parts.push(`replaceWith: [${o.replaceWith.map((x) => arg(p.print(x))).join(", ")}]`);
  if (o.replacementTrigger) parts.push(`replacementTrigger: ${arg(p.print(o.replacementTrigger))}`);
  if (o.customTimeouts) parts.push(`customTimeouts: { ${(["create", "update", "delete"] as const).flatMap((k) => (o.customTimeouts![k] !== undefined ? [`${k}: ${stringLiteral(o.customTimeouts![k]!)}`] : [])).join(", ")} }`);
  return parts.length ? `{ ${parts.join(", ")} }` : "";
}

/**
 * `depends_on` names resources: a counted one is its array (`...x`), a `for_each` one its
 * record (`...Object.values(x)`), a conditional one itself when it exists.
 */
function dependsOn(items: readonly Expr[], p: ExprPrinter): string {
  const out: string[] = [];
  for (const x of items) {
    const e = x.kind === "ref" ? { ...x, path: x.path[0]?.kind === "index" ? [x.path[0]] : [] } : x;
    const t: Type = p.type(e);
    const c = p.print(e);
    if (t.k === "list") out.push(`...${primary(c)}`);
    else if (t.k === "map") out.push(`...${arg(call("Object.values", [c]))}`);
    else if (t.k === "any") out.push(`...[${arg(c)}].flat()`);
    else if (t.k === "opt") out.push(`...(${c.text} ? [${c.text}] : [])`);
    else out.push(arg(c));
  }
  // One resource that may not exist: `x ? [x] : []`.
  if (out.length === 1 && out[0]!.startsWith("...(")) return out[0]!.slice(4, -1);
  return `[${out.join(", ")}]`;
}

function notes(d: ResourceDecl | InvokeDecl): string[] {
  return ((d.kind === "resource" ? d.notes : undefined) ?? []).map((n) => `// NOTE(pulumigrate): ${commentText(n)}`);
}

/** The printer inside a resource loop: `count.index`, `each.key`, `each.value` bound to the loop's names. */
function loopPrinter(p: ExprPrinter, r: Repeat, names: { index?: string; key?: string; value?: string }, scope: NameScope): ExprPrinter {
  const types = p.env.types.repeatScope(r, p.env.scopeTypes);
  const locals: Record<string, string> = {};
  if (names.index) locals["count.index"] = names.index;
  if (names.key) locals["each.key"] = names.key;
  if (names.value) locals["each.value"] = names.value;
  return new ExprPrinter(withLocals(p.env, locals, types, scope));
}

/** What a `for_each` iterates: the entries of a map (`Object.entries(x)`), the elements of a set. */
function forEachSource(r: Extract<Repeat, { kind: "forEach" }>, p: ExprPrinter): { set: boolean; code: Code } {
  const t = p.type(r.collection);
  const it = iteration(t);
  const set = r.set || it.kind === "set" || it.kind === "list";
  // A map made by a `for` expression: its pairs are what the loop reads.
  if (!set && r.collection.kind === "for" && r.collection.key && !r.collection.grouped) return { set, code: p.forPairs(r.collection, true) };
  const c = p.print(r.collection);
  if (!set) return { set, code: call(`Object.entries${it.value.k === "any" ? "<any>" : ""}`, [c]) };
  // A literal list of distinct values is already a set; anything else may repeat a value.
  const distinct = r.collection.kind === "list" && new Set(r.collection.items.map((x) => JSON.stringify(x))).size === r.collection.items.length;
  if (distinct || it.kind === "set") return { set, code: c };
  // Terraform's for_each takes a set of strings.
  return { set, code: code(`new Set${it.value.k === "string" ? "" : "<string>"}(${arg(c)})`) };
}

/**
 * A resource's preconditions, checked before it is created (inside its loop, with the loop's
 * names); one over values known only after deployment is not enforced, and says so.
 */
function preconditions(d: ResourceDecl, p: ExprPrinter): string[] {
  const plain = (d.checks ?? []).filter((c) => {
    if (!p.isOutputValue(c.condition) && !p.isOutputValue(c.message)) return true;
    p.env.diags.push(diagnostic("PG2010", "warning", `${d.source?.address ?? d.resourceName}: a precondition over values known only after deployment is not enforced (Pulumi cannot stop a deployment from inside .apply before the resource is created)`, d.loc));
    return false;
  });
  return checkStatements(plain, d.source?.address ?? d.resourceName, p);
}

export function resource(d: ResourceDecl, name: string, p: ExprPrinter, trailing: string): string {
  const rep = d.repeat;
  // Checked where the resource is made: before it, inside its loop, or when its condition holds.
  const pre = rep && rep.kind !== "conditional" ? [] : preconditions(d, p);
  const head = [...(rep?.kind === "conditional" && pre.length ? [`if (${primary(p.print(rep.condition))}) {`, ...pre, "}"] : pre), ...notes(d)];
  const construct = (printer: ExprPrinter, resourceName: string) => {
    const args = printer.print(d.args);
    const opts = optionsCode(d.options, printer);
    return `new ${d.className}(${resourceName}, ${arg(args)}${opts ? `, ${opts}` : ""})`;
  };
  const named = (suffix?: string) => resourceName(d.resourceName, p, suffix);
  if (!rep) return [...head, `const ${name} = ${construct(p, named())};${trailing}`].join("\n");
  if (rep.kind === "conditional") {
    return [...head, `const ${name} = ${primary(p.print(rep.condition))} ? ${construct(p, named())} : undefined;${trailing}`].join("\n");
  }
  if (containsOutput(rep, p)) {
    p.env.diags.push(diagnostic("PG2006", "warning", `${rep.kind === "count" ? "count" : "for_each"} over values known only after deployment: Pulumi cannot create resources inside apply; the loop reads the collection as a plain value`, d.loc));
  }
  const scope = new NameScope(p.env.scope);
  if (rep.kind === "count") {
    const i = scope.claim("i");
    const inner = loopPrinter(p, rep, { index: i }, scope);
    const n = p.print(rep.count);
    return [
      ...head,
      `const ${name}: ${d.className}[] = [];${trailing}`,
      `for (let ${i} = 0; ${i} < ${n.text}; ${i}++) {`,
      ...preconditions(d, inner),
      `${name}.push(${construct(inner, named(i))});`,
      `}`,
    ].join("\n");
  }
  const key = scope.claim("key");
  const source = forEachSource(rep, p);
  const usesValue = refersToEachValue(d);
  const value = source.set ? key : usesValue ? scope.claim("value") : undefined;
  const inner = loopPrinter(p, rep, { key, ...(value ? { value } : {}) }, scope);
  const loop = source.set ? `for (const ${key} of ${source.code.text}) {` : `for (const [${key}${value ? `, ${value}` : ""}] of ${source.code.text}) {`;
  return [...head, `const ${name}: Record<string, ${d.className}> = {};${trailing}`, loop, ...preconditions(d, inner), `${name}[${key}] = ${construct(inner, named(key))};`, "}"].join("\n");
}

/**
 * A resource's Pulumi name: its source name, `-${i}` / `-${key}` for an instance of a loop, and
 * inside a component the instance's name first (`${name}-rest_api`), so two instances never collide.
 */
function resourceName(base: string, p: ExprPrinter, loopVar?: string): string {
  const prefix = p.env.component ? "${" + p.env.component.nameVar + "}-" : "";
  if (!prefix && !loopVar) return stringLiteral(base);
  return "`" + prefix + templateText(base, false) + (loopVar ? "-${" + loopVar + "}" : "") + "`";
}

function refersToEachValue(d: ResourceDecl | InvokeDecl): boolean {
  let found = false;
  for (const e of [d.args, ...(d.options.dependsOn ?? []), ...(d.options.provider ? [d.options.provider] : [])]) {
    walkExpr(e, (x) => {
      if (x.kind === "ref" && x.target.kind === "each" && x.target.which === "value") found = true;
    });
  }
  return found;
}

function containsOutput(rep: Repeat, p: ExprPrinter): boolean {
  return p.isOutputValue(repeatExpr(rep));
}

/** `const x = aws.x.getYOutput({…})`, one per instance of a repeated data source. */
export function invoke(d: InvokeDecl, name: string, p: ExprPrinter, trailing: string): string {
  const rep = d.repeat;
  const one = (printer: ExprPrinter) => {
    const opts = optionsCode(d.options, printer);
    return code(`${d.fn}(${arg(printer.print(d.args))}${opts ? `, ${opts}` : ""})`);
  };
  // Read before anything is created (typing/await.ts): the Promise form, awaited in the async entry point.
  if (d.awaited && !rep) {
    const opts = optionsCode(d.options, p);
    return `const ${name} = await ${d.fn.replace(/Output$/, "")}(${arg(p.print(d.args))}${opts ? `, ${opts}` : ""});${trailing}`;
  }
  if (!rep) return `const ${name} = ${one(p).text};${trailing}`;
  if (rep.kind === "conditional") return `const ${name} = ${primary(p.print(rep.condition))} ? ${one(p).text} : undefined;${trailing}`;
  const scope = new NameScope(p.env.scope);
  if (rep.kind === "count") {
    const i = scope.claim("i");
    const inner = loopPrinter(p, rep, { index: i }, scope);
    return `const ${name} = ${call("Array.from", [code(`{ length: ${arg(p.print(rep.count))} }`), arrow(`_, ${i}`, one(inner))]).text};${trailing}`;
  }
  const key = scope.claim("key");
  const source = forEachSource(rep, p);
  const value = source.set ? key : scope.claim("value");
  const inner = loopPrinter(p, rep, { key, value }, scope);
  const params = source.set ? key : `[${key}, ${value}]`;
  const pairs = method(source.set ? code(`[...${arg(source.code)}]`) : source.code, "map", [arrow(params, code(`[${key}, ${one(inner).text}]`))]);
  return `const ${name} = ${call("Object.fromEntries", [pairs]).text};${trailing}`;
}
