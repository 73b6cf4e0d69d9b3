/**
 * Rewrites Terraform references into references to Pulumi declarations, mapping attribute
 * names through the schema (`aws_lambda_function.x.function_name` → `x.name`,
 * `aws_api_gateway_rest_api.x.root_resource_id` → `x.rootResourceId`).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { transformExpr, type Accessor, type Expr, type RefExpr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import { awsSchema, objectTypeOf, type Props, type Shape } from "../../schema/index.js";
import { camel } from "../../model/names.js";
import { ACCOUNT_FACTS } from "../account-facts.js";
import { mapProperty } from "../properties.js";
import type { Decl } from "../../model/pulumi.js";
import type { ModuleInterface } from "./modules.js";
import { COMPUTED, type ComputedPart } from "./moved.js";
import { remoteStatePath } from "./remote-state.js";

export interface Declared {
  readonly id: string;
  /** Output properties of the class or invoke result; undefined when the type is unknown. */
  readonly props?: Props;
  readonly tfType: string;
  /** Made by count / for_each: the first index selects an instance. */
  readonly repeated: boolean;
  /** Made by for_each: its instances are a map, not a list. */
  readonly keyed?: boolean;
  readonly converted: boolean;
  /** Attributes another declaration answers (moved.ts): Terraform attribute → that declaration, and its attribute that answers. */
  readonly moved?: Readonly<Record<string, { readonly by: Declared; readonly attr: string }>>;
  /** Attributes read under the name the package now gives them (a data source's deprecated `name` → `region`). */
  readonly renamed?: Readonly<Record<string, string>>;
  /** Attributes whose value is the declaration itself (an archive_file's output_path is the archive). */
  readonly values?: readonly string[];
  /** Attributes computed from others (moved.ts COMPUTED): a stage-less deployment's invoke_url. */
  readonly computed?: Readonly<Record<string, readonly ComputedPart[]>>;
  /** Declared with a `provider` of its own (a data source answering another region's facts). */
  readonly ownProvider?: boolean;
  /** A `terraform_remote_state`: a stack reference, whose `outputs` are the other stack's exports (remote-state.ts). */
  readonly remoteState?: boolean;
}

/** A module call: its instance's declaration and what its component exposes. */
export interface DeclaredModule {
  readonly id: string;
  readonly iface: ModuleInterface;
  readonly repeated: boolean;
}

export interface ReferenceTable {
  readonly variables: ReadonlySet<string>;
  readonly locals: ReadonlySet<string>;
  readonly resources: ReadonlyMap<string, Declared>;
  readonly data: ReadonlyMap<string, Declared>;
  readonly providers: ReadonlyMap<string, string>;
  readonly modules: ReadonlyMap<string, DeclaredModule>;
  /** What `path.module` reads. */
  readonly pathModule: string;
  /** Variables referred to but never declared, in order of first use (filled while rewriting). */
  readonly undeclared: Set<string>;
  /** Invokes of the account's facts (region, partition, account id) that computed reads need and the program does not declare (filled while rewriting). */
  readonly hoisted: Map<string, Decl>;
  /** The default aws provider as an explicit provider every aws resource uses (its settings are computed or nested), by id. */
  readonly defaultProvider?: string;
}

export function rewriteReferences(e: Expr, table: ReferenceTable, diags: Diagnostic[], loc: Location): Expr {
  return transformExpr(e, (x) => (x.kind === "ref" ? rewriteRef(x, table, diags, loc) : x.kind === "splat" ? rewriteSplat(x, table, diags, loc) : x.kind === "template" ? foldTemplate(x) : x));
}

/** A template whose interpolations became literals (`"${path.module}/src"`) is the text it makes. */
function foldTemplate(t: Extract<Expr, { kind: "template" }>): Expr {
  if (!t.parts.some((p) => typeof p !== "string" && p.kind === "literal" && typeof p.value === "string")) return t;
  const parts: (string | Expr)[] = [];
  for (const p of t.parts) {
    const text = typeof p === "string" ? p : p.kind === "literal" && typeof p.value === "string" ? p.value : undefined;
    const last = parts[parts.length - 1];
    if (text !== undefined && typeof last === "string") parts[parts.length - 1] = last + text;
    else parts.push(text ?? p);
  }
  if (parts.every((p) => typeof p === "string")) return { kind: "literal", value: parts.join(""), ...(t.heredoc ? { heredoc: true } : {}) };
  return { ...t, parts };
}

