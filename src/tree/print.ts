/**
 * The last steps of a tree's conversion, whatever it was written in: the mapped programs
 * (callees first, the root last) typed until the set of arguments callers pass as Outputs stops
 * growing (those become `pulumi.Input<T>`), then each emitted (a component inside its class, the
 * root as `index.ts`) and formatted. The Terraform module tree (index.ts) and the CloudFormation
 * nested stack tree (templates.ts) both end here.
 */
import type { ComponentSpec } from "../emitters/typescript/component.js";
import type { Placeholder } from "../emitters/typescript/env.js";
import { formatProgram, formatStatements, type FormatOptions } from "../emitters/typescript/format.js";
import { emitProgram, spaceStatements } from "../emitters/typescript/program.js";
import type { Timings } from "../convert.js";
import type { ModuleInterface } from "../mappers/terraform/modules.js";
import { append } from "../model/append.js";
import type { Diagnostic } from "../model/diagnostics.js";
import type { PulumiProgram } from "../model/pulumi.js";
import { componentType, hasOutput, typeProgram, type Type, type TypedProgram } from "../typing/index.js";

/** A file of the project, its path relative to the project folder. */
export interface ProjectFile {
  readonly path: string;
  readonly content: string;
}

/** The component token every generated class registers under. */
export function componentToken(className: string): string {
  return `pulumigrate:components:${className}`;
}

export interface PrintNode {
  readonly key: string;
  readonly className: string;
  readonly fileName: string;
  /** Where it came from, for the class's comment: a module directory, a template file. */
  readonly origin: string;
  /** The keys of what it calls (nodes, or others the caller names with {@link PrintInput.classOf}). */
  readonly callees: readonly string[];
}

export interface PrintInput {
  /** Callees first; the root among them. */
  readonly order: readonly PrintNode[];
  readonly root: PrintNode;
  readonly mapped: ReadonlyMap<string, PulumiProgram>;
  /** Each component's interface, by key (the root has none). */
  readonly ifaces: ReadonlyMap<string, ModuleInterface>;
  /** Component types known before typing (placeholder classes), by class name. */
  readonly seeded?: ReadonlyMap<string, Type>;
  /** The components are CloudFormation templates (their classes say so), not Terraform modules. */
  readonly template?: boolean;
  /** The class and file of a callee key. */
  readonly classOf: (key: string) => { readonly className: string; readonly fileName: string };
}

export interface Printed {
  /** In `order`'s order: `index.ts` for the root, `components/<file>.ts` for the others. */
  readonly files: ProjectFile[];
  readonly packages: Set<string>;
  readonly resources: Record<string, number>;
  readonly placeholders: Placeholder[];
  /** The root as the last typing round typed it. */
  readonly typedRoot: TypedProgram;
}

export interface PrintOptions {
  readonly prettier?: false | FormatOptions;
  readonly timings?: Timings;
}

/** Adds the milliseconds since `start` to a stage of `t`, when there is one to add to. */
export function timer(t: Timings | undefined): (stage: string, start: number) => void {
  return (stage, start) => {
    if (t) t[stage] = (t[stage] ?? 0) + performance.now() - start;
  };
}

/** A project's programs in their order: `index.ts` first, then the components by path. */
export function projectOrder(files: readonly ProjectFile[]): ProjectFile[] {
  return [files.find((f) => f.path === "index.ts")!, ...files.filter((f) => f.path !== "index.ts").sort((a, b) => (a.path < b.path ? -1 : 1))];
}

/** A component's statements are inside its class (an async entry point's inside its function): formatted whole; a root program statement by statement. */
export async function formatCode(code: string, kinds: readonly string[], whole: boolean, options: PrintOptions): Promise<string> {
  const start = performance.now();
  const text = spaceStatements(options.prettier === false ? code : whole ? await formatProgram(code, options.prettier) : await formatStatements(code, options.prettier), kinds);
  timer(options.timings)("format", start);
  return text;
}

