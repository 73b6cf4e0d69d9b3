/**
 * Terraform model → Pulumi program: variables become config reads, locals constants, data
 * sources invokes, resources @pulumi/aws classes, outputs exports, aliased providers explicit
 * `aws.Provider` resources. Meta-arguments become resource options or loops.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Expr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Decl, PulumiProgram, ResourceOptions } from "../../model/pulumi.js";
import type { Output, ProviderConfig, Resource, SourceProgram } from "../../model/program.js";
import { awsSchema, commandSchema } from "../../schema/index.js";
import { checkIntegrations } from "../integration-rules.js";
import { mapProperty } from "../properties.js";
import { requireArguments } from "../required.js";
import { resolveDataSource, resolveResourceType } from "./types.js";
import { mapBody } from "./body.js";
import { COMPUTED, movedOf, splitBody } from "./moved.js";
import { isRideAlong, rideAlongDecl, VALUE_ATTRIBUTES } from "./providers.js";
import { commandDecls, externalDecl, runsCommands, timeSleepDecls } from "./command.js";
import { mapTypedPaths } from "./paths.js";
import { rewriteReferences, type Declared, type DeclaredModule, type ReferenceTable } from "./references.js";
import { moduleDecl, type MapOptions } from "./modules.js";
import { withoutDuplicates } from "./duplicates.js";
import { withKnownKeys } from "./known-keys.js";
import { REMOTE_STATE, remoteStateDecls } from "./remote-state.js";
import { configDecl } from "./variables.js";
import { CREDENTIAL_ARGS, credentialVariables, withoutCredentials } from "./credentials.js";
import { camel } from "../../model/names.js";
import { options, repeat, withDefaultProvider } from "./meta.js";

export type { MapOptions, ModuleInterface } from "./modules.js";

export function mapTerraform(source: SourceProgram, diags: Diagnostic[], mapOptions: MapOptions = {}): PulumiProgram {
  const program = withKnownKeys(withoutDuplicates(source, diags));
  const table = buildTable(program, mapOptions);
  const credentials = credentialVariables(program);
  const decls: Decl[] = [];
  for (const item of program.items) {
    const comments = item.comments ? { comments: item.comments } : {};
    // The invokes a computed read needs (references.ts) go right before the first declaration that reads them.
    const [hoisted, at] = [table.hoisted.size, decls.length];
    switch (item.kind) {
      case "variable":
        decls.push(configDecl(item, table, diags, credentials.has(item.name)));
        break;
      case "local":
        decls.push({ kind: "const", id: `local.${item.name}`, sourceName: item.name, loc: item.loc, ...comments, value: rewriteReferences(item.value, table, diags, item.loc) });
        break;
      case "resource":
        if (runsCommands(item)) decls.push(...commandDecls(item, { value: (e, loc = item.loc) => rewriteReferences(e, table, diags, loc), options: options(item, table, diags), repeat: repeat(item, table, diags) }, diags));
        else if (item.mode === "managed" && item.type === "time_sleep") decls.push(...timeSleepDecls(item, { value: (e, loc = item.loc) => rewriteReferences(e, table, diags, loc), options: options(item, table, diags), repeat: repeat(item, table, diags) }, diags));
        else if (isRideAlong(item)) decls.push(rideAlongDecl(item, (e, loc = item.loc) => rewriteReferences(e, table, diags, loc), diags));
        else decls.push(...(item.mode === "data" ? dataDecl(item, table, diags) : resourceDecl(item, table, diags)));
        break;
      case "module": {
        const iface = mapOptions.modules?.get(item.name);
        if (!iface) {
          decls.push({ kind: "comment", id: `module.${item.name}`, sourceName: item.name, loc: item.loc, ...comments, lines: [mapOptions.reported?.has(item.name) ? `TODO(pulumigrate): module "${item.name}" (${item.source}) is not converted (see the error at this line).` : `TODO(pulumigrate): module "${item.name}" (${item.source}) is not converted; convert the module directory that calls it to convert both.`] });
          if (!mapOptions.reported?.has(item.name)) diags.push(diagnostic("PG2007", "warning", `module "${item.name}" is not converted: convert the directory (pulumigrate convert <dir> -o out/) to convert the modules it calls as components`, item.loc));
          break;
        }
        const value = (e: Expr, loc: Location = item.loc) => rewriteReferences(e, table, diags, loc);
        const opts = options(item, table, diags);
        decls.push(moduleDecl(item, iface, { diags, value, dependsOn: opts.dependsOn ?? [], repeat: repeat(item, table, diags), ...(table.defaultProvider ? { defaultProvider: { kind: "ref", target: { kind: "decl", id: table.defaultProvider }, path: [] } } : {}) }));
        break;
      }
      case "output":
        decls.push(exportDecl(item, table, diags));
        break;
      case "provider":
        decls.push(providerDecl(withoutCredentials(item, diags), table, diags));
        break;
      case "import":
        // The project's import.json adopts it (state/index.ts importBlocks); the program has nothing to declare.
        diags.push(diagnostic("PG2010", "info", "an import block becomes an entry of the project's import.json (pulumi import --file import.json), written when a directory converts to a project", item.loc));
        if (item.comments?.leading?.length) decls.push({ kind: "comment", id: `import.${decls.length}`, sourceName: "", loc: item.loc, lines: item.comments.leading });
        break;
      case "moved":
      case "removed":
        // The state adoption reads them (state/index.ts): the program declares what the module now holds.
        diags.push(
          item.kind === "moved"
            ? diagnostic("PG2010", "info", "a moved block: the program names the resource by its new address; a state that still holds the old one is adopted under the new (import.json)", item.loc)
            : item.destroy
              ? diagnostic("PG2010", "warning", "a removed block with destroy = true: Terraform would destroy the resource on its next apply; the program leaves it out and import.json does not adopt it, so it stays as it is (apply with Terraform first to destroy it)", item.loc)
              : diagnostic("PG2010", "info", "a removed block: the resource is left out of the program and of import.json (no longer managed, as Terraform forgets it)", item.loc),
        );
        if (item.comments?.leading?.length) decls.push({ kind: "comment", id: `${item.kind}.${decls.length}`, sourceName: "", loc: item.loc, lines: item.comments.leading });
        break;
      case "check":
        // Terraform reports a failed assertion as a warning, after the values it reads are known: so does the program (pulumi.log.warn).
        if (item.data.length) diags.push(diagnostic("PG2010", "info", `check "${item.name}": its scoped data source${item.data.length > 1 ? "s" : ""} (${item.data.join(", ")}) ${item.data.length > 1 ? "are" : "is"} read as the program's own: where Terraform warns when one fails, the program stops`, item.loc));
        item.asserts.forEach((a, i) => {
          const value = (e: Expr) => rewriteReferences(e, table, diags, a.loc);
          decls.push({ kind: "assertion", id: `check.${item.name}.${i}`, sourceName: item.name, check: item.name, condition: value(a.condition), message: value(a.message), loc: a.loc, ...(i === 0 ? comments : {}) });
        });
        break;
      case "note":
        decls.push({ kind: "comment", id: `note.${decls.length}`, sourceName: "", loc: item.loc, ...comments, lines: item.text.split("\n") });
        break;
    }
    if (table.hoisted.size > hoisted) decls.splice(at, 0, ...[...table.hoisted.values()].slice(hoisted));
  }
  // Variables used but not declared become untyped config reads, ahead of everything.
  const implicit: Decl[] = [...table.undeclared].map((name) => ({
    kind: "config",
    id: `var.${name}`,
    sourceName: name,
    key: name,
    type: { kind: "object", type: { kind: "any" } },
    secret: false,
    description: "not declared in the converted files",
  }));
  checkIntegrations(decls, diags);
  const components = new Map([...table.modules.values()].map((m) => [m.iface.className, m.iface]));
  return { decls: mapTypedPaths([...implicit, ...decls], components), trailingComments: program.trailingComments };
}

function buildTable(program: SourceProgram, mapOptions: MapOptions): ReferenceTable {
  const variables = new Set<string>();
  const locals = new Set<string>();
  const resources = new Map<string, Declared>();
  const data = new Map<string, Declared>();
  const providers = new Map<string, string>();
  const modules = new Map<string, DeclaredModule>();
  for (const it of program.items) {
    if (it.kind === "variable") variables.add(it.name);
    else if (it.kind === "local") locals.add(it.name);
    else if (it.kind === "provider" && it.alias) providers.set(it.alias, `provider.${it.alias}`);
    else if (it.kind === "module") {
      const iface = mapOptions.modules?.get(it.name);
      if (iface) modules.set(it.name, { id: `module.${it.name}`, iface, repeated: it.meta.count !== undefined || it.meta.forEach !== undefined });
    }
    else if (it.kind === "resource") {
      const key = `${it.type}.${it.name}`;
      const repeated = it.meta.count !== undefined || it.meta.forEach !== undefined;
      if (it.mode === "managed") {
        const r = resolveResourceType(it.type);
        const m = movedOf(it);
        const target = m ? resolveResourceType(m.asType) : undefined;
        const answers: Declared | undefined = m && target ? { id: `${key}.${m.suffix}`, tfType: m.asType, repeated, converted: true, props: target.schema.outputs } : undefined;
        const moved = m && answers ? Object.fromEntries(Object.entries(m.reads).map(([a, attr]) => [a, { by: answers, attr }])) : undefined;
        // A null_resource or terraform_data running local-exec provisioners is the last of its commands (command.ts).
        if (runsCommands(it) || it.type === "time_sleep") {
          resources.set(key, { id: key, tfType: it.type, repeated, ...(it.meta.forEach !== undefined ? { keyed: true } : {}), converted: true, props: commandSchema().resources["local.Command"]!.outputs });
          continue;
        }
        // A terraform_data without provisioners is the value it holds (providers.ts).
        if (it.type === "terraform_data" && !it.meta.provisioners && !repeated) {
          resources.set(key, { id: key, tfType: it.type, repeated, converted: true, values: ["output", "input", "triggers_replace"] });
          continue;
        }
        // Computed only on the default provider's account (another provider's region is not the program's).
        const computed = !m && it.meta.provider === undefined ? COMPUTED[it.type] : undefined;
        resources.set(key, { id: key, tfType: it.type, repeated, ...(it.meta.forEach !== undefined ? { keyed: true } : {}), converted: r !== undefined, ...(r ? { props: r.schema.outputs } : {}), ...(moved ? { moved } : {}), ...(computed ? { computed } : {}) });
      } else if (it.type === REMOTE_STATE) {
        data.set(key, { id: `data.${key}`, tfType: it.type, repeated, converted: true, remoteState: true });
      } else if (it.type === "external") {
        data.set(key, { id: `data.${key}`, tfType: it.type, repeated, converted: true, props: commandSchema().functions["local.run"]!.result });
      } else if (VALUE_ATTRIBUTES[it.type]) {
        data.set(key, { id: `data.${key}`, tfType: it.type, repeated, converted: true, values: VALUE_ATTRIBUTES[it.type]! });
      } else {
        const f = resolveDataSource(it.type);
        data.set(key, { id: `data.${key}`, tfType: it.type, repeated, converted: f !== undefined, ...(f ? { props: f.schema.result } : {}), ...(f?.schema.resultRenamed ? { renamed: f.schema.resultRenamed } : {}), ...(it.meta.provider !== undefined ? { ownProvider: true } : {}) });
      }
    }
  }
  const explicit = program.items.some((it) => it.kind === "provider" && it.name === "aws" && !it.alias && needsExplicitProvider(it));
  return { variables, locals, resources, data, providers, modules, pathModule: mapOptions.pathModule ?? ".", undeclared: new Set(), hoisted: new Map(), ...(explicit ? { defaultProvider: DEFAULT_PROVIDER } : {}) };
}

const DEFAULT_PROVIDER = "provider.default";

/**
 * Whether the default aws provider's settings need a provider resource: stack configuration holds
 * literal values (aws:region), not a variable's value or the nested blocks (assume_role,
 * default_tags) a block may set.
 */