function notConverted(text: string, reason: string): Expr {
  return { kind: "unsupported", text, reason };
}

function refText(r: RefExpr): string {
  const t = r.target;
  const head =
    t.kind === "resource" ? `${t.type}.${t.name}` :
    t.kind === "data" ? `data.${t.type}.${t.name}` :
    t.kind === "module" ? `module.${t.name}` :
    t.kind === "variable" ? `var.${t.name}` :
    t.kind === "local" ? `local.${t.name}` :
    t.kind === "scope" ? t.name : t.kind;
  return head + r.path.map((a) => (a.kind === "attr" ? `.${a.name}` : a.key.kind === "literal" ? `[${JSON.stringify(a.key.value)}]` : "[…]")).join("");
}

function rewriteRef(r: RefExpr, table: ReferenceTable, diags: Diagnostic[], loc: Location): Expr {
  const t = r.target;
  switch (t.kind) {
    case "variable":
      if (!table.variables.has(t.name)) {
        // An incomplete module (its variables.tf elsewhere): read the value as untyped config.
        if (!table.undeclared.has(t.name)) {
          table.undeclared.add(t.name);
          diags.push(diagnostic("PG2008", "warning", `variable 'var.${t.name}' is not declared in the converted files: it is read as untyped config '${t.name}'`, loc));
        }
      }
      return { ...r, target: { kind: "decl", id: `var.${t.name}` } };
    case "local":
      if (!table.locals.has(t.name)) {
        diags.push(diagnostic("PG2008", "error", `reference to undeclared local 'local.${t.name}'`, loc));
        return notConverted(refText(r), "undeclared local");
      }
      return { ...r, target: { kind: "decl", id: `local.${t.name}` } };
    case "resource":
    case "data": {
      const key = `${t.type}.${t.name}`;
      const d = (t.kind === "resource" ? table.resources : table.data).get(key);
      if (!d) {
        diags.push(diagnostic("PG2008", "warning", `reference to '${t.kind === "data" ? "data." : ""}${key}', which is not declared in the converted files`, loc));
        return notConverted(refText(r), "not declared here");
      }
      if (!d.converted) return notConverted(refText(r), `${d.tfType} is not converted`);
      if (d.remoteState) {
        const path = remoteStatePath(r.path, d.repeated);
        if (typeof path !== "string") return { ...r, target: { kind: "decl", id: d.id }, path };
        diags.push(diagnostic("PG2003", "warning", `'${refText(r)}': a stack reference has the other stack's outputs, not ${path === "the whole state" ? path : `'${path}'`}`, loc));
        return notConverted(refText(r), "not a stack reference's");
      }
      if (d.values) {
        const first = r.path[0];
        // The declaration is the value (a terraform_data named whole: what replace_triggered_by watches).
        if (first === undefined || (first.kind === "attr" && d.values.includes(first.name))) return { ...r, target: { kind: "decl", id: d.id }, path: [] };
        const why = d.tfType === "terraform_data" ? "a terraform_data is the value it stores: read .output" : "an archive is zipped when it deploys; Pulumi hashes it itself";
        diags.push(diagnostic("PG2010", "warning", `'${refText(r)}': ${d.tfType} has no such value in Pulumi (${why})`, loc));
        return notConverted(refText(r), `${d.tfType} has no such value in Pulumi`);
      }
      const firstAttr = r.path.find((a): a is { kind: "attr"; name: string } => a.kind === "attr");
      // An external data source's result is the JSON its program prints (command.ts).
      if (d.tfType === "external" && firstAttr?.name === "result") {
        const at = r.path.indexOf(firstAttr) + 1;
        const printed: Expr = { kind: "call", name: "jsondecode", args: [{ ...r, target: { kind: "decl", id: d.id }, path: mapPath([...r.path.slice(0, at - 1), { kind: "attr", name: "stdout" }], d) }] };
        return readOf(printed, r.path.slice(at));
      }
      // A time_sleep's triggers are its command's first trigger (command.ts): read after the wait.
      if (d.tfType === "time_sleep" && firstAttr?.name === "triggers") {
        const at = r.path.indexOf(firstAttr) + 1;
        const triggers: Expr = { ...r, target: { kind: "decl", id: d.id }, path: mapPath(r.path.slice(0, at), d) };
        // `element(present(wait.triggers), 0)["k"]`: the first trigger (the map), then what is read of it.
        const first: Expr = { kind: "call", name: "element", args: [{ kind: "call", name: "present", args: [triggers], implicit: true }, { kind: "literal", value: 0 }] };
        return readOf(first, r.path.slice(at));
      }
      const answered = firstAttr && d.moved?.[firstAttr.name];
      if (answered) {
        const renamed = r.path.map((a) => (a === firstAttr ? { kind: "attr" as const, name: answered.attr } : a));
        return { ...r, target: { kind: "decl", id: answered.by.id }, path: mapPath(renamed, answered.by) };
      }
      // `deployment.invoke_url`, `deployment[0].invoke_url`: computed on the instance read.
      const computed = firstAttr && r.path[r.path.length - 1] === firstAttr ? d.computed?.[firstAttr.name] : undefined;
      if (computed) return computedRead(computed, d, r.path.slice(0, -1), table);
      const path = mapPath(r.path, d);
      const unknown = path.find((a): a is { kind: "attr"; name: string } => a.kind === "attr");
      if (unknown && d.props && unknown.name !== "id" && unknown.name !== "urn" && !(unknown.name in d.props)) {
        // An attribute computed only on the default provider's account (moved.ts COMPUTED), read on a resource with a provider of its own.
        const why = firstAttr && COMPUTED[d.tfType]?.[firstAttr.name] ? `; the provider computed it from the region of the resource's own provider: build it from that provider's region, or give the deployment a stage_name` : "";
        diags.push(diagnostic("PG2003", "warning", `'${refText(r)}': ${d.tfType} has no attribute '${unknown.name}' in @pulumi/aws${why}`, loc));
        return notConverted(refText(r), "unknown attribute");
      }
      return { ...r, target: { kind: "decl", id: d.id }, path };
    }
    case "module": {
      const m = table.modules.get(t.name);
      if (!m) {
        diags.push(diagnostic("PG2007", "warning", `reference to module output '${refText(r)}' is not converted`, loc));
        return notConverted(refText(r), "module outputs are not converted");
      }
      return moduleRef(r, m, diags, loc);
    }
    case "path":
      if (t.which === "module") return { kind: "literal", value: table.pathModule };
      if (t.which === "root" || t.which === "cwd") return { kind: "literal", value: "." };
      return notConverted(refText(r), "unknown path attribute");
    case "scope": {
      // `aws.west`: a provider alias.
      const first = r.path[0];
      // `terraform.workspace`: the stack plays the workspace's part.
      if (t.name === "terraform" && first?.kind === "attr" && first.name === "workspace" && r.path.length === 1) return { kind: "call", name: "pulumi.getStack", args: [] };
      if (t.name === "aws" && first?.kind === "attr" && table.providers.has(first.name)) {
        return { kind: "ref", target: { kind: "decl", id: table.providers.get(first.name)! }, path: [] };
      }
      return r;
    }
    case "self":
      diags.push(diagnostic("PG2006", "warning", "'self' references (provisioners) are not converted", loc));
      return notConverted(refText(r), "self");
    default:
      return r;
  }
}

