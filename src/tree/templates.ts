/**
 * A CloudFormation template and the templates its nested stacks name by a local path
 * (`AWS::CloudFormation::Stack` with `TemplateURL: ./network.yaml`, which `aws cloudformation
 * package` uploads before deploying) as one Pulumi project: the template is `index.ts`, each
 * nested template (to any depth, one named by many stacks once) a component class in
 * `components/`, whose args are its Parameters and whose properties are its Outputs, as a
 * Terraform module becomes one (index.ts). A template that names none converts as `convert()`
 * converts it. A nested template that cannot be read, or that names its caller back, stays an
 * `aws_native.cloudformation.Stack` (with a warning, or a located error for a cycle).
 */
import path from "node:path";
import { convert, type Summary, type Timings } from "../convert.js";
import type { FormatOptions } from "../emitters/typescript/format.js";
import { referencedPaths, relocateReads, type FileRead } from "../emitters/typescript/reads.js";
import { mapCloudFormation } from "../mappers/cloudformation/index.js";
import { isLocalTemplateUrl, type NestedStackInterface } from "../mappers/cloudformation/nested.js";
import { moduleInterface } from "../mappers/terraform/modules.js";
import { append } from "../model/append.js";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import { componentNames } from "../model/names.js";
import type { SourceProgram } from "../model/program.js";
import type { PulumiProgram } from "../model/pulumi.js";
import { parseCloudFormation, readBeside } from "../parsers/cloudformation/index.js";
import type { ComponentInfo } from "./index.js";
import { printTree, projectOrder, timer, type PrintNode, type ProjectFile } from "./print.js";

export interface TemplateTreeOptions {
  readonly prettier?: false | FormatOptions;
  readonly timings?: Timings;
  /** Reads a file by its path relative to the template's folder (nested templates, AWS::Include snippets); default the disk. */
  readonly read?: (path: string) => string | undefined;
}

export interface TemplateTreeResult {
  /** `index.ts` and `components/*.ts`. */
  readonly files: readonly ProjectFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
  readonly packages: readonly string[];
  readonly components: readonly ComponentInfo[];
  readonly summary: Summary;
  /** The files the programs read when they run, by the paths written. */
  readonly reads: readonly FileRead[];
  /** The templates converted (the template's path, then each nested one's, joined to its folder). */
  readonly sources: readonly string[];
}

/** A node while the tree is discovered: its stacks filled in, then its names. */
interface Node extends TemplateNode {
  readonly stacks: Map<string, string>;
  className: string;
  fileName: string;
}

/** How the component types each of a template's parameters (a number, a list, else text). */
function parameterKinds(program: PulumiProgram): Map<string, "string" | "number" | "list"> {
  const out = new Map<string, "string" | "number" | "list">();
  for (const d of program.decls) if (d.kind === "config") out.set(d.key, d.type.kind === "number" ? "number" : d.type.kind === "object" && d.type.type.kind === "list" ? "list" : "string");
  return out;
}

/** Whether a template's text can name a nested stack: an `AWS::CloudFormation::Stack`, or a SAM application (which the transform makes one). */
export function namesNestedStacks(text: string): boolean {
  return text.includes("AWS::CloudFormation::Stack") || text.includes("AWS::Serverless::Application");
}

/** The nested stacks a template names by a local path: logical id, the path written, and where. */
function localStacks(program: SourceProgram): { name: string; url: string; loc: Diagnostic["location"] }[] {
  const out: { name: string; url: string; loc: Diagnostic["location"] }[] = [];
  for (const it of program.items) {
    if (it.kind !== "resource" || it.type !== "AWS::CloudFormation::Stack") continue;
    const url = it.body.find((b) => b.kind === "attribute" && b.name === "TemplateURL");
    if (url?.kind === "attribute" && url.value.kind === "literal" && typeof url.value.value === "string" && isLocalTemplateUrl(url.value.value)) out.push({ name: it.name, url: url.value.value, loc: url.loc });
  }
  return out;
}

/** A template tree mapped: every template's program (nested ones first), their interfaces, and what each nests. */
export interface MappedTemplateTree {
  /** Nested templates first; the template itself last. */
  readonly order: readonly TemplateNode[];
  readonly root: TemplateNode;
  readonly mapped: ReadonlyMap<string, PulumiProgram>;
  readonly ifaces: ReadonlyMap<string, NestedStackInterface>;
  /** How many stacks nest each template. */
  readonly counts: ReadonlyMap<string, number>;
  readonly sources: readonly string[];
  /** Whether any nested stack names a local template (else the tree is the template alone, as convert() converts it). */
  readonly anyLocal: boolean;
}

export interface TemplateNode {
  readonly key: string;
  /** Relative to the template's folder (`network/vpc.yaml`). */
  readonly rel: string;
  readonly parsed: SourceProgram;
  /** Logical id of a nested stack → the key of the node its template became. */
  readonly stacks: ReadonlyMap<string, string>;
  readonly className: string;
  readonly fileName: string;
}

