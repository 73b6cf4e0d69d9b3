/**
 * A Terraform module tree as one Pulumi project: the root module is `index.ts`, every module
 * directory it calls (to any depth, a directory called many times once) a component class in
 * `components/`. The tree is read through a {@link ModuleLoader}, so this stays free of I/O.
 *
 * Order: modules are discovered depth first (a call cycle is a located error), mapped callees
 * first (a caller needs its callees' variables and outputs), typed until the set of arguments
 * callers pass as Outputs stops growing (those become `pulumi.Input<T>`), then printed.
 */
import { append } from "../model/append.js";
import path from "node:path";
import { placeholderComponent, type ComponentSpec } from "../emitters/typescript/component.js";
import type { FormatOptions } from "../emitters/typescript/format.js";
import { hoistFromModule, withHoisted, type Hoisted } from "./hoist.js";
import { declExprs } from "../emitters/typescript/order.js";
import type { Summary, Timings } from "../convert.js";
import { mapTerraform, type ModuleInterface } from "../mappers/terraform/index.js";
import { moduleInterface } from "../mappers/terraform/modules.js";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import { walkExpr, type Expr } from "../model/expr.js";
import { componentNames } from "../model/names.js";
import type { ConfigDecl, PulumiProgram } from "../model/pulumi.js";
import type { ModuleCall, SourceProgram } from "../model/program.js";
import { parseTerraform } from "../parsers/terraform/index.js";
import type { Type } from "../typing/index.js";
import { componentToken, formatCode, printTree, projectOrder, timer, type PrintNode, type ProjectFile } from "./print.js";
import { downloadedModules, listingOnce, resolveSource, sourceBaseName, type ModuleLoader } from "./sources.js";

export type { ModuleLoader } from "./sources.js";
export { componentToken, type ProjectFile } from "./print.js";
export { listingOnce } from "./sources.js";

export interface TreeOptions {
  /** Prettier options (a team's style); `false` prints raw text. */
  readonly prettier?: false | FormatOptions;
  /** When given, milliseconds spent in each stage are added to it (as `convert()` does). */
  readonly timings?: Timings;
}

export interface ComponentInfo {
  readonly className: string;
  /** `components/apiGateway.ts` */
  readonly file: string;
  /** The module directory relative to the root module, or the source it could not be read from. */
  readonly origin: string;
  readonly kind: "local" | "downloaded" | "placeholder";
  /** `module` blocks that call it. */
  readonly calls: number;
}

export interface TreeResult {
  /** `index.ts` and `components/*.ts`. */
  readonly files: readonly ProjectFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
  /** npm packages the programs import. */
  readonly packages: readonly string[];
  readonly components: readonly ComponentInfo[];
  /** The root module's mapped program (what the state migration reads). */
  readonly root: PulumiProgram;
  /** The root module as parsed. */
  readonly rootSource: SourceProgram;
  /** Each component's mapped program, by class name (the state migration follows module paths through them). */
  readonly programs: ReadonlyMap<string, PulumiProgram>;
  /** The root module's variables, for stack configuration. */
  readonly variables: readonly ConfigDecl[];
  /** Over the root and every component. */
  readonly summary: Summary;
  /** The `.tf` files read: the root module's and every converted module's, as the loader named them. */
  readonly sources: readonly string[];
}

interface Node {
  readonly key: string;
  /** The directory as the loader reads it. */
  readonly dir: string;
  /** Relative to the root module (`modules/api`), what `path.module` reads. */
  readonly rel: string;
  readonly kind: "root" | "local" | "downloaded";
  readonly parsed: SourceProgram;
  /** Call name → callee (a node, or a placeholder's key). */
  readonly calls: Map<string, string>;
  /** Calls reported as not convertible (a cycle, a missing directory). */
  readonly reported: Set<string>;
  className: string;
  fileName: string;
}

interface PlaceholderModule {
  readonly key: string;
  readonly source: string;
  readonly version?: string;
  readonly baseName: string;
  className: string;
  fileName: string;
  readonly props: Set<string>;
}

