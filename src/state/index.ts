/**
 * State migration: a Terraform state (or a CloudFormation stack's resources) and the converted
 * program become the `pulumi import --file` document that adopts every existing resource under
 * the name the program gives it, so that `pulumi up` then changes nothing.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import type { Decl, PulumiProgram, ResourceDecl } from "../model/pulumi.js";
import { snake } from "../model/names.js";
import { mapCloudFormation } from "../mappers/cloudformation/index.js";
import { parseCloudFormation } from "../parsers/cloudformation/index.js";
import { componentToken } from "../tree/index.js";
import { readStackResources } from "./cloudformation.js";
import { buildId, declsOf, identityOf, ImportBuilder, type ImportFile, type Scope, type Skipped } from "./imports.js";
import { readTerraformState } from "./terraform.js";

export type { ImportEntry, ImportFile, Skipped } from "./imports.js";

export interface ImportOptions {
  /** The Pulumi project and stack the resources are imported into (provider URNs name them). */
  readonly project: string;
  readonly stack: string;
}

export interface StateImportResult {
  readonly file: ImportFile;
  readonly imported: number;
  readonly skipped: readonly Skipped[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

const text = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined);

/**
 * From a Terraform state (version 4, or `terraform show -json`) and the converted tree
 * (`convertTree`'s root program and component programs).
 */
export function terraformImports(
  state: { path: string; text: string },
  tree: { readonly root: PulumiProgram; readonly programs: ReadonlyMap<string, PulumiProgram> },
  options: ImportOptions,
): StateImportResult {
  const read = readTerraformState(state);
  const b = new ImportBuilder(`urn:pulumi:${options.stack}::${options.project}::`);
  for (const inst of read.instances) {
    if (inst.mode !== "managed") continue;
    const address = [...inst.module.map((m) => `module.${m.name}${m.key === undefined ? "" : `[${JSON.stringify(m.key)}]`}`), `${inst.type}.${inst.name}${inst.key === undefined ? "" : `[${JSON.stringify(inst.key)}]`}`].join(".");
    let scope: Scope | undefined = { program: tree.root, prefix: "" };
    for (const step of inst.module) {
      const current: Scope = scope;
      const call: ResourceDecl | undefined = current.program.decls.find((d): d is ResourceDecl => d.kind === "resource" && d.component === true && d.id === `module.${step.name}`);
      scope = call ? b.enter(current, call, step.key, tree.programs, componentToken(call.className)) : undefined;
      if (!scope) break;
    }
    if (!scope) {
      b.skip(address, "its module is not a component of the converted program (not converted, or a placeholder)", inst.loc);
      continue;
    }
    const decls = declsOf(scope.program, `${inst.type}.${inst.name}`);
    if (!decls.length) {
      b.skip(address, "the converted program declares no such resource", inst.loc);
      continue;
    }
    for (const d of decls) {
      const identity = identityOf(d.className);
      if (!identity) {
        b.skip(address, `${d.className} documents no import ID`, inst.loc);
        continue;
      }
      const built = buildId(identity, (a) => text(inst.attributes[a === "id" ? "id" : snake(a)] ?? inst.attributes[a]));
      if ("missing" in built) b.skip(address, `its state has no '${snake(built.missing)}', which ${d.className}'s import ID needs`, inst.loc);
      else b.add(d, scope, inst.key, built.id);
    }
  }
  const diagnostics = sortDiagnostics([...read.diagnostics, ...b.diagnostics]);
  return { file: b.file(), imported: b.imported, skipped: b.skipped, diagnostics, ok: !hasErrors(diagnostics) };
}

/**
 * From `aws cloudformation describe-stack-resources` JSON and the template: each logical id's
 * physical id; the parts a resource was split into (a Method's Integration and responses) get
 * IDs composed from the physical ids their arguments refer to, the method and the status codes.
 */
export function cloudFormationImports(resources: { path: string; text: string }, template: { path: string; text: string }, options: ImportOptions): StateImportResult {
  const read = readStackResources(resources);
  const parsed = parseCloudFormation(template);
  const diags: Diagnostic[] = [...read.diagnostics, ...parsed.diagnostics];
  const program = mapCloudFormation(parsed.program, []);
  const physical = new Map(read.resources.map((r) => [r.logicalId, r.physicalId]));
  // A declaration's logical id: the main one of each resource (its parts share the address, not the id).
  const byDecl = new Map(program.decls.flatMap((d) => (d.kind === "resource" && d.source && d.id === `res.${d.source.address}` ? [[d.id, d.source.address] as const] : [])));
  const b = new ImportBuilder(`urn:pulumi:${options.stack}::${options.project}::`);
  const scope: Scope = { program, prefix: "" };
  const decls = new Map(program.decls.map((d) => [d.id, d]));
  /** An argument's value, known before anything is created: a literal, another resource's physical id, or another declaration's argument. */
  const argValue = (d: Decl, attr: string, depth: number): string | undefined => {
    if (d.kind !== "resource" || d.args.kind !== "object" || depth > 4) return undefined;
    const names = [attr, attr.replace(/(Id|Arn|Name)$/, "")];
    const v = d.args.entries.find((e) => typeof e.key === "string" && names.includes(e.key))?.value;
    if (v?.kind === "literal") return text(v.value);
    if (v?.kind !== "ref" || v.target.kind !== "decl") return undefined;
    const [step, ...rest] = v.path;
    if (!step || (step.kind === "attr" && step.name === "id" && !rest.length)) {
      const logical = byDecl.get(v.target.id);
      return logical ? physical.get(logical) : undefined;
    }
    const target = decls.get(v.target.id);
    return step.kind === "attr" && !rest.length && target ? argValue(target, step.name, depth + 1) : undefined;
  };
  for (const r of read.resources) {
    const decls = declsOf(program, r.logicalId);
    if (!decls.length) {
      b.skip(r.logicalId, `the converted program declares no such resource (${r.type})`, r.loc);
      continue;
    }
    for (const d of decls) {
      const identity = identityOf(d.className);
      if (!identity) {
        b.skip(r.logicalId, `${d.className} documents no import ID`, r.loc);
        continue;
      }
      const main = d.id === `res.${r.logicalId}`;
      const value = (attr: string): string | undefined => {
        // A resource's own identity is its physical id when the class names one attribute.
        if (attr === "id" || (main && identity.attrs.length === 1)) return r.physicalId;
        return argValue(d, attr, 0);
      };
      const built = buildId(identity, value);
      if ("missing" in built) b.skip(`${r.logicalId} (${d.className})`, `its ${built.missing} is not a literal or another stack resource's physical id, which ${d.className}'s import ID needs`, r.loc);
      else b.add(d, scope, undefined, built.id);
    }
  }
  const diagnostics = sortDiagnostics([...diags, ...b.diagnostics]);
  return { file: b.file(), imported: b.imported, skipped: b.skipped, diagnostics, ok: !hasErrors(diagnostics) };
}