function needsExplicitProvider(p: ProviderConfig): boolean {
  return p.body.some((b) => b.kind !== "attribute" || (!CREDENTIAL_ARGS.has(b.name) && b.value.kind !== "literal"));
}

/**
 * `ignore_changes = all`: Pulumi has no wildcard for ignoreChanges (pulumi/pulumi#6710, open), so
 * every argument the program sets is named instead, which keeps each from being updated;
 * attributes only the provider sets are not the program's to change in the first place.
 */
function ignoringAll(o: ResourceOptions, args: Expr, r: Resource, diags: Diagnostic[]): ResourceOptions {
  // `all`, or Terraform 0.11's `"*"`.
  const wildcard = (n: string) => n === "all" || n === "*";
  if (!o.ignoreChanges?.some(wildcard) || !r.meta.ignoreChanges?.some(wildcard)) return o;
  const set = args.kind === "object" ? args.entries.flatMap((e) => (typeof e.key === "string" ? [e.key] : [])) : [];
  const named = [...new Set([...o.ignoreChanges.filter((n) => !wildcard(n)), ...set])];
  diags.push(diagnostic("PG2010", "info", `ignore_changes = all: Pulumi's ignoreChanges has no wildcard; it names every argument the program sets (${named.length ? named.join(", ") : "none"})`, r.loc));
  const { ignoreChanges: _, ...rest } = o;
  return named.length ? { ...rest, ignoreChanges: named } : rest;
}

