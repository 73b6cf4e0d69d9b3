/**
 * CloudFormation model → Pulumi program: parameters become typed config reads (SSM parameter
 * types an SSM invoke), mappings and conditions constants, resources classic `@pulumi/aws`
 * classes (curated types) or `@pulumi/aws-native` ones (any other type it has), outputs
 * exports. `Condition` becomes conditional creation, `DependsOn` `dependsOn` (expanded to every
 * declaration a resource became), `DeletionPolicy`/`UpdateReplacePolicy: Retain` `retainOnDelete`.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Expr } from "../../model/expr.js";
import type { ConfigType, Decl, PulumiProgram } from "../../model/pulumi.js";
import type { Output, Resource, SourceProgram, Variable, VariableType } from "../../model/program.js";
import { awsSchema, nativeSchema } from "../../schema/index.js";
import { camelCase } from "../../model/names.js";
import { declare, declId, type ResourceContext } from "./build.js";
import { rewriteCfn, type CfnTable, type ResourceInfo } from "./references.js";
import { methodParts } from "./method.js";
import { customResource, HANDLERS, itemSuffix, SPLIT_BY_LIST } from "./special.js";
import { resolveCfnType } from "./types.js";
import { mapEntries } from "./values.js";
import { stageKeyPlans } from "./api-keys.js";
import { isLocalTemplateUrl, nestedStackDecl, type NestedStackInterface } from "./nested.js";
import { companionSuffixes, withCompanions } from "./companions.js";
import { withPackagedFiles } from "./packaged.js";

export interface CfnMapOptions {
  /** Nested stacks converted with the template (tree/templates.ts), by logical id: the interface of the component each template became. */
  readonly stacks?: ReadonlyMap<string, NestedStackInterface>;
}

/** Every declaration a resource becomes, for `DependsOn` on it (a Deployment must wait for every integration). */
function partsOf(r: Resource, declIdOf: (suffix?: string) => string): string[] {
  const entries = r.body.flatMap((b) => (b.kind === "attribute" ? [{ name: b.name, value: b.value }] : []));
  if (r.type === "AWS::ApiGateway::Method") return methodParts(entries).map((s) => declIdOf(s));
  if (r.type === "AWS::ApiGateway::Deployment" && entries.some((e) => e.name === "StageName")) return [declIdOf(), declIdOf("Stage")];
  // One declaration per item of a list (a record set group's records, a queue policy's queues, a group addition's users: special.ts).
  const split = SPLIT_BY_LIST[r.type];
  const items = split ? entries.find((e) => e.name === split.list)?.value : undefined;
  if (items?.kind === "list" && items.items.length > 1) return items.items.map((_, i) => declIdOf(itemSuffix(r.type, i)));
  // A setting classic Pulumi makes a resource of its own (companions.ts): DependsOn waits for it too, as CloudFormation's does.
  return [declIdOf(), ...companionSuffixes(r.type, entries).map((s) => declIdOf(s))];
}

export function mapCloudFormation(program: SourceProgram, diags: Diagnostic[], options: CfnMapOptions = {}): PulumiProgram {
  const parameters = new Map<string, { declId: string; ssm?: { list: boolean } }>();
  const resources = new Map<string, ResourceInfo>();
  const scalarTypes = new Map<string, "string" | "number">();
  const mappingTypes = new Map<string, VariableType>();
  for (const it of program.items) {
    if (it.kind === "variable") {
      parameters.set(it.name, it.ssmParameter ? { declId: `ssm.${it.name}`, ssm: { list: /^(List<|CommaDelimitedList)/.test(it.ssmParameter) } } : { declId: `param.${it.name}` });
      if (!it.ssmParameter && (it.type?.kind === "string" || it.type?.kind === "number")) scalarTypes.set(`param.${it.name}`, it.type.kind);
    } else if (it.kind === "resource") {
      const target = resolveCfnType(it.type);
      const stack = options.stacks?.get(it.name);
      resources.set(it.name, { declId: declId(it.name), target, conditional: it.meta.condition !== undefined, parts: partsOf(it, (s) => declId(it.name, s)), ...(stack ? { stack } : {}) });
    } else if (it.kind === "local" && it.role === "mapping") {
      const t = mappingType(it.value);
      mappingTypes.set(it.name, t);
      if (t.kind === "map" && t.element.kind === "map" && t.element.element.kind === "string") scalarTypes.set(`map.${it.name}[][]`, "string");
    }
  }
  const lists = new Set(program.items.flatMap((it) => (it.kind === "variable" && !it.ssmParameter && it.type?.kind === "list" ? [`param.${it.name}`] : [])));
  const table: CfnTable = { parameters, resources, hoisted: new Map(), scalarTypes, lists, inTree: options.stacks !== undefined, stageKeys: stageKeyPlans(program) };
  const decls: Decl[] = [];
  const value = (e: Expr, at: Variable["loc"]) => rewriteCfn(e, table, diags, at);
  for (const item of program.items) {
    const comments = item.comments ? { comments: item.comments } : {};
    switch (item.kind) {
      case "variable":
        decls.push(...parameterDecls(item, value));
        break;
      case "local": {
        const prefix = item.role === "condition" ? "cond" : "map";
        const type = item.role === "mapping" ? mappingTypes.get(item.name) : undefined;
        decls.push({ kind: "const", id: `${prefix}.${item.name}`, sourceName: item.name, loc: item.loc, ...comments, value: value(item.value, item.loc), ...(type ? { type } : {}) });
        break;
      }
      case "resource":
        decls.push(...resourceDecls(item, table, diags));
        break;
      case "output":
        decls.push(exportDecl(item, value));
        break;
      case "note":
        decls.push({ kind: "comment", id: `note.${decls.length}`, sourceName: "", loc: item.loc, ...comments, lines: item.text.split("\n") });
        break;
      default:
        break;
    }
  }
  // Invokes shared by many uses go after the template's own heading comments.
  const head = decls.findIndex((d) => d.kind !== "comment");
  const at = head < 0 ? decls.length : head;
  return { decls: [...decls.slice(0, at), ...table.hoisted.values(), ...decls.slice(at)], trailingComments: program.trailingComments };
}