/**
 * A computed attribute as a template of the resource's own outputs and the account's facts: read
 * from a data source the program declares once on the default provider (`data "aws_region"
 * "current"`), else from an invoke of its own, declared once for every read.
 */
function computedRead(parts: readonly ComputedPart[], d: Declared, instance: readonly Accessor[], table: ReferenceTable): Expr {
  const out = parts.map((p): string | Expr => {
    if (typeof p === "string") return p;
    if ("own" in p) return { kind: "ref", target: { kind: "decl", id: d.id }, path: mapPath([...instance, { kind: "attr", name: p.own }], d) };
    const c = ACCOUNT_FACTS[p.current];
    const declared = [...table.data.values()].filter((x) => x.tfType === c.dataSource && x.converted && !x.repeated && !x.ownProvider);
    if (declared.length === 1) return { kind: "ref", target: { kind: "decl", id: declared[0]!.id }, path: [{ kind: "attr", name: c.attr }] };
    const id = `current.${c.dataSource}`;
    // Asked of the program's own provider (an explicit default provider when it has one).
    const options = table.defaultProvider ? { provider: { kind: "ref" as const, target: { kind: "decl" as const, id: table.defaultProvider }, path: [] } } : {};
    if (!table.hoisted.has(id)) table.hoisted.set(id, { kind: "invoke", id, sourceName: `current_${c.dataSource.replace(/^aws_/, "")}`, fn: c.fn, args: { kind: "object", entries: [] }, options });
    return { kind: "ref", target: { kind: "decl", id }, path: [{ kind: "attr", name: c.attr }] };
  });
  return { kind: "template", parts: out };
}