export async function convertTree(rootDir: string, given: ModuleLoader, options: TreeOptions = {}): Promise<TreeResult> {
  const loader = listingOnce(given);
  const list = (dir: string) => loader.list(dir);
  const diags: Diagnostic[] = [];
  const time = timer(options.timings);
  const nodes = new Map<string, Node>();
  const placeholders = new Map<string, PlaceholderModule>();
  const order: Node[] = [];
  const counts = new Map<string, number>();
  const downloaded = downloadedModules(rootDir, loader);
  const sources: string[] = [];

  const discover = async (dir: string, kind: Node["kind"], keyPath: string, stack: readonly string[]): Promise<Node> => {
    const key = path.resolve(dir);
    const files = loader.readDir(dir, list(dir)) ?? [];
    for (const f of files) sources.push(f.path);
    const parsed = await parseTerraform(files, options.timings);
    append(diags, parsed.diagnostics);
    // Terraform reads *.tf.json beside *.tf; their JSON syntax is not converted, and says so.
    for (const name of list(dir).filter((n) => n.endsWith(".tf.json"))) {
      diags.push(diagnostic("PG2004", "warning", `${name} is written in Terraform's JSON syntax, which is not converted: what it declares is missing from the program`, { file: path.join(dir, name), line: 1, column: 1 }));
    }
    const node: Node = { key, dir, rel: path.relative(rootDir, dir).split(path.sep).join("/") || ".", kind, parsed: parsed.program, calls: new Map(), reported: new Set(), className: "", fileName: "" };
    nodes.set(key, node);
    for (const call of parsed.program.items.filter((i): i is ModuleCall => i.kind === "module")) {
      if (!call.source) continue;
      const callPath = keyPath ? `${keyPath}.${call.name}` : call.name;
      const src = resolveSource(call.source, dir, rootDir, callPath, downloaded);
      const target = src.kind === "missing" ? undefined : src.dir;
      const targetKey = target && path.resolve(target);
      // Whether it holds .tf files (they are read once, when the directory is converted; one converted already does).
      const readable = target !== undefined && (nodes.has(targetKey!) || list(target).some((f) => f.endsWith(".tf")));
      if (targetKey && readable && (stack.includes(targetKey) || targetKey === key)) {
        const names = [...stack, key, targetKey].map((k) => nodes.get(k)?.rel ?? k);
        diags.push(diagnostic("PG2009", "error", `module "${call.name}" calls a module that calls it back (${names.join(" → ")}): a cycle cannot be converted`, call.loc));
        node.reported.add(call.name);
        continue;
      }
      if (targetKey && readable) {
        if (src.kind === "downloaded") {
          diags.push(diagnostic("PG2010", "info", `module "${call.name}" (${call.source}${src.version ? ` ${src.version}` : ""}) converts from the copy terraform init downloaded to ${path.relative(rootDir, target!) || "."}`, call.loc));
        }
        const existing = nodes.get(targetKey);
        const callee = existing ?? (await discover(target!, src.kind === "downloaded" ? "downloaded" : "local", callPath, [...stack, key]));
        node.calls.set(call.name, callee.key);
        counts.set(callee.key, (counts.get(callee.key) ?? 0) + 1);
        continue;
      }
      if (src.kind === "local") {
        diags.push(diagnostic("PG1002", "error", `module "${call.name}": its source ${call.source} (${target}) holds no .tf files`, call.loc));
        node.reported.add(call.name);
        continue;
      }
      const version = call.version;
      diags.push(diagnostic("PG2007", "warning", `module "${call.name}": source "${call.source}"${version ? ` (version ${version})` : ""} is not local and has no downloaded copy (run terraform init, then convert again); a placeholder component that fails when the program runs stands in its place`, call.loc));
      const pkey = `placeholder:${call.source}@${version ?? ""}`;
      if (!placeholders.has(pkey)) placeholders.set(pkey, { key: pkey, source: call.source, ...(version ? { version } : {}), baseName: sourceBaseName(call.source, call.name), className: "", fileName: "", props: new Set() });
      node.calls.set(call.name, pkey);
      counts.set(pkey, (counts.get(pkey) ?? 0) + 1);
    }
    order.push(node);
    return node;
  };

  const root = await discover(rootDir, "root", "", []);
  const named = componentNames([
    ...order.filter((n) => n !== root).map((n) => ({ key: n.key, baseName: path.basename(path.resolve(n.dir)) })),
    ...[...placeholders.values()].map((p) => ({ key: p.key, baseName: p.baseName })),
  ]);
  for (const n of [...order, ...placeholders.values()]) {
    const name = named.get(n.key);
    if (name) Object.assign(n, name);
  }

  // Map, callees first.
  const ifaces = new Map<string, ModuleInterface>();
  for (const p of placeholders.values()) ifaces.set(p.key, { className: p.className, inputs: new Map(), outputs: new Map(), placeholder: true });
  const mapped = new Map<string, PulumiProgram>();
  // The modules only the root calls, none of whose calls passes providers: the data sources their
  // loops count are read by the root (hoist.ts).
  const callers = new Map<string, Set<string>>();
  for (const n of order) for (const k of n.calls.values()) callers.set(k, (callers.get(k) ?? new Set()).add(n.key));
  const withProviders = new Set(root.parsed.items.flatMap((it) => (it.kind === "module" && it.providers ? [root.calls.get(it.name)] : [])));
  const hoistable = (n: Node) => n !== root && [...(callers.get(n.key) ?? [])].every((k) => k === root.key) && !withProviders.has(n.key);
  const hoisted = new Map<string, Hoisted[]>();
  for (const n of order) {
    const modules = new Map([...n.calls].map(([call, key]) => [call, ifaces.get(key)!]));
    const start = performance.now();
    let program = mapTerraform(n.parsed, diags, { modules, pathModule: n.rel, reported: n.reported });
    if (hoistable(n)) {
      const h = hoistFromModule(program, n.key);
      program = h.program;
      if (h.hoisted.length) hoisted.set(n.key, h.hoisted);
    }
    if (n === root) {
      for (const [key, hs] of hoisted) program = withHoisted(program, nodes.get(key)!.className, hs, (k) => ifaces.get(key)?.inputs.get(k)?.prop);
    }
    time("map", start);
    mapped.set(n.key, program);
    if (n !== root) ifaces.set(n.key, moduleInterface(program, n.className));
  }
  // What callers read of each placeholder.
  const classOf = new Map([...placeholders.values()].map((p) => [p.className, p]));
  for (const program of mapped.values()) collectReads(program, classOf);

  const components = new Map<string, Type>();
  for (const p of placeholders.values()) components.set(p.className, { k: "component", className: p.className, outputs: Object.fromEntries([...p.props].map((x) => [x, { k: "output", of: { k: "any" } }])) });
  const byKey = (key: string) => nodes.get(key) ?? placeholders.get(key)!;
  const printNode = (n: Node): PrintNode => ({ key: n.key, className: n.className, fileName: n.fileName, origin: n.rel, callees: [...n.calls.values()] });
  const printed = await printTree({ order: order.map(printNode), root: printNode(root), mapped, ifaces, seeded: components, classOf: byKey }, diags, options);
  const { files, packages, resources } = printed;
  const placeholdersLeft = printed.placeholders;
  const format = (code: string, kinds: readonly string[], whole = false) => formatCode(code, kinds, whole, options);
  for (const p of placeholders.values()) {
    const spec: ComponentSpec = { className: p.className, token: componentToken(p.className), origin: p.source, args: new Map(), props: new Map([...p.props].map((x) => [x, x])) };
    const message = `module source ${p.source}${p.version ? ` ${p.version}` : ""} was not converted: run terraform init so that .terraform/modules holds it, then convert again`;
    files.push({ path: `components/${p.fileName}.ts`, content: await format(placeholderComponent(spec, message), [], true) });
    packages.add("@pulumi/pulumi");
    placeholdersLeft.push({ text: `module source ${p.source}${p.version ? ` ${p.version}` : ""} (not converted: no local or downloaded copy)` });
  }
  const rootProgram = mapped.get(root.key)!;
  return {
    files: projectOrder(files),
    diagnostics: sortDiagnostics(diags),
    ok: !hasErrors(diags),
    packages: [...packages].sort(),
    components: [
      ...order.filter((n) => n !== root).map((n): ComponentInfo => ({ className: n.className, file: `components/${n.fileName}.ts`, origin: n.rel, kind: n.kind === "downloaded" ? "downloaded" : "local", calls: counts.get(n.key) ?? 0 })),
      ...[...placeholders.values()].map((p): ComponentInfo => ({ className: p.className, file: `components/${p.fileName}.ts`, origin: p.source, kind: "placeholder", calls: counts.get(p.key) ?? 0 })),
    ],
    root: rootProgram,
    rootSource: root.parsed,
    programs: new Map(order.filter((n) => n !== root).map((n) => [n.className, mapped.get(n.key)!])),
    variables: printed.typedRoot.program.decls.filter((d): d is ConfigDecl => d.kind === "config"),
    summary: { resources: Object.fromEntries(Object.entries(resources).sort(([a], [b]) => (a < b ? -1 : 1))), placeholders: placeholdersLeft },
    sources: [...new Set(sources)].sort(),
  };
}

/** The properties callers read of placeholder components (`module.labels.tags` → `tags`). */
function collectReads(program: PulumiProgram, placeholders: ReadonlyMap<string, PlaceholderModule>): void {
  const instances = new Map<string, PlaceholderModule>();
  for (const d of program.decls) if (d.kind === "resource" && d.component && placeholders.has(d.className)) instances.set(d.id, placeholders.get(d.className)!);
  if (!instances.size) return;
  const visit = (e: Expr) =>
    walkExpr(e, (x) => {
      if (x.kind !== "ref" || x.target.kind !== "decl") return;
      const p = instances.get(x.target.id);
      const first = x.path.find((a) => a.kind === "attr");
      if (p && first?.kind === "attr") p.props.add(first.name);
    });
  for (const d of program.decls) for (const e of declExprs(d)) visit(e);
}