/** The type of a String or Number parameter, or of a value read from a mapping of strings. */
function scalarType(e: Expr, table: CfnTable): "string" | "number" | undefined {
  if (e.kind !== "ref" || e.target.kind !== "decl") return undefined;
  if (e.path.length === 0) return table.scalarTypes.get(e.target.id);
  return e.path.length === 2 ? table.scalarTypes.get(`${e.target.id}[][]`) : undefined;
}

/** A mapping is read by keys known only when the program runs: `Record<string, Record<string, string>>`. */
function mappingType(e: Expr): VariableType {
  const leaves = e.kind === "object" ? e.entries.flatMap((en) => (en.value.kind === "object" ? en.value.entries.map((x) => x.value) : [en.value])) : [];
  const isString = (x: Expr) => x.kind === "literal" && typeof x.value === "string";
  const leaf: VariableType = leaves.every(isString) ? { kind: "string" } : leaves.every((x) => x.kind === "list" && x.items.every(isString)) ? { kind: "list", element: { kind: "string" } } : { kind: "any" };
  return { kind: "map", element: { kind: "map", element: leaf } };
}

function configType(v: Variable): ConfigType {
  const t = v.type ?? { kind: "string" };
  if (t.kind === "number") return { kind: "number" };
  if (t.kind === "list") return { kind: "object", type: t };
  return { kind: "string" };
}

function parameterDecls(v: Variable, value: (e: Expr, at: Variable["loc"]) => Expr): Decl[] {
  const comments = v.comments ? { comments: v.comments } : {};
  const config: Decl = {
    kind: "config",
    id: `param.${v.name}`,
    sourceName: v.ssmParameter ? `${v.name}Name` : v.name,
    key: v.name,
    type: configType(v),
    ...(v.default ? { default: value(v.default, v.loc) } : {}),
    secret: v.sensitive,
    ...(v.description !== undefined ? { description: v.description } : {}),
    ...(v.allowedValues ? { allowedValues: v.allowedValues } : {}),
    ...(v.constraints ? { constraints: v.constraints } : {}),
    ...(v.validations?.length ? { checks: v.validations.map((c) => ({ condition: value(c.condition, c.loc), message: value(c.message, c.loc), ...(c.subject ? { subject: c.subject } : {}) })) } : {}),
    loc: v.loc,
    ...comments,
  };
  if (!v.ssmParameter) return [config];
  // The parameter holds the name of an SSM parameter; its value is read when the program runs.
  const name: Expr = { kind: "ref", target: { kind: "decl", id: `param.${v.name}` }, path: [] };
  return [config, { kind: "invoke", id: `ssm.${v.name}`, sourceName: v.name, fn: "aws.ssm.getParameterOutput", args: { kind: "object", entries: [{ key: "name", value: name }] }, options: {}, loc: v.loc }];
}

function exportDecl(o: Output, value: (e: Expr, at: Output["loc"]) => Expr): Decl {
  const lead = [...(o.comments?.leading ?? []), ...(o.description ? [o.description] : [])];
  if (o.exportName) {
    const name = o.exportName.kind === "literal" ? `'${String(o.exportName.value)}'` : "(a computed name)";
    lead.push(
      `Exported as ${name} for Fn::ImportValue. Other Pulumi programs read it with`,
      `new pulumi.StackReference("<org>/<project>/<stack>").getOutput("${camelCase(o.name)}").`,
    );
  }
  const v = value(o.value, o.valueLoc ?? o.loc);
  const cond = o.condition ? value(o.condition, o.loc) : undefined;
  return {
    kind: "export",
    id: `output.${o.name}`,
    sourceName: o.name,
    value: cond ? { kind: "conditional", condition: cond, whenTrue: v, whenFalse: { kind: "literal", value: null } } : v,
    loc: o.loc,
    ...(o.valueLoc ? { valueLoc: o.valueLoc } : {}),
    ...(lead.length ? { comments: { leading: lead } } : {}),
  };
}

