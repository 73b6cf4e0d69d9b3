/**
 * A CloudFormation stack's resources (`aws cloudformation describe-stack-resources` JSON) and the
 * template it was deployed from → the import file. Each logical id's physical id; the parts a
 * resource was split into (a Method's Integration and responses) get IDs composed from the
 * physical ids their arguments refer to, the method and the status codes. A nested stack whose
 * template is converted with it (a component, tree/templates.ts) is entered: its resources are
 * the rows whose StackId is its physical id (describe-stack-resources of the nested stack, given
 * beside the parent's), imported as the component's children.
 */
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import type { Location } from "../model/location.js";
import type { Decl, PulumiProgram, ResourceDecl } from "../model/pulumi.js";
import { mapCloudFormation } from "../mappers/cloudformation/index.js";
import { CURATED, NATIVE_REF } from "../mappers/cloudformation/types.js";
import { parseCloudFormation, readBeside } from "../parsers/cloudformation/index.js";
import { componentToken } from "../tree/print.js";
import { mapTemplateTree, namesNestedStacks, type MappedTemplateTree, type TemplateNode } from "../tree/templates.js";
import { buildId, declsOf, identityOf, ImportBuilder, nativeIdentity, text, type Scope } from "./imports.js";
import type { ImportOptions, StateImportResult } from "./index.js";

export interface StackResource {
  readonly logicalId: string;
  readonly physicalId: string;
  readonly type: string;
  /** The stack it belongs to (a nested stack's rows name the nested stack). */
  readonly stackId?: string;
  readonly loc: Location;
}

/** Types whose physical id is not what their class imports by: the import ID is built from the arguments (a queue policy's queue URL, the physical id of the queue it names). */
const BY_ARGUMENTS = new Set(["AWS::SQS::QueuePolicy"]);

/** Types not imported, as creating them again changes nothing, and why. */
const MADE_AGAIN: Readonly<Record<string, string>> = {
  "AWS::IAM::UserToGroupAddition": "a group membership is added again on the first update (each user already in the group, nothing changes), as classic Pulumi's UserGroupMembership imports by user and groups, not by the stack's physical id",
};