function resourceDecl(r: Resource, table: ReferenceTable, diags: Diagnostic[]): Decl[] {
  const resolved = resolveResourceType(r.type);
  const id = `${r.type}.${r.name}`;
  const comments = r.comments ? { comments: r.comments } : {};
  if (!resolved) {
    diags.push(diagnostic("PG2001", "warning", `resource type '${r.type}' has no class in @pulumi/aws ${awsSchema().package}; it is left as a TODO`, r.loc));
    return [{ kind: "comment", id, sourceName: r.name, loc: r.loc, ...comments, lines: [`TODO(pulumigrate): resource "${r.type}" "${r.name}" is not converted: no @pulumi/aws class for this type.`] }];
  }
  const value = (e: Expr, loc: Location = r.loc) => rewriteReferences(e, table, diags, loc);
  const moved = movedOf(r);
  const self: Expr = {
    kind: "ref",
    target: { kind: "resource", type: r.type, name: r.name },
    path: [
      ...(r.meta.count ? [{ kind: "index" as const, key: { kind: "ref" as const, target: { kind: "countIndex" as const }, path: [] } }] : []),
      ...(r.meta.forEach ? [{ kind: "index" as const, key: { kind: "ref" as const, target: { kind: "each" as const, which: "key" as const }, path: [] } }] : []),
      { kind: "attr", name: moved?.link.output ?? "id" },
    ],
  };
  const parts = moved ? splitBody(r, moved, self) : { own: r.body, moved: [] };
  const mapped = mapBody(parts.own, resolved.schema.args, { tfType: r.type, diags, value });
  const rep = repeat(r, table, diags);
  const args = requireArguments(mapped, resolved.schema.required, `${r.type}.${r.name}`, r.loc, diags);
  const notes: string[] = [];
  if (r.meta.createBeforeDestroy) notes.push("lifecycle.create_before_destroy: Pulumi already creates replacements before deleting the old resource (unless deleteBeforeReplace is set).");
  const opts = ignoringAll(withDefaultProvider(options(r, table, diags, resolved.schema.args, r.type), resolved.className, table), args, r, diags);
  const checks = (r.meta.preconditions ?? []).map((c) => ({ condition: value(c.condition, c.loc), message: value(c.message, c.loc) }));
  const decls: Decl[] = [{
    kind: "resource",
    id,
    ...(checks.length ? { checks } : {}),
    sourceName: r.name,
    className: resolved.className,
    resourceName: r.name,
    args,
    options: opts,
    ...(rep ? { repeat: rep } : {}),
    ...(notes.length ? { notes } : {}),
    source: { type: r.type, address: `${r.type}.${r.name}` },
    loc: r.loc,
    ...comments,
  }];
  const target = moved ? resolveResourceType(moved.asType) : undefined;
  if (moved && target) {
    // The resource the moved attributes make, beside the original and repeated with it.
    const body = mapBody(parts.moved, target.schema.args, { tfType: moved.asType, diags, value });
    const { dependsOn: _d, ...rest } = opts;
    decls.push({
      kind: "resource",
      id: `${id}.${moved.suffix}`,
      sourceName: r.name,
      className: moved.className,
      resourceName: r.name,
      args: requireArguments(body, target.schema.required, `${r.type}.${r.name} (${moved.className})`, r.loc, diags),
      options: rest,
      ...(rep ? { repeat: rep } : {}),
      notes: [`${r.type}.${moved.trigger} made this in Terraform; in @pulumi/aws ${awsSchema().package} it is a resource of its own (${moved.className}).`],
      source: { type: moved.asType, address: `${r.type}.${r.name}` },
      loc: r.loc,
    });
  }
  // Its local-exec provisioners: commands that run after it is created, made again when it is replaced (command.ts).
  if (r.meta.provisionerRuns?.length) decls.push(...commandDecls(r, { value, options: {}, repeat: rep, after: { self: { ...self, path: self.path.slice(0, -1) } } }, diags));
  return decls;
}

