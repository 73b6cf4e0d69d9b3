/**
 * State migration: a Terraform state (or a CloudFormation stack's resources) and the converted
 * program become the `pulumi import --file` document that adopts every existing resource under
 * the name the program gives it, so that `pulumi up` then changes nothing.
 */
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import type { PulumiProgram, ResourceDecl } from "../model/pulumi.js";
import { snake } from "../model/names.js";
import { componentToken } from "../tree/index.js";
import { buildId, declsOf, identityOf, ImportBuilder, text, type ImportFile, type Scope, type Skipped } from "./imports.js";
import { generatedImportId, isGenerated } from "./generated.js";
import { moduleSteps, readTerraformState, type ModuleStep } from "./terraform.js";
import { rewriteExpr, type Expr } from "../model/expr.js";
import { formatLocation, type Location } from "../model/location.js";
import type { ImportBlock, MovedBlock, RemovedBlock } from "../model/program.js";

export type { ImportEntry, ImportFile, Skipped } from "./imports.js";
export { cloudFormationImports } from "./cloudformation.js";

export interface ImportOptions {
  /** The Pulumi project and stack the resources are imported into (provider URNs name them). */
  readonly project: string;
  readonly stack: string;
  /** The root module's `import` blocks, adopted beside the state's resources. */
  readonly blocks?: readonly ImportBlock[];
  /** The root module's `moved` and `removed` blocks: the state's addresses renamed, or left out. */
  readonly refactors?: readonly (MovedBlock | RemovedBlock)[];
}

