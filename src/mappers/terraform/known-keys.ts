/**
 * A `for_each` over a collection the provider computes, whose keys the resource's own inputs
 * already say. Pulumi cannot create resources inside an apply, so a loop over an Output does not
 * convert; but some computed collections have one element per input value, and the loop can
 * run over those values, each element read where it is used. The one idiom of this kind in
 * nearly every repository is DNS validation of an ACM certificate:
 *
 *   for_each = { for dvo in aws_acm_certificate.cert.domain_validation_options : dvo.domain_name => { name = dvo.resource_record_name, … } }
 *
 * becomes (in Terraform's terms, before mapping)
 *
 *   for_each = { for d in distinct(concat([<domain_name>], <subject_alternative_names>)) : d => { name = [for dvo in aws_acm_certificate.cert.domain_validation_options : dvo if dvo.domain_name == d][0].resource_record_name, … } }
 *
 * which the emitter prints as a plain loop over the domain names whose arguments read the
 * certificate's validation options in an apply. Only when the inputs are known before
 * deployment (variables, locals of them, literals): an input that is itself an Output leaves
 * the loop as it is, and the emitter warns (PG2006).
 */
import { lit, rewriteExpr, walkExpr, type Expr, type ForExpr, type RefExpr } from "../../model/expr.js";
import type { Resource, SourceProgram } from "../../model/program.js";

interface KnownKeys {
  /** The computed attribute (a list or set of objects). */
  readonly attribute: string;
  /** The field of each element that the input values say. */
  readonly key: string;
  /** The input arguments whose values are the keys, in order: a single value or a list each. */
  readonly inputs: readonly string[];
}

/** Resource type → its computed collections whose keys follow from its inputs. */
const KNOWN_KEYS: Readonly<Record<string, readonly KnownKeys[]>> = {
  // One validation option per distinct domain of the certificate (provider docs: domain_validation_options).
  aws_acm_certificate: [{ attribute: "domain_validation_options", key: "domain_name", inputs: ["domain_name", "subject_alternative_names"] }],
};

export function withKnownKeys(program: SourceProgram): SourceProgram {
  const resources = new Map<string, Resource>();
  const locals = new Map<string, Expr>();
  for (const it of program.items) {
    if (it.kind === "resource" && it.mode === "managed") resources.set(`${it.type}.${it.name}`, it);
    else if (it.kind === "local" && !it.role) locals.set(it.name, it.value);
  }
  if (![...resources.values()].some((r) => KNOWN_KEYS[r.type])) return program;
  const planned = (e: Expr, depth = 0): boolean => {
    let ok = depth < 8;
    walkExpr(e, (x) => {
      if (x.kind !== "ref") return;
      const t = x.target;
      if (t.kind === "local") ok &&= locals.has(t.name) && planned(locals.get(t.name)!, depth + 1);
      else if (t.kind !== "variable" && t.kind !== "scope" && t.kind !== "path") ok = false;
    });
    return ok;
  };
  let changed = false;
  const items = program.items.map((it) => {
    if (it.kind !== "resource" || !it.meta.forEach) return it;
    const forEach = rewrite(it.meta.forEach, resources, planned);
    if (!forEach) return it;
    changed = true;
    return { ...it, meta: { ...it.meta, forEach } };
  });
  return changed ? { ...program, items } : program;
}

/** The loop over the known keys, or undefined when `e` is not such a loop or its keys are not known before deployment. */
function rewrite(e: Expr, resources: ReadonlyMap<string, Resource>, planned: (e: Expr) => boolean): Expr | undefined {
  if (e.kind !== "for" || !e.key || e.grouped || e.condition || e.keyVar) return undefined;
  const c = e.collection;
  if (c.kind !== "ref" || c.target.kind !== "resource" || c.path.length !== 1 || c.path[0]!.kind !== "attr") return undefined;
  const owner = resources.get(`${c.target.type}.${c.target.name}`);
  const known = owner && !owner.meta.count && !owner.meta.forEach ? KNOWN_KEYS[owner.type]?.find((k) => k.attribute === (c.path[0] as { name: string }).name) : undefined;
  if (!owner || !known || !isField(e.key, e.valueVar, known.key) || shadows(e.value, e.valueVar)) return undefined;
  const inputs = known.inputs.flatMap((name) => {
    const a = owner.body.find((b) => b.kind === "attribute" && b.name === name);
    return a?.kind === "attribute" ? [a.value] : [];
  });
  if (inputs.length === 0 || !inputs.every((x) => planned(x))) return undefined;
  // Each input is one value (domain_name) or a list of them (subject_alternative_names).
  const lists = inputs.map((x, i) => (i === 0 ? { kind: "list" as const, items: [x] } : x));
  const keys: Expr = { kind: "call", name: "distinct", args: [lists.length === 1 ? lists[0]! : { kind: "call", name: "concat", args: lists }] };
  const name = fresh(e, known.key);
  const loopVar: Expr = { kind: "ref", target: { kind: "scope", name }, path: [] };
  // The element whose key is this one: [for o in <collection> : o if o.<key> == <name>][0].
  const element: Expr = {
    kind: "index",
    collection: { kind: "for", valueVar: e.valueVar, collection: c, value: scopeRef(e.valueVar), condition: { kind: "binary", op: "==", left: scopeRef(e.valueVar, known.key), right: loopVar } },
    key: lit(0),
  };
  const value = rewriteExpr(e.value, (x) => (x.kind === "ref" && x.target.kind === "scope" && x.target.name === e.valueVar ? reading(element, x) : x));
  return { kind: "for", valueVar: name, collection: keys, key: loopVar, value } satisfies ForExpr;
}

/** A `for` inside `e` that names its own variable `name` (its references are not the outer loop's). */
function shadows(e: Expr, name: string): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.kind === "for" && (x.valueVar === name || x.keyVar === name)) found = true;
  });
  return found;
}

function scopeRef(name: string, attr?: string): RefExpr {
  return { kind: "ref", target: { kind: "scope", name }, path: attr ? [{ kind: "attr", name: attr }] : [] };
}

/** `dvo.domain_name`: the loop variable's field `field`. */
function isField(e: Expr, loopVar: string, field: string): boolean {
  return e.kind === "ref" && e.target.kind === "scope" && e.target.name === loopVar && e.path.length === 1 && e.path[0]!.kind === "attr" && e.path[0]!.name === field;
}

/** `dvo.a.b` read on the element instead of the loop variable. */
function reading(element: Expr, ref: RefExpr): Expr {
  let out = element;
  for (const a of ref.path) out = { kind: "index", collection: out, key: a.kind === "attr" ? lit(a.name) : a.key };
  return out;
}

/** A loop variable name the value does not already read (`domain_name`, else `domain_name_2`…). */
function fresh(e: ForExpr, base: string): string {
  const used = new Set<string>();
  walkExpr(e, (x) => {
    if (x.kind === "ref" && x.target.kind === "scope") used.add(x.target.name);
  });
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
  return name;
}