function dataDecl(r: Resource, table: ReferenceTable, diags: Diagnostic[]): Decl[] {
  for (const c of r.meta.preconditions ?? []) diags.push(diagnostic("PG2004", "warning", "a data source's precondition is not converted", c.loc));
  if (r.type === REMOTE_STATE) {
    const rep = repeat(r, table, diags);
    return remoteStateDecls(r, { diags, taken: table.variables, options: options(r, table, diags), ...(rep ? { repeat: rep } : {}) });
  }
  if (r.type === "external") return [externalDecl(r, { value: (e, loc = r.loc) => rewriteReferences(e, table, diags, loc), options: options(r, table, diags), repeat: repeat(r, table, diags) }, diags)];
  const resolved = resolveDataSource(r.type);
  const id = `data.${r.type}.${r.name}`;
  const comments = r.comments ? { comments: r.comments } : {};
  const block = r.ephemeral ? "ephemeral" : "data";
  if (!resolved) {
    diags.push(diagnostic("PG2002", "warning", `${r.ephemeral ? "ephemeral resource" : "data source"} '${r.type}' has no invoke in @pulumi/aws ${awsSchema().package}; it is left as a TODO`, r.loc));
    return [{ kind: "comment", id, sourceName: r.name, loc: r.loc, ...comments, lines: [`TODO(pulumigrate): ${block} "${r.type}" "${r.name}" is not converted: no @pulumi/aws invoke for this type.`] }];
  }
  if (r.ephemeral) {
    diags.push(diagnostic("PG2010", "info", `ephemeral "${r.type}" "${r.name}" is read as the data source of its type: Pulumi has no ephemeral resources, so what a resource is given of it is kept in the stack's state (encrypted where it is a secret), where Terraform keeps it out`, r.loc));
  }
  const value = (e: Expr, loc: Location = r.loc) => rewriteReferences(e, table, diags, loc);
  const args = mapBody(r.body, resolved.schema.args, { tfType: r.type, diags, value });
  const mod = `${resolved.namespace ?? "aws"}.${resolved.module === "index" ? "" : resolved.module + "."}`;
  // `count` / `for_each` on a data source: one invoke per instance.
  const rep = repeat(r, table, diags);
  return [{
    kind: "invoke",
    id,
    sourceName: r.name,
    fn: `${mod}${resolved.name}${resolved.schema.output ? "Output" : ""}`,
    args,
    options: withDefaultProvider(options(r, table, diags), `${mod}${resolved.name}`, table),
    ...(rep ? { repeat: rep } : {}),
    loc: r.loc,
    ...comments,
  }];
}