/** The JSON `aws cloudformation describe-stack-resources --stack-name S` prints: each logical id's physical id and type. */
export function readStackResources(file: { path: string; text: string }): { resources: StackResource[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: { StackResources?: unknown };
  try {
    doc = JSON.parse(file.text) as { StackResources?: unknown };
  } catch (e) {
    diagnostics.push(diagnostic("PG1001", "error", `not describe-stack-resources JSON: ${(e as Error).message}`, { file: file.path, line: 1, column: 1 }));
    return { resources: [], diagnostics };
  }
  if (!Array.isArray(doc.StackResources)) {
    diagnostics.push(diagnostic("PG1003", "error", "describe-stack-resources JSON holds a StackResources list", { file: file.path, line: 1, column: 1 }));
    return { resources: [], diagnostics };
  }
  const lines = file.text.split("\n");
  const resources: StackResource[] = [];
  for (const r of doc.StackResources as Record<string, unknown>[]) {
    const logicalId = String(r.LogicalResourceId ?? "");
    const line = lines.findIndex((l) => l.includes(`"LogicalResourceId": "${logicalId}"`)) + 1 || 1;
    const loc = { file: file.path, line, column: 1 };
    if (typeof r.PhysicalResourceId !== "string" || !r.PhysicalResourceId) {
      diagnostics.push(diagnostic("PG4001", "warning", `${logicalId} has no physical id (its status: ${String(r.ResourceStatus ?? "unknown")}); it is not imported`, loc));
      continue;
    }
    resources.push({ logicalId, physicalId: r.PhysicalResourceId, type: String(r.ResourceType ?? ""), ...(typeof r.StackId === "string" ? { stackId: r.StackId } : {}), loc });
  }
  return { resources, diagnostics };
}

type FileText = { path: string; text: string };

export function cloudFormationImports(resources: FileText | readonly FileText[], template: FileText, options: ImportOptions): StateImportResult {
  const reads = (Array.isArray(resources) ? resources : [resources]).map((f) => readStackResources(f));
  const rows = reads.flatMap((r) => r.resources);
  const diags: Diagnostic[] = reads.flatMap((r) => r.diagnostics);
  // The template with the nested templates it names by a local path, as the project converts it; else the template alone.
  let tree: MappedTemplateTree | undefined;
  if (namesNestedStacks(template.text)) {
    const found: Diagnostic[] = [];
    tree = mapTemplateTree(template.path, template.text, readBeside(template.path), found);
    // What stops a template from reading (a nested one that does not parse) stops its import; the conversion's own warnings are the conversion's to say.
    diags.push(...found.filter((d) => d.severity === "error" && d.code.startsWith("PG1")));
    if (!tree.anyLocal) tree = undefined;
  }
  let rootProgram: PulumiProgram;
  if (tree) rootProgram = tree.mapped.get(tree.root.key)!;
  else {
    const parsed = parseCloudFormation(template, { read: readBeside(template.path) });
    diags.push(...parsed.diagnostics);
    rootProgram = mapCloudFormation(parsed.program, []);
  }
  const programs = new Map(tree ? tree.order.filter((n) => n !== tree!.root).map((n) => [n.className, tree!.mapped.get(n.key)!] as const) : []);
  // The rows of each nested stack, by its physical id (the StackId its rows carry).
  const stackIds = new Set(rows.filter((r) => r.type === "AWS::CloudFormation::Stack").map((r) => r.physicalId));
  const byStack = new Map<string, StackResource[]>();
  for (const r of rows) if (r.stackId !== undefined && stackIds.has(r.stackId)) byStack.set(r.stackId, [...(byStack.get(r.stackId) ?? []), r]);
  const visited = new Set<StackResource>();
  const b = new ImportBuilder(`urn:pulumi:${options.stack}::${options.project}::`);

  /** One stack's rows against the program its template became, in the scope its component gives. */
  const importStack = (program: PulumiProgram, node: TemplateNode | undefined, rows: readonly StackResource[], scope: Scope): void => {
    const physical = new Map(rows.map((r) => [r.logicalId, r.physicalId]));
    // A declaration's logical id: the main one of each resource (its parts share the address, not the id).
    const byDecl = new Map(program.decls.flatMap((d) => (d.kind === "resource" && d.source && d.id === `res.${d.source.address}` ? [[d.id, d.source.address] as const] : [])));
    const decls = new Map(program.decls.map((d) => [d.id, d]));
    /** An argument's value, known before anything is created: a literal, another resource's physical id, or another declaration's argument. */
    const argValue = (d: Decl, attr: string, depth: number): string | undefined => {
      if (d.kind !== "resource" || d.args.kind !== "object" || depth > 4) return undefined;
      const names = [attr, attr.replace(/(Id|Arn|Name)$/, "")];
      const v = d.args.entries.find((e) => typeof e.key === "string" && names.includes(e.key))?.value;
      if (v?.kind === "literal") return text(v.value);
      if (v?.kind !== "ref" || v.target.kind !== "decl") return undefined;
      const [step, ...rest] = v.path;
      const target = decls.get(v.target.id);
      // The resource's id, or what `Ref` of it returns (a queue's URL): its physical id.
      const refAttr = target?.kind === "resource" && target.source ? CURATED[target.source.type]?.ref : undefined;
      if (!step || (step.kind === "attr" && (step.name === "id" || step.name === refAttr) && !rest.length)) {
        const logical = byDecl.get(v.target.id);
        return logical ? physical.get(logical) : undefined;
      }
      return step.kind === "attr" && !rest.length && target ? argValue(target, step.name, depth + 1) : undefined;
    };
    for (const r of rows) {
      visited.add(r);
      // A nested stack converted as a component: its resources are the nested stack's own rows.
      const nestedKey = node?.stacks.get(r.logicalId);
      if (nestedKey !== undefined && tree) {
        const call = program.decls.find((d): d is ResourceDecl => d.kind === "resource" && d.component === true && d.source?.address === r.logicalId);
        const inner = byStack.get(r.physicalId) ?? [];
        if (!call || !inner.length) {
          b.skip(r.logicalId, `the nested stack is converted as the component ${call?.className ?? "of its template"}, whose resources are the nested stack's own: add its describe-stack-resources JSON (aws cloudformation describe-stack-resources --stack-name ${r.physicalId}) to import them`, r.loc);
          continue;
        }
        const child = tree.order.find((n) => n.key === nestedKey)!;
        const childScope = b.enter(scope, call, undefined, programs, componentToken(call.className))!;
        importStack(tree.mapped.get(nestedKey)!, child, inner, childScope);
        continue;
      }
      // The SAM transform names a deployment and a layer version with a hash of their content
      // (`ServerlessRestApiDeploymentab12cd34ef`); the expanded template names them without it.
      const hashed = /^(.+?)[0-9a-f]{10}$/.exec(r.logicalId)?.[1];
      const address = !declsOf(program, r.logicalId).length && hashed && declsOf(program, hashed).some((d) => d.source?.type === r.type) ? hashed : r.logicalId;
      if (address !== r.logicalId) physical.set(address, r.physicalId);
      const decls = declsOf(program, address);
      if (!decls.length) {
        // An AutoPublishAlias's version (`FnVersionab12cd34ef`): the function publishes its versions itself (publish: true).
        const published = r.type === "AWS::Lambda::Version" && hashed?.endsWith("Version") && declsOf(program, hashed.slice(0, -"Version".length)).length;
        b.skip(r.logicalId, published ? "a version of the function, which publishes its own (publish: true): the stack's versions stay in the account (the transform retains them), and the next change publishes the next" : `the converted program declares no such resource (${r.type})`, r.loc);
        continue;
      }
      if (MADE_AGAIN[r.type]) {
        b.skip(r.logicalId, MADE_AGAIN[r.type]!, r.loc);
        continue;
      }
      for (const d of decls) {
        if (d.className === "aws_native.cloudformation.CustomResourceEmulator") {
          b.skip(r.logicalId, `a custom resource (${r.type}) is emulated, not imported: the first update creates it afresh, which invokes its Lambda's Create`, r.loc);
          continue;
        }
        const readsOther = NATIVE_REF[r.type];
        if (readsOther && d.className.startsWith("aws_native.")) {
          b.skip(r.logicalId, `${d.className} imports by its primary identifier; the stack's physical id of this ${r.type} is its ${readsOther} (what Ref returns), not that`, r.loc);
          continue;
        }
        const identity = identityOf(d.className) ?? nativeIdentity(d.className);
        if (identity && "composite" in identity) {
          b.skip(r.logicalId, `${d.className} imports by its primary identifier, ${identity.composite.join(" and ")} joined by | in the order of its CloudFormation schema, which the package does not give: take it from the type's schema (aws cloudformation describe-type)`, r.loc);
          continue;
        }
        if (!identity) {
          b.skip(r.logicalId, `${d.className} documents no import ID`, r.loc);
          continue;
        }
        const main = d.id === `res.${address}`;
        const value = (attr: string): string | undefined => {
          // A resource's own identity is its physical id when the class names one attribute.
          if (attr === "id" || (main && identity.attrs.length === 1 && !BY_ARGUMENTS.has(r.type))) return r.physicalId;
          return argValue(d, attr, 0);
        };
        const built = buildId(identity, value);
        if ("missing" in built) b.skip(`${r.logicalId} (${d.className})`, `its ${built.missing} is not a literal or another stack resource's physical id, which ${d.className}'s import ID needs`, r.loc);
        else b.add(d, scope, undefined, built.id);
      }
    }
  };
  // The stack's own rows: those of the first file's stack (rows of another stack that is none of its nested stacks are not matched by logical id).
  const own = rows.find((r) => r.stackId === undefined || !stackIds.has(r.stackId))?.stackId;
  const stranger = (r: StackResource) => r.stackId !== undefined && r.stackId !== own && !stackIds.has(r.stackId);
  importStack(rootProgram, tree?.root, rows.filter((r) => (r.stackId === undefined || !stackIds.has(r.stackId)) && !stranger(r)), { program: rootProgram, prefix: "" });
  for (const r of rows) {
    if (visited.has(r)) continue;
    // A nested stack the program keeps as a CloudFormation stack (its template on S3, or not read) manages its own rows.
    if (stranger(r)) b.skip(r.logicalId, `it belongs to the stack ${r.stackId}, which is neither the stack of the first file (${own}) nor one of its nested stacks: give that stack's own JSON first, then its nested stacks'`, r.loc);
    else b.skip(r.logicalId, `it belongs to the nested stack ${r.stackId}, which the program keeps as a CloudFormation stack (aws_native.cloudformation.Stack): the nested stack manages it`, r.loc);
  }
  const diagnostics = sortDiagnostics([...diags, ...b.diagnostics]);
  return { file: b.file(), imported: b.imported, skipped: b.skipped, diagnostics, ok: !hasErrors(diagnostics) };
}