/** `module.x.y` → the instance's property; `module.x[0].y`, `module.x["k"].y` through its repetition; `module.x` the instance. */
function moduleRef(r: RefExpr, m: DeclaredModule, diags: Diagnostic[], loc: Location): Expr {
  const lead: Accessor[] = m.repeated && r.path[0]?.kind === "index" ? [r.path[0]] : [];
  const [first, ...rest] = r.path.slice(lead.length);
  if (!first) return { ...r, target: { kind: "decl", id: m.id }, path: lead };
  if (first.kind !== "attr") return { ...r, target: { kind: "decl", id: m.id } };
  const prop = m.iface.outputs.get(first.name) ?? (m.iface.placeholder ? camel(first.name) : undefined);
  if (!prop) {
    diags.push(diagnostic("PG2003", "warning", `'${refText(r)}': the module has no output '${first.name}'`, loc));
    return notConverted(refText(r), "no such module output");
  }
  return { ...r, target: { kind: "decl", id: m.id }, path: [...lead, { kind: "attr", name: prop }, ...rest] };
}

function rewriteSplat(e: Extract<Expr, { kind: "splat" }>, table: ReferenceTable, diags: Diagnostic[], loc: Location | undefined): Expr {
  if (e.source.kind !== "ref" || e.source.target.kind !== "decl") return e;
  const id = e.source.target.id;
  const m = [...table.modules.values()].find((x) => x.id === id);
  const [first, ...rest] = e.each;
  if (m && first?.kind === "attr") {
    const prop = m.iface.outputs.get(first.name) ?? (m.iface.placeholder ? camel(first.name) : first.name);
    return { ...e, each: [{ kind: "attr", name: prop }, ...rest] };
  }
  const d = [...table.resources.values(), ...table.data.values()].find((x) => x.id === id);
  // A splat applies to lists: over a for_each resource's map of instances it makes a one-item list of the map, whose attribute Terraform cannot read.
  if (d?.keyed && e.source.path.length === 0 && first?.kind === "attr") {
    diags.push(diagnostic("PG2008", "warning", `a splat over ${d.tfType}'s instances, a map (for_each): Terraform reads '${first.name}' of the map itself and fails; write values(…)[*].${first.name} or a for expression`, loc));
  }
  if (!d?.props) return e;
  return { ...e, each: mapAttrs(e.each, d.props, d.tfType, awsSchema().outputTypes) };
}

/** Maps the attribute names of a path into a declaration. */
function mapPath(path: readonly Accessor[], d: Declared): Accessor[] {
  if (!d.props) return [...path];
  const lead: Accessor[] = [];
  let rest = path;
  if (d.repeated && path[0]?.kind === "index") {
    lead.push(path[0]);
    rest = path.slice(1);
  }
  return [...lead, ...mapAttrs(rest, d.props, d.tfType, awsSchema().outputTypes, d.renamed)];
}

function mapAttrs(path: readonly Accessor[], props: Props, tfType: string, types: Readonly<Record<string, Props>>, renamed?: Readonly<Record<string, string>>): Accessor[] {
  const out: Accessor[] = [];
  let current: Props | undefined = props;
  let shape: Shape | undefined;
  for (const [i, a] of path.entries()) {
    if (a.kind === "index") {
      // Terraform reads a block allowed once as a one-element list; Pulumi has the object itself.
      const single = shape !== undefined && Array.isArray(shape) && shape[0] === "o";
      if (single && a.key.kind === "literal" && a.key.value === 0) continue;
      out.push(a);
      shape = Array.isArray(shape) && shape[0] === "l" ? shape[1] : undefined;
      continue;
    }
    const found: string = a.name === "id" ? "id" : (current && mapProperty(a.name, current, tfType)) ?? camel(a.name);
    const name = (i === 0 && renamed?.[found]) || found;
    out.push({ kind: "attr", name });
    shape = current?.[name];
    const nested = objectTypeOf(shape);
    current = nested ? types[nested] : undefined;
  }
  return out;
}

/** What the rest of a reference reads of a value that is no reference (a call's result): an index per step. */
function readOf(base: Expr, rest: readonly Accessor[]): Expr {
  return rest.reduce<Expr>((c, a) => ({ kind: "index", collection: c, key: a.kind === "attr" ? { kind: "literal", value: a.name } : a.key }), base);
}