function exportDecl(o: Output, table: ReferenceTable, diags: Diagnostic[]): Decl {
  const lead = [...(o.comments?.leading ?? []), ...(o.description ? [o.description] : [])];
  return {
    kind: "export",
    id: `output.${o.name}`,
    sourceName: o.name,
    // A sensitive output is a secret in Pulumi.
    value: o.sensitive ? { kind: "call", name: "sensitive", args: [rewriteReferences(o.value, table, diags, o.valueLoc ?? o.loc)] } : rewriteReferences(o.value, table, diags, o.valueLoc ?? o.loc),
    loc: o.loc,
    ...(o.valueLoc ? { valueLoc: o.valueLoc } : {}),
    ...(lead.length || o.comments?.trailing ? { comments: { ...(lead.length ? { leading: lead } : {}), ...(o.comments?.trailing ? { trailing: o.comments.trailing } : {}) } } : {}),
  };
}

/** The default aws provider's literal settings as stack configuration (`region` → `aws:region`), credentials never among them. */
export function defaultProviderConfig(program: SourceProgram): Record<string, string> {
  const out: Record<string, string> = {};
  const schema = awsSchema().resources["index.Provider"]!;
  for (const it of program.items) {
    if (it.kind !== "provider" || it.name !== "aws" || it.alias || needsExplicitProvider(it)) continue;
    for (const a of it.body) {
      if (a.kind !== "attribute" || CREDENTIAL_ARGS.has(a.name) || a.value.kind !== "literal" || a.value.value === null) continue;
      out[mapProperty(a.name, schema.args) ?? camel(a.name)] = String(a.value.value);
    }
  }
  return out;
}