/** Parses the template and the local templates its nested stacks name (depth first, a cycle a located error), and maps them, nested ones first. */
export function mapTemplateTree(file: string, text: string, read: (path: string) => string | undefined, diags: Diagnostic[], timings?: Timings): MappedTemplateTree {
  const time = timer(timings);
  const nodes = new Map<string, Node>();
  const order: Node[] = [];
  const counts = new Map<string, number>();
  const sources: string[] = [];
  const base = path.dirname(file);
  let anyLocal = false;
  // Each template is known by its path relative to the template's folder (the template itself by its file name).
  const discover = (rel: string, source: string, stack: readonly string[]): Node => {
    const start = performance.now();
    const key = path.posix.normalize(rel.split(path.sep).join("/"));
    const at = stack.length === 0 ? file : path.join(base, key);
    sources.push(at);
    const dir = path.posix.dirname(key) === "." ? "" : path.posix.dirname(key);
    const parsed = parseCloudFormation({ path: at, text: source }, { read: (p) => read(path.posix.join(dir, p)) });
    append(diags, parsed.diagnostics);
    time("parse", start);
    const node: Node = { key, rel: key, parsed: parsed.program, stacks: new Map(), className: "", fileName: "" };
    nodes.set(key, node);
    const local = localStacks(parsed.program);
    if (local.length) anyLocal = true;
    for (const s of local) {
      const target = path.posix.normalize(path.posix.join(dir, s.url.replace(/\\/g, "/")));
      if (target === key || stack.includes(target)) {
        diags.push(diagnostic("PG2009", "error", `${s.name}: the nested template ${s.url} names a template that names it back (${[...stack, key, target].join(" → ")}): a cycle cannot be converted`, s.loc));
        continue;
      }
      let callee = nodes.get(target);
      if (!callee) {
        const childText = read(target);
        if (childText === undefined) {
          diags.push(diagnostic("PG2010", "warning", `${s.name}: TemplateURL ${s.url} cannot be read beside the template, so the nested stack stays an aws_native.cloudformation.Stack, which needs the URL \`aws cloudformation package\` uploads it to`, s.loc));
          continue;
        }
        callee = discover(target, childText, [...stack, key]);
      }
      node.stacks.set(s.name, callee.key);
      counts.set(callee.key, (counts.get(callee.key) ?? 0) + 1);
    }
    order.push(node);
    return node;
  };

  const root = discover(path.basename(file), text, []);
  const named = componentNames(order.filter((n) => n !== root).map((n) => ({ key: n.key, baseName: path.posix.basename(n.key).replace(/\.[^.]+$/, "") })));
  for (const n of order) {
    const name = named.get(n.key);
    if (name) Object.assign(n, name);
  }
  // Map, nested templates first: a caller needs its callees' parameters and outputs.
  const ifaces = new Map<string, NestedStackInterface>();
  const mapped = new Map<string, PulumiProgram>();
  for (const n of order) {
    const start = performance.now();
    const stacks = new Map([...n.stacks].map(([id, key]) => [id, ifaces.get(key)!]));
    // A nested template's paths are relative to its own folder; the project runs from the template's.
    const program = relocateReads(mapCloudFormation(n.parsed, diags, { stacks }), path.posix.dirname(n.key) === "." ? "" : path.posix.dirname(n.key));
    time("map", start);
    mapped.set(n.key, program);
    if (n !== root) ifaces.set(n.key, { ...moduleInterface(program, n.className), params: parameterKinds(program) });
  }
  return { order, root, mapped, ifaces, counts, sources, anyLocal };
}

export async function convertTemplateTree(file: string, text: string, options: TemplateTreeOptions = {}): Promise<TemplateTreeResult> {
  // Most templates name no nested stack: they convert as one program.
  if (!namesNestedStacks(text)) return single(file, text, options);
  const diags: Diagnostic[] = [];
  const tree = mapTemplateTree(file, text, options.read ?? readBeside(file), diags, options.timings);
  // Its nested stacks are on S3 (or the web): the template is one program, as convert() makes it.
  if (!tree.anyLocal) return single(file, text, options);
  const { order, root, mapped, ifaces, counts, sources } = tree;
  const nodes = new Map(order.map((n) => [n.key, n]));
  const byKey = (key: string) => nodes.get(key)!;
  const printNode = (n: TemplateNode): PrintNode => ({ key: n.key, className: n.className, fileName: n.fileName, origin: n.rel, callees: [...new Set(n.stacks.values())] });
  const printed = await printTree({ order: order.map(printNode), root: printNode(root), mapped, ifaces, classOf: byKey, template: true }, diags, options);
  const files = printed.files;
  return {
    files: projectOrder(files),
    diagnostics: sortDiagnostics(diags),
    ok: !hasErrors(diags),
    packages: [...printed.packages].sort(),
    components: order.filter((n) => n !== root).map((n): ComponentInfo => ({ className: n.className, file: `components/${n.fileName}.ts`, origin: n.rel, kind: "local", calls: counts.get(n.key) ?? 0 })),
    summary: { resources: Object.fromEntries(Object.entries(printed.resources).sort(([a], [b]) => (a < b ? -1 : 1))), placeholders: printed.placeholders },
    reads: referencedPaths([...mapped.values()]),
    sources,
  };
}

/** The template as one program (no nested template converted with it). */
async function single(file: string, text: string, options: TemplateTreeOptions): Promise<TemplateTreeResult> {
  const r = await convert([{ path: file, text }], { format: "cloudformation", ...(options.prettier !== undefined ? { prettier: options.prettier } : {}), ...(options.timings ? { timings: options.timings } : {}), ...(options.read ? { read: options.read } : {}) });
  return { files: [{ path: "index.ts", content: r.code }], diagnostics: r.diagnostics, ok: r.ok, packages: r.packages, components: [], summary: r.summary, reads: r.reads, sources: [file] };
}