export interface StateImportResult {
  readonly file: ImportFile;
  readonly imported: number;
  readonly skipped: readonly Skipped[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}



/**
 * From a Terraform state (version 4, or `terraform show -json`) and the converted tree
 * (`convertTree`'s root program and component programs), and the root module's `import` blocks
 * (with no state, from those alone).
 */
export function terraformImports(
  state: { path: string; text: string } | undefined,
  tree: { readonly root: PulumiProgram; readonly programs: ReadonlyMap<string, PulumiProgram> },
  options: ImportOptions,
): StateImportResult {
  const read: ReturnType<typeof readTerraformState> = state ? readTerraformState(state) : { instances: [], diagnostics: [] };
  const b = new ImportBuilder(`urn:pulumi:${options.stack}::${options.project}::`);
  const adopted: Adopted = new Map();
  const { rename, removed } = refactoring(options.refactors ?? []);
  for (const found of read.instances) {
    if (found.mode !== "managed") continue;
    // A moved block's old address is the program's new one; a removed block's is not adopted.
    const address = rename(addressText(found));
    const gone = removed(address);
    if (gone) {
      if (gone.destroy) b.skip(address, `a removed block (${formatLocation(gone.loc)}) takes it out of management with destroy = true: apply with Terraform to destroy it`, found.loc);
      continue;
    }
    const { key: _old, ...rest } = found;
    const inst = address === addressText(found) ? found : { ...rest, ...parseAddress(address) };
    adopt(b, adopted, "state", tree, inst, (d, identity) => {
      if (isGenerated(d.className)) return generatedImportId(d.className, inst.attributes);
      if (!identity) return { reason: `${d.className} documents no import ID` };
      const built = buildId(identity, (a) => text(inst.attributes[a === "id" ? "id" : snake(a)] ?? inst.attributes[a]));
      return "missing" in built ? { reason: `its state has no '${snake(built.missing)}', which ${d.className}'s import ID needs` } : built;
    });
  }
  for (const block of options.blocks ?? []) importBlock(b, adopted, tree, block);
  const diagnostics = sortDiagnostics([...read.diagnostics, ...b.diagnostics]);
  return { file: b.file(), imported: b.imported, skipped: b.skipped, diagnostics, ok: !hasErrors(diagnostics) };
}

/** A resource instance of the source, by its address's parts. */
interface Instance {
  readonly module: readonly ModuleStep[];
  readonly type: string;
  readonly name: string;
  readonly key?: string | number;
  readonly loc: Location;
}

/** The addresses adopted so far, and where from: the state, or an import block. */
type Adopted = Map<string, Location | "state">;

type Tree = { readonly root: PulumiProgram; readonly programs: ReadonlyMap<string, PulumiProgram> };

/** What the root's moved and removed blocks do to a state address. */
function refactoring(blocks: readonly (MovedBlock | RemovedBlock)[]): { rename: (a: string) => string; removed: (a: string) => RemovedBlock | undefined } {
  const under = (address: string, from: string) => address === from || address.startsWith(`${from}.`) || address.startsWith(`${from}[`);
  const moves = blocks.flatMap((m) => {
    if (m.kind !== "moved") return [];
    const [from, to] = [m.from && refAddress(m.from), m.to && refAddress(m.to)];
    return from && to ? [{ from, to }] : [];
  });
  const removals = blocks.flatMap((r) => (r.kind === "removed" && r.from && refAddress(r.from) ? [{ from: refAddress(r.from)!, block: r }] : []));
  return {
    rename: (address) => {
      // Chains of moves (a → b, then b → c) are followed, as Terraform follows them.
      for (let i = 0; i <= moves.length; i++) {
        const m = moves.find((x) => under(address, x.from));
        if (!m) break;
        address = m.to + address.slice(m.from.length);
      }
      return address;
    },
    removed: (address) => removals.find((r) => under(address, r.from))?.block,
  };
}

/** A reference as the address it names: `aws_x.y`, `aws_x.y[0]`, `module.m`, `module.m["k"].aws_x.y`. */
function refAddress(e: Expr): string | undefined {
  if (e.kind !== "ref") return undefined;
  const t = e.target;
  let out = t.kind === "resource" ? `${t.type}.${t.name}` : t.kind === "module" ? `module.${t.name}` : undefined;
  if (!out) return undefined;
  for (const a of e.path) {
    if (a.kind === "attr") out += `.${a.name}`;
    else if (a.key.kind === "literal" && (typeof a.key.value === "string" || typeof a.key.value === "number")) out += `[${JSON.stringify(a.key.value)}]`;
    else return undefined;
  }
  return out;
}

/** `module.m["k"].aws_x.y[0]` → its parts (a `type` of "" where it names no resource instance). */
function parseAddress(address: string): Omit<Instance, "loc"> {
  const m = /^((?:module\.[\w-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)*)([\w-]+)\.([\w-]+)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?$/.exec(address);
  if (!m) return { module: [], type: "", name: address };
  const key = m[4] === undefined ? undefined : m[4].startsWith('"') ? (JSON.parse(m[4]) as string) : Number(m[4]);
  return { module: moduleSteps(m[1]!), type: m[2]!, name: m[3]!, ...(key !== undefined ? { key } : {}) };
}

/** `module.m["k"].aws_x.y[0]`. */
function addressText(inst: Omit<Instance, "loc">): string {
  return [...inst.module.map((m) => `module.${m.name}${m.key === undefined ? "" : `[${JSON.stringify(m.key)}]`}`), `${inst.type}.${inst.name}${inst.key === undefined ? "" : `[${JSON.stringify(inst.key)}]`}`].join(".");
}

/** Adds the entries of the declarations an instance became, each with the ID `idFor` gives it (or the reason it has none). */
function adopt(b: ImportBuilder, adopted: Adopted, from: Location | "state", tree: Tree, inst: Instance, idFor: (d: ResourceDecl, identity: ReturnType<typeof identityOf>) => { id: string } | { reason: string }): void {
  const address = addressText(inst);
  let scope: Scope | undefined = { program: tree.root, prefix: "" };
  for (const step of inst.module) {
    const current: Scope = scope;
    const call: ResourceDecl | undefined = current.program.decls.find((d): d is ResourceDecl => d.kind === "resource" && d.component === true && d.id === `module.${step.name}`);
    scope = call ? b.enter(current, call, step.key, tree.programs, componentToken(call.className)) : undefined;
    if (!scope) break;
  }
  if (!scope) {
    b.skip(address, "its module is not a component of the converted program (not converted, or a placeholder)", inst.loc);
    return;
  }
  const decls = declsOf(scope.program, `${inst.type}.${inst.name}`);
  if (!decls.length) {
    b.skip(address, "the converted program declares no such resource", inst.loc);
    return;
  }
  // Its own provisioners are commands after it: adopting it does not adopt them, so they run on the first update, against what exists.
  const commands = scope.program.decls.some((d) => d.kind === "resource" && d.className.startsWith("command.") && d.id.startsWith(`${inst.type}.${inst.name}.exec`));
  if (commands) b.diagnostics.push(diagnostic("PG4001", "warning", `${address}: its provisioners are commands after it, which the first update runs against the resource adopted (Terraform ran them when it created it); remove them from the program if they must not run again`, inst.loc));
  for (const d of decls) {
    const identity = identityOf(d.className);
    if (d.className.startsWith("command.")) {
      b.skip(address, d.source?.type === "time_sleep" ? "a wait has nothing in the cloud to adopt: its command waits once, on the first update" : `its commands (${d.className}) have nothing in the cloud to adopt: they run once when the first update creates them, as the provisioners ran when Terraform created it`, inst.loc);
      continue;
    }
    // A random value's import ID is its value, read off the state (generated.ts).
    if (!identity && !isGenerated(d.className)) {
      b.skip(address, `${d.className} documents no import ID`, inst.loc);
      continue;
    }
    const r = idFor(d, identity);
    if ("reason" in r) b.skip(address, r.reason, inst.loc);
    else {
      b.add(d, scope, inst.key, r.id);
      if (!adopted.has(address)) adopted.set(address, from);
    }
  }
}

/**
 * An `import` block: its `to` address and its literal `id` (the ID Terraform imports by, which the
 * bridged provider takes too). A resource the state already holds is adopted from the state.
 */
function importBlock(b: ImportBuilder, adopted: Adopted, tree: Tree, block: ImportBlock): void {
  const to = block.to;
  const text = to ? refAddress(to) : undefined;
  const where = text ? parseAddress(text) : undefined;
  const label = where?.type ? addressText(where) : (text ?? (to ? asWritten(to) : undefined) ?? "import block");
  if (block.forEach) {
    // One import per element of a for_each written out, `each.key` and `each.value` put in; one over a variable is known only when Terraform plans.
    const elements = forEachElements(block.forEach);
    if (!elements) return b.skip(label, "its for_each is not written out (a map or a list of literals): a variable's value is known only when Terraform plans; write one block per instance", block.loc);
    for (const { key, value } of elements) {
      const put = (e: Expr | undefined) => e && eachPut(e, key, value);
      const one: ImportBlock = { kind: "import", loc: block.loc, ...(block.to ? { to: put(block.to)! } : {}), ...(block.id ? { id: put(block.id)! } : {}) };
      importBlock(b, adopted, tree, one);
    }
    return;
  }
  if (!where?.type) return b.skip(label, "its `to` is not a resource address", block.loc);
  const id = block.id?.kind === "literal" && typeof block.id.value === "string" ? block.id.value : undefined;
  if (id === undefined) return b.skip(label, "its `id` is not a literal string (an ID computed from variables is known only when Terraform plans)", block.loc);
  const first = adopted.get(label);
  if (first === "state") return;
  if (first) return b.skip(label, `an earlier import block (${formatLocation(first)}) imports it; this one is left out`, block.loc);
  // The resource's main declaration takes the ID (a Deployment's stage, made of it too, has an ID of its own).
  adopt(b, adopted, block.loc, tree, { ...where, loc: block.loc }, (d, identity) => (d.id.endsWith(`${where.type}.${where.name}`) || identity?.attrs.length === 1 ? { id } : { reason: `${d.className} is imported by an ID of its own parts` }));
}

/** A for_each written out (a map, a list or set of literals, through `toset`/`tomap`): each element's key and value. */
function forEachElements(e: Expr): { key: Expr; value: Expr }[] | undefined {
  if (e.kind === "call" && ["toset", "tolist", "tomap"].includes(e.name) && e.args.length === 1) return forEachElements(e.args[0]!);
  if (e.kind === "object") return e.entries.every((x) => typeof x.key === "string") ? e.entries.map((x) => ({ key: { kind: "literal", value: x.key as string }, value: x.value })) : undefined;
  if (e.kind === "list") return e.items.every((x) => x.kind === "literal" && typeof x.value === "string") ? e.items.map((x) => ({ key: x, value: x })) : undefined;
  return undefined;
}

/** `each.key`, `each.value` (and `each.value.attr` of an object) replaced by an element's, and templates of literals joined. */
function eachPut(e: Expr, key: Expr, value: Expr): Expr {
  return rewriteExpr(e, (x) => {
    if (x.kind === "ref" && x.target.kind === "each") {
      let v: Expr | undefined = x.target.which === "key" ? key : value;
      for (const a of x.path) v = a.kind === "attr" && v?.kind === "object" ? v.entries.find((en) => en.key === a.name)?.value : undefined;
      return v ?? x;
    }
    if (x.kind === "template" && x.parts.every((p) => typeof p === "string" || (p.kind === "literal" && p.value !== null))) {
      return { kind: "literal", value: x.parts.map((p) => (typeof p === "string" ? p : String((p as { value: unknown }).value))).join("") };
    }
    return x;
  });
}

/** An address with keys not written out, as the block writes it (`aws_x.y[each.key]`), for what is said of it. */
function asWritten(e: Expr): string | undefined {
  if (e.kind !== "ref" || e.target.kind !== "resource") return undefined;
  const key = (k: Expr) => (k.kind === "literal" ? JSON.stringify(k.value) : k.kind === "ref" && k.target.kind === "each" && !k.path.length ? `each.${k.target.which}` : "…");
  return `${e.target.type}.${e.target.name}${e.path.map((a) => (a.kind === "attr" ? `.${a.name}` : `[${key(a.key)}]`)).join("")}`;
}