function providerDecl(p: ProviderConfig, table: ReferenceTable, diags: Diagnostic[]): Decl {
  const comments = p.comments ? { comments: p.comments } : {};
  // The packages beside AWS whose default provider needs no settings: an empty block says nothing Pulumi needs.
  if ((p.name === "random" || p.name === "tls") && !p.alias && p.body.length === 0) {
    diags.push(diagnostic("PG2010", "info", `provider "${p.name}" has no settings: @pulumi/${p.name}'s default provider needs none`, p.loc));
    return { kind: "comment", id: `provider.${p.name}`, sourceName: p.name, loc: p.loc, ...comments, lines: [] };
  }
  if (p.name !== "aws") {
    diags.push(diagnostic("PG2004", "warning", `provider "${p.name}" is not converted: only the aws provider is supported`, p.loc));
    return { kind: "comment", id: `provider.${p.name}`, sourceName: p.name, loc: p.loc, ...comments, lines: [`TODO(pulumigrate): provider "${p.name}" is not converted.`] };
  }
  const schema = awsSchema().resources["index.Provider"]!;
  const value = (e: Expr, loc: Location = p.loc) => rewriteReferences(e, table, diags, loc);
  const args = mapBody(p.body, schema.args, { tfType: "aws_provider", diags, value });
  if (!p.alias && needsExplicitProvider(p)) {
    diags.push(diagnostic("PG2010", "info", "the default aws provider's settings are computed or nested (a variable's value, assume_role, default_tags): it is a provider resource every aws resource of the program uses", p.loc));
    return { kind: "resource", id: DEFAULT_PROVIDER, sourceName: "default_provider", className: "aws.Provider", resourceName: "default", args, options: {}, loc: p.loc, ...comments };
  }
  if (!p.alias) {
    const lines = ["The default aws provider is configured by stack configuration, e.g.:"];
    for (const it of p.body) {
      if (it.kind === "attribute" && it.value.kind === "literal") lines.push(`  pulumi config set aws:${mapProperty(it.name, schema.args) ?? it.name} ${String(it.value.value)}`);
      else lines.push(`  (${it.name} is set in the provider block; set aws:${it.name} in stack configuration)`);
    }
    diags.push(diagnostic("PG2010", "info", "the default aws provider block becomes stack configuration (aws:region and friends)", p.loc));
    return { kind: "comment", id: "provider.default", sourceName: "aws", loc: p.loc, ...comments, lines };
  }
  return {
    kind: "resource",
    id: `provider.${p.alias}`,
    sourceName: p.alias,
    className: "aws.Provider",
    resourceName: p.alias,
    args,
    options: {},
    loc: p.loc,
    ...comments,
  };
}
