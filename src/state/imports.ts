/**
 * The `pulumi import --file` document for a converted program: one entry per resource that
 * exists (a state instance, a stack resource), with its type token, the exact name the program
 * gives it, its parent component and provider, and the import ID built from the class's
 * documented identity (`REST-API-ID/RESOURCE-ID/HTTP-METHOD` for an Integration). What cannot be
 * matched or built is a located warning and is left out, never guessed.
 */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Location } from "../model/location.js";
import type { Decl, PulumiProgram, Repeat, ResourceDecl } from "../model/pulumi.js";
import { schemaKey, schemaOf } from "../typing/index.js";

/** One entry of an import file (Pulumi's `ImportResource`). */
export interface ImportEntry {
  readonly type: string;
  readonly name: string;
  readonly id?: string;
  /** The name of the component entry it belongs to. */
  readonly parent?: string;
  /** The name of a provider in the name table. */
  readonly provider?: string;
  /** An empty component resource created as the parent of imported ones (Pulumi 3.94+). */
  readonly component?: boolean;
}

export interface ImportFile {
  /** Provider names → their URNs in the stack (aliased providers, created before the import). */
  readonly nameTable?: Readonly<Record<string, string>>;
  readonly resources: readonly ImportEntry[];
}

export interface Skipped {
  /** The Terraform address or the CloudFormation logical id. */
  readonly address: string;
  readonly reason: string;
}

/** A state attribute or a literal as an import ID's part. */
export const text = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined);

/** The identity of a resource as the class documents it: `[attr]` or `[sep, ...attrs]`, with its type token. */
export function identityOf(className: string): { token: string; sep: string; attrs: readonly string[] } | undefined {
  const k = schemaKey(className);
  const r = k ? schemaOf(k.pkg).resources[k.key] : undefined;
  if (!r?.importId) return undefined;
  const [first, ...rest] = r.importId;
  return rest.length ? { token: r.token, sep: first!, attrs: rest } : { token: r.token, sep: "", attrs: [first!] };
}

/**
 * An aws-native resource's import ID: its CloudFormation primary identifier, which is what `Ref`
 * returns (a stack's physical id) for every type but those `Ref` reads another value of (the
 * caller leaves those out). `composite`: an identifier of several properties, joined by `|` in
 * an order the package does not give.
 */
export function nativeIdentity(className: string): { token: string; sep: string; attrs: readonly string[] } | { composite: readonly string[] } | undefined {
  const k = schemaKey(className);
  const r = k?.pkg === "aws-native" ? schemaOf(k.pkg).resources[k.key] : undefined;
  if (!r) return undefined;
  return r.identifier && r.identifier.length > 1 ? { composite: r.identifier } : { token: r.token, sep: "", attrs: ["id"] };
}

/** The suffix a repeated declaration's instance takes in its name (`-0`, `-key`), as the printer names them. */
export function instanceSuffix(repeat: Repeat | undefined, key: string | number | undefined): string {
  if (!repeat || repeat.kind === "conditional" || key === undefined) return "";
  return `-${key}`;
}

/** A program being walked: the names its resources take and the component they belong to. */
export interface Scope {
  readonly program: PulumiProgram;
  readonly prefix: string;
  readonly parent?: string;
  /** The provider its children inherit (a component called with `providers = { aws = … }`). */
  readonly provider?: string;
}

/** The name of the provider a declaration uses: its own `provider` option, else what its component passes down. */
export function providerOf(d: ResourceDecl, scope: Scope): string | undefined {
  const p = d.options.provider ?? providerEntry(d.options.providers);
  if (p?.kind === "ref" && p.target.kind === "decl") {
    const decl = scope.program.decls.find((x) => x.id === (p.target as { id: string }).id);
    if (decl?.kind === "resource") return decl.resourceName;
  }
  return scope.provider;
}

function providerEntry(providers: ResourceDecl["options"]["providers"]) {
  return providers?.kind === "object" ? providers.entries.find((e) => e.key === "aws")?.value : undefined;
}

/** Collects entries, components once each, and the providers they name. */
export class ImportBuilder {
  private readonly entries: ImportEntry[] = [];
  private readonly components = new Set<string>();
  private readonly providers = new Set<string>();
  readonly skipped: Skipped[] = [];
  readonly diagnostics: Diagnostic[] = [];
  imported = 0;

  constructor(private readonly urnPrefix: string) {}

  skip(address: string, reason: string, loc: Location | undefined): void {
    this.skipped.push({ address, reason });
    this.diagnostics.push(diagnostic("PG4001", "warning", `${address} is not imported: ${reason}`, loc));
  }

  /** The scope inside a component instance, its entry added the first time it is met. */
  enter(scope: Scope, call: ResourceDecl, key: string | number | undefined, programs: ReadonlyMap<string, PulumiProgram>, token: string): Scope | undefined {
    const program = programs.get(call.className);
    if (!program) return undefined;
    const name = scope.prefix + call.resourceName + instanceSuffix(call.repeat, key);
    if (!this.components.has(name)) {
      this.components.add(name);
      this.entries.push({ type: token, name, component: true, ...(scope.parent ? { parent: scope.parent } : {}) });
    }
    const provider = providerOf(call, scope);
    return { program, prefix: `${name}-`, parent: name, ...(provider ? { provider } : {}) };
  }

  add(d: ResourceDecl, scope: Scope, key: string | number | undefined, id: string): void {
    const k = schemaKey(d.className);
    const token = k ? schemaOf(k.pkg).resources[k.key]!.token : d.className;
    const provider = providerOf(d, scope);
    if (provider) this.providers.add(provider);
    this.entries.push({
      type: token,
      name: scope.prefix + d.resourceName + instanceSuffix(d.repeat, key),
      id,
      ...(scope.parent ? { parent: scope.parent } : {}),
      ...(provider ? { provider } : {}),
    });
    this.imported++;
  }

  file(): ImportFile {
    const nameTable = Object.fromEntries([...this.providers].sort().map((p) => [p, `${this.urnPrefix}pulumi:providers:aws::${p}`]));
    return { ...(this.providers.size ? { nameTable } : {}), resources: this.entries };
  }
}

/** The resource declarations a source resource became (a Deployment with `stage_name` made a Stage too). */
export function declsOf(program: PulumiProgram, address: string): ResourceDecl[] {
  return program.decls.filter((d: Decl): d is ResourceDecl => d.kind === "resource" && !d.component && d.source?.address === address && d.className !== "aws.Provider");
}

/** `value` joined by the identity's separator, or the first attribute missing. */
export function buildId(identity: { sep: string; attrs: readonly string[] }, value: (attr: string) => string | undefined): { id: string } | { missing: string } {
  const parts: string[] = [];
  for (const a of identity.attrs) {
    const v = value(a);
    if (v === undefined || v === "") return { missing: a };
    parts.push(v);
  }
  return { id: parts.join(identity.sep) };
}