export async function printTree(input: PrintInput, diags: Diagnostic[], options: PrintOptions): Promise<Printed> {
  const { order, root, mapped, ifaces } = input;
  const time = timer(options.timings);
  const inputs = new Map<string, Set<string>>();
  const components = new Map<string, Type>(input.seeded ?? []);
  // Each program typed, and the diagnostics typing it reported, from the round that settled.
  let typed = new Map<string, TypedProgram>();
  let typingDiags = new Map<string, Diagnostic[]>();
  let settled = false;
  const typing = performance.now();
  for (let round = 0; round < 8 && !settled; round++) {
    typed = new Map();
    typingDiags = new Map();
    for (const n of order) {
      const found: Diagnostic[] = [];
      const t = typeProgram(withInputs(mapped.get(n.key)!, inputs.get(n.className), ifaces.get(n.key)), found, components, { root: n.key === root.key });
      typed.set(n.key, t);
      typingDiags.set(n.key, found);
      if (n.key !== root.key) components.set(n.className, componentType(t.types, n.className));
    }
    settled = !collectInputs(typed, components, inputs);
  }
  time("type", typing);

  const files: ProjectFile[] = [];
  const packages = new Set<string>();
  const resources: Record<string, number> = {};
  const placeholders: Placeholder[] = [];
  for (const n of order) {
    let start = performance.now();
    // The settled round typed this program with its final inputs; past the round limit it is typed once more.
    const final = settled ? typed.get(n.key)! : typeProgram(withInputs(mapped.get(n.key)!, inputs.get(n.className), ifaces.get(n.key)), diags, components, { root: n.key === root.key });
    if (settled) append(diags, typingDiags.get(n.key)!);
    time("type", start);
    start = performance.now();
    const prefix = n.key === root.key ? "./components/" : "./";
    const imports = new Map(n.callees.map((k) => [input.classOf(k).className, prefix + input.classOf(k).fileName]));
    const iface = ifaces.get(n.key);
    const spec: ComponentSpec | undefined = iface && {
      className: n.className,
      token: componentToken(n.className),
      origin: n.origin,
      args: new Map([...iface.inputs].map(([k, v]) => [k, v.prop])),
      props: iface.outputs,
      ...(input.template ? { template: true } : {}),
    };
    const emitted = emitProgram(final, diags, { imports, ...(spec ? { component: spec } : {}) });
    time("emit", start);
    emitted.packages.forEach((p) => packages.add(p));
    for (const [k, v] of Object.entries(emitted.resources)) resources[k] = (resources[k] ?? 0) + v;
    append(placeholders, emitted.placeholders);
    files.push({ path: n.key === root.key ? "index.ts" : `components/${n.fileName}.ts`, content: await formatCode(emitted.code, emitted.kinds, emitted.nested === true, options) });
  }
  return { files, packages, resources, placeholders, typedRoot: typed.get(root.key)! };
}

/** The program with the variables callers pass Outputs to (by args property) marked as inputs (`pulumi.Input<T>`). */
function withInputs(program: PulumiProgram, props: ReadonlySet<string> | undefined, iface: ModuleInterface | undefined): PulumiProgram {
  if (!props?.size || !iface) return program;
  const keys = new Set([...iface.inputs].filter(([, v]) => props.has(v.prop)).map(([k]) => k));
  return { ...program, decls: program.decls.map((d) => (d.kind === "config" && keys.has(d.key) ? { ...d, input: true } : d)) };
}

/** Records each component argument some caller passes an Output (or a value holding one); true when the set grew. */
function collectInputs(typed: ReadonlyMap<string, TypedProgram>, components: ReadonlyMap<string, Type>, inputs: Map<string, Set<string>>): boolean {
  let grew = false;
  for (const t of typed.values()) {
    for (const d of t.program.decls) {
      if (d.kind !== "resource" || !d.component || d.args.kind !== "object") continue;
      const c = components.get(d.className);
      if (c?.k !== "component" || !c.inputs) continue;
      const scope = t.types.repeatScope(d.repeat);
      for (const en of d.args.entries) {
        if (typeof en.key !== "string" || !hasOutput(t.types.type(en.value, scope))) continue;
        const set = inputs.get(d.className) ?? new Set<string>();
        if (!set.has(en.key)) {
          set.add(en.key);
          grew = true;
        }
        inputs.set(d.className, set);
      }
    }
  }
  return grew;
}