function resourceDecls(r: Resource, table: CfnTable, diags: Diagnostic[]): Decl[] {
  const info = table.resources.get(r.name)!;
  const t = info.target;
  const comments = r.comments ? { comments: r.comments } : {};
  if (r.type === "AWS::CDK::Metadata") {
    // What the CDK adds to every stack it synthesizes: its version and the constructs used, reported to AWS, and nothing to manage.
    diags.push(diagnostic("PG2010", "info", `${r.name}: AWS::CDK::Metadata is the CDK's report of its version and constructs, not a resource to manage: it is left out`, r.loc));
    return [{ kind: "comment", id: declId(r.name), sourceName: r.name, loc: r.loc, ...comments, lines: [`${r.name} (AWS::CDK::Metadata, the CDK's version report) is left out.`] }];
  }
  if (t.kind === "serverless" || t.kind === "unknown") {
    const why = t.kind === "serverless" ? "a SAM resource: SAM expands it into several resources inside CloudFormation; convert the transformed template, or write it with Pulumi classes" : "no @pulumi/aws or @pulumi/aws-native class for this type";
    diags.push(diagnostic("PG2001", "warning", `${r.name}: ${r.type} is not converted (${why})`, r.loc));
    return [{ kind: "comment", id: declId(r.name), sourceName: r.name, loc: r.loc, ...comments, lines: [`TODO(pulumigrate): ${r.name} (${r.type}) is not converted: ${why}.`] }];
  }
  const value = (e: Expr, at = r.loc) => rewriteCfn(e, table, diags, at);
  const dependsOn = r.meta.dependsOn.flatMap((d) => {
    const name = d.kind === "ref" && d.target.kind === "resource" ? d.target.name : undefined;
    const dep = name ? table.resources.get(name) : undefined;
    if (!name || !dep) return [];
    if (dep.target.kind === "serverless" || dep.target.kind === "unknown") {
      diags.push(diagnostic("PG2008", "warning", `${r.name}: DependsOn ${name}, which is not converted`, r.loc));
      return [];
    }
    const head = dep.conditional ? [{ kind: "index" as const, key: { kind: "literal" as const, value: 0 } }] : [];
    return dep.parts.map((id): Expr => ({ kind: "ref", target: { kind: "decl", id }, path: head }));
  });
  const schema = t.kind === "classic" ? awsSchema() : nativeSchema();
  const ctx: ResourceContext = {
    id: r.name,
    type: r.type,
    loc: r.loc,
    ...comments,
    ...(r.meta.condition ? { condition: value(r.meta.condition) } : {}),
    retain: r.meta.retainOnDelete === true,
    dependsOn,
    table,
    diags,
    values: { schema, diags, what: `${r.name} (${r.type})`, loc: r.loc, scalarType: (e) => scalarType(e, table) },
    entries: r.body.flatMap((b) => (b.kind === "attribute" ? [{ name: b.name, value: value(b.value, b.loc), loc: b.loc, ...(b.comments ? { comments: b.comments } : {}) }] : [])),
  };
  if (info.stack) return [nestedStackDecl(ctx, info.stack)];
  // Converted on its own (not in a tree: tree/templates.ts passes the stacks it converted, and says itself why others were not).
  if (r.type === "AWS::CloudFormation::Stack" && !table.inTree) {
    // A template path `aws cloudformation package` (or `sam package`) uploads before deploying: converted with the template only into a project.
    const url = ctx.entries.find((e) => e.name === "TemplateURL");
    if (url?.value.kind === "literal" && typeof url.value.value === "string" && isLocalTemplateUrl(url.value.value)) {
      diags.push(diagnostic("PG2010", "warning", `${r.name}: TemplateURL ${url.value.value} is a local path, which \`aws cloudformation package\` uploads to S3 before deploying; the nested stack needs that URL (or convert the template into a project folder, -o <folder>/, to convert ${url.value.value} with it as a component)`, url.loc));
    }
  }
  const { ctx: own, companions } = withCompanions(withPackagedFiles(ctx));
  const handler = HANDLERS[r.type] ?? (t.kind === "native" && t.custom ? customResource : undefined);
  if (handler) return [...handler(own), ...companions()];
  if (t.kind === "native") {
    diags.push(diagnostic("PG2012", "info", `${r.name}: ${r.type} has no curated classic mapping; it converts to ${t.className} from @pulumi/aws-native`, r.loc));
  }
  const renames = t.kind === "classic" ? (t.curated.props ?? {}) : {};
  return [declare(own, t.className, mapEntries(own.entries, t.schema.args, own.values, renames, t.typeKey)), ...companions()];
}
