/**
 * Prints a typed Pulumi program: imports (filled last, as the body needs them), config reads,
 * helpers, declarations in dependency order, exports, and the source's comments. The text is
 * correct TypeScript with the blank lines and comments where they belong; prettier lays it out
 * (see format.ts).
 */
import type { Diagnostic } from "../../model/diagnostics.js";
import { walkExpr, type Comments } from "../../model/expr.js";
import { camelCase, declarationNames, NameScope, pascalCase } from "../../model/names.js";
import type { ConfigDecl, Decl } from "../../model/pulumi.js";
import type { TypedProgram } from "../../typing/index.js";
import { NO_SCOPE } from "../../typing/infer.js";
import { attribute, fromVariableType, isOutputType, tsType, unwrap } from "../../typing/types.js";
import { arg } from "./code.js";
import { argRead, argsInterface, classHead, classTail, CONSTRUCTOR_NAMES, propertyAssign, type ComponentSpec } from "./component.js";
import { assertionStatement, configRead } from "./config.js";
import { commentText, propertyKey } from "./escape.js";
import type { Placeholder, PrintEnv, ProgramContext } from "./env.js";
import { ExprPrinter } from "./expr.js";
import { renameHelpers, withDependencies, type NodeModule } from "./helpers/index.js";
import { declExprs, orderDeclarations } from "./order.js";
import { invoke, resource } from "./resource.js";
import { Writer } from "./writer.js";

export interface EmitResult {
  /** The program, not yet formatted: top-level statements separated by {@link STATEMENT_BREAK} lines. */
  readonly code: string;
  /** The kind of each top-level statement, for {@link spaceStatements}. */
  readonly kinds: readonly string[];
  /** npm packages the program imports. */
  readonly packages: readonly string[];
  /** Resource declarations by class (a loop counts once; component instances by their class). */
  readonly resources: Readonly<Record<string, number>>;
  /** What was left as `notImplemented(…)` or a TODO comment. */
  readonly placeholders: readonly Placeholder[];
  /** The statements are inside a function or class (formatted as a whole, not statement by statement). */
  readonly nested?: boolean;
}

/** A comment line between top-level statements, replaced by a blank line or nothing once the program is formatted. */
export const STATEMENT_BREAK = "//@pulumigrate:statement";

/**
 * Blank lines between top-level statements: between groups of declarations of different kinds,
 * and around any statement that spans lines once formatted. Prettier keeps the blank lines it
 * finds between statements, so this runs on its output (or on the raw text).
 */
export function spaceStatements(text: string, kinds: readonly string[]): string {
  const [head, ...statements] = splitStatements(text).map(trimBlankLines);
  let out = head!;
  let previous: { kind: string; multi: boolean } | undefined;
  statements.forEach((c, i) => {
    if (c === "") return;
    const multi = c.includes("\n");
    const kind = kinds[i] ?? "";
    // The first statement of a block the head opens (an async entry point's body) follows it directly, as prettier prints it.
    const gap = previous === undefined ? (out ? (out.endsWith("{") ? "\n" : "\n\n") : "") : multi || previous.multi || previous.kind !== kind ? "\n\n" : "\n";
    out += gap + c;
    previous = { kind, multi };
  });
  return out + "\n";
}

/**
 * The text between {@link STATEMENT_BREAK} lines (a line that is the marker, white space around it
 * aside), as `text.split("\n")` cut at those lines and each part joined again would give, found
 * by searching for the marker rather than visiting every line.
 */
export function splitStatements(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(STATEMENT_BREAK); at >= 0; ) {
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    let lineEnd = text.indexOf("\n", at);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.slice(lineStart, lineEnd).trim() === STATEMENT_BREAK) {
      parts.push(text.slice(from, Math.max(from, lineStart - 1)));
      from = lineEnd + 1;
    }
    at = text.indexOf(STATEMENT_BREAK, lineEnd);
  }
  parts.push(from > text.length ? "" : text.slice(from));
  return parts;
}

/** The text without its leading and trailing blank lines (lines of white space only). */
export function trimBlankLines(text: string): string {
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0 && text.slice(start, nl).trim() === ""; nl = text.indexOf("\n", start)) start = nl + 1;
  let end = text.length;
  for (let nl = text.lastIndexOf("\n"); nl >= start && text.slice(nl + 1, end).trim() === ""; nl = nl > 0 ? text.lastIndexOf("\n", nl - 1) : -1) end = nl;
  const body = text.slice(start, end);
  return body.trim() === "" && !body.includes("\n") ? "" : body;
}

/** Packages the program's namespaces come from: each namespace, its package, its import line, and how a use of it reads (`aws.` not after a name or a dot). */
const NAMESPACES: readonly (readonly [string, string, string, RegExp])[] = (
  [
    ["pulumi", "@pulumi/pulumi", 'import * as pulumi from "@pulumi/pulumi";'],
    ["aws", "@pulumi/aws", 'import * as aws from "@pulumi/aws";'],
    ["aws_native", "@pulumi/aws-native", 'import * as aws_native from "@pulumi/aws-native";'],
    ["random", "@pulumi/random", 'import * as random from "@pulumi/random";'],
    ["command", "@pulumi/command", 'import * as command from "@pulumi/command";'],
    ["tls", "@pulumi/tls", 'import * as tls from "@pulumi/tls";'],
  ] as const
).map(([ns, pkg, line]) => [ns, pkg, line, new RegExp(`(?<![\\w$.])${ns}\\.`)] as const);

export interface EmitOptions {
  /** Component classes the program instantiates: class name → the module path to import it from (`./components/apiGateway`). */
  readonly imports?: ReadonlyMap<string, string>;
  /** Print the program as this component class (a module called by another). */
  readonly component?: ComponentSpec;
}

export function emitProgram(typed: TypedProgram, diags: Diagnostic[], options: EmitOptions = {}): EmitResult {
  const { program, types } = typed;
  const component = options.component;
  // Modules that read each other's outputs: a component's property read before the component
  // exists is a deferred Output, resolved once the component is created.
  const deferredReads = new Map<string, string[]>();
  const ordered = orderDeclarations(program.decls, diags, (from, dep) => canDefer(from, dep, types), deferredReads);
  const scope = new NameScope();
  // Imported classes and the constructor's own parameters are taken before any declaration is named.
  for (const c of options.imports?.keys() ?? []) scope.reserve(c);
  if (component) for (const n of [...CONSTRUCTOR_NAMES, component.className, `${component.className}Args`]) scope.reserve(n);
  const named = ordered.filter((d) => d.kind !== "comment");
  const names = declarationNames(
    named.map((d) => ({
      id: d.id,
      sourceName: d.sourceName,
      // On a clash the class (or invoke) name tells the declarations apart: `currentRegion`.
      ...(d.kind === "resource" ? { className: d.className } : d.kind === "invoke" ? { className: d.fn.replace(/\.get(\w+?)(Output)?$/, ".$1") } : {}),
      // A root program's exports are its stack outputs: their names come first (a component's are properties).
      ...(d.kind === "export" && !component ? { exported: true } : {}),
    })),
    scope,
  );
  const modules = new Set<NodeModule>();
  const helperNames = new Map<string, string>();
  const dependencies = new Set<string>();
  const context: ProgramContext = {
    use: (m) => modules.add(m),
    dependency: (pkg) => dependencies.add(pkg),
    helper: (h) => {
      let n = helperNames.get(h);
      if (n === undefined) {
        // A declaration may already be called `format` or `cidr`: the helper gives way.
        n = scope.has(h) ? scope.claim(`${h}Helper`) : (scope.reserve(h), h);
        helperNames.set(h, n);
      }
      return n;
    },
  };
  const declared = new Set<string>();
  const placeholders: Placeholder[] = [];
  const deferred = new Map<string, string>();
  const resolvers = new Map<string, { prop: string; resolve: string }[]>();
  // `loc` is set for each declaration (below); present from the start, so that the copy with it is a plain copy (adding a property to a copy costs ~30 times as much).
  const env: PrintEnv = { types, names, declared, scope, locals: new Map(), scopeTypes: NO_SCOPE, program: context, diags, deferred, placeholders, loc: undefined, ...(component ? { component: { nameVar: "name" } } : {}) };
  const properties: string[] = [];

  const body = new Writer();
  const kinds: string[] = [];
  const configs = ordered.filter((d): d is ConfigDecl => d.kind === "config");
  // A data source a loop counts is awaited (typing/await.ts): the program is then an async entry
  // point, `export = async () => { …; return { outputs }; }`, its exports what it returns.
  const entry = !component && program.decls.some((d) => d.kind === "invoke" && d.awaited === true);
  const returned: string[] = [];
  let configName = "";
  if (configs.length && !component) configName = scope.has("config") ? scope.claim("config") : (scope.reserve("config"), "config");
  for (const d of ordered) {
    for (const dep of deferredReads.get(d.id) ?? []) {
      for (const prop of readsOf(d, dep)) {
        const key = `${dep}.${prop}`;
        if (deferred.has(key)) continue;
        const name = scope.claim(`${names.get(dep) ?? "module"}${pascalCase(prop)}`);
        const resolve = scope.claim(`resolve${pascalCase(name)}`);
        deferred.set(key, name);
        resolvers.set(dep, [...(resolvers.get(dep) ?? []), { prop, resolve }]);
        body.line(STATEMENT_BREAK);
        kinds.push("deferred");
        body.line(`const [${name}, ${resolve}] = pulumi.deferredOutput<${tsType(unwrap(attribute(types.decl(dep), prop)))}>();`);
      }
    }
    // A config read's own checks (validation blocks) read the value it has just declared.
    if (d.kind === "config") declared.add(d.id);
    // What is said about an output's value points at the value (`value = …`), not the block.
    const at = (d.kind === "export" && d.valueLoc) || d.loc;
    const p = new ExprPrinter(at ? { ...env, loc: at } : env);
    let text: string;
    if (component && d.kind === "config") text = argRead(d, names.get(d.id) ?? "", component, p, trailing(d.comments));
    else if (component && d.kind === "export") {
      const assigned = propertyAssign(d, types.decl(d.id), component, p, trailing(d.comments));
      properties.push(assigned.declaration);
      text = assigned.text;
    } else if (entry && d.kind === "export") {
      // Named as the stack output it is (`azs`), even where the program had to name the value otherwise.
      const local = names.get(d.id) ?? "";
      const output = camelCase(d.sourceName);
      returned.push(output === local ? local : `${propertyKey(output)}: ${local}`);
      text = `const ${names.get(d.id) ?? ""} = ${arg(p.print(d.value))};${trailing(d.comments)}`;
    } else text = declaration(d, names.get(d.id) ?? "", p, configName);
    body.line(STATEMENT_BREAK);
    kinds.push(d.kind);
    comments(body, d.comments?.leading);
    body.lines(text);
    declared.add(d.id);
    const toResolve = resolvers.get(d.id);
    if (toResolve) {
      body.line(STATEMENT_BREAK);
      kinds.push("deferred");
      for (const r of toResolve) body.line(`${r.resolve}(${names.get(d.id)}.${r.prop});`);
    }
  }
  if (program.trailingComments.length) {
    body.line(STATEMENT_BREAK);
    kinds.push("trailing");
    comments(body, program.trailingComments);
  }
  if (component) {
    body.line(STATEMENT_BREAK);
    kinds.push("end");
    body.lines(classTail(component));
  }
  if (entry) {
    body.line(STATEMENT_BREAK);
    kinds.push("end");
    body.lines(`return {${returned.length ? ` ${returned.join(", ")} ` : ""}};\n};`);
  }

  // The helpers, and what they need in turn.
  const helpers = withDependencies(helperNames.keys());
  for (const h of helpers) {
    context.helper(h.name);
    h.modules.forEach((m) => modules.add(m));
  }
  const renames = new Map([...helperNames].filter(([h, n]) => h !== n));
  const helperText = helpers.map((h) => renameHelpers(h.text, renames));

  const bodyText = body.text();
  const text = bodyText + helperText.join("\n");
  const w = new Writer();
  const packages: string[] = [];
  for (const [ns, pkg, line, used] of NAMESPACES) {
    if (used.test(text) || (ns === "pulumi" && (configs.length > 0 || component))) {
      w.line(line);
      packages.push(pkg);
    }
  }
  if (dependencies.has("js-yaml")) {
    w.line('import * as yaml from "js-yaml";');
    packages.push("js-yaml");
  }
  for (const m of [...modules].sort()) w.line(`import * as ${m} from "${m}";`);
  const used = new Set(program.decls.flatMap((d) => (d.kind === "resource" && d.component ? [d.className] : [])));
  for (const [c, from] of [...(options.imports ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (used.has(c)) w.line(`import { ${c} } from ${JSON.stringify(from)};`);
  }
  if (configs.length && !component) {
    w.blank();
    w.line(`const ${configName} = new pulumi.Config();`);
  }
  for (const h of helperText) {
    w.blank();
    w.lines(h);
  }
  if (entry) {
    w.blank();
    w.line("// The data sources the loops count are read first: the program is an async entry point, and its outputs are what it returns.");
    w.line("export = async () => {");
  }
  if (component) {
    w.blank();
    w.lines(argsInterface(component, program.decls.filter((d): d is ConfigDecl => d.kind === "config")));
    w.blank();
    w.lines(classHead(component, properties, !configs.some((d) => (d.default === undefined && !d.optional) || d.tsType !== undefined)));
  }
  if (w.isEmpty() && body.isEmpty()) w.line("// pulumigrate: nothing was converted (see the diagnostics)");
  if (modules.size || helpers.length) packages.push("@types/node");
  const resources: Record<string, number> = {};
  for (const d of program.decls) {
    if (d.kind === "resource") resources[d.className] = (resources[d.className] ?? 0) + 1;
    if (d.kind === "comment" && d.lines[0]?.startsWith("TODO(pulumigrate)")) placeholders.push({ text: d.lines.join(" "), ...(d.loc ? { location: d.loc } : {}) });
  }
  return { code: w.textWith(bodyText), kinds, packages, resources: sortKeys(resources), placeholders, ...(component || entry ? { nested: true } : {}) };
}

function sortKeys<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Whether `from` reads of the component `dep` only Output properties, which deferred Outputs can stand for. */
function canDefer(from: Decl, dep: Decl, types: TypedProgram["types"]): boolean {
  if (dep.kind !== "resource" || !dep.component || dep.repeat) return false;
  const t = types.decl(dep.id);
  let reads = 0;
  let ok = true;
  for (const e of declExprs(from)) {
    walkExpr(e, (x) => {
      if (x.kind !== "ref" || x.target.kind !== "decl" || x.target.id !== dep.id) return;
      reads++;
      const a = x.path[0];
      if (a?.kind !== "attr" || !isOutputType(attribute(t, a.name))) ok = false;
    });
  }
  return ok && reads > 0;
}

/** The properties of `dep` that `from` reads. */
function readsOf(from: Decl, dep: string): string[] {
  const out = new Set<string>();
  for (const e of declExprs(from)) {
    walkExpr(e, (x) => {
      if (x.kind === "ref" && x.target.kind === "decl" && x.target.id === dep && x.path[0]?.kind === "attr") out.add(x.path[0].name);
    });
  }
  return [...out];
}

function comments(w: Writer, lines: readonly string[] | undefined): void {
  for (const c of lines ?? []) w.line(c === "" ? "//" : `// ${commentText(c)}`);
}

export function trailing(c: Comments | undefined): string {
  return c?.trailing !== undefined ? ` // ${commentText(c.trailing)}` : "";
}

function declaration(d: Decl, name: string, p: ExprPrinter, configName: string): string {
  const t = trailing(d.comments);
  switch (d.kind) {
    case "comment":
      return d.lines.map((l) => (l === "" ? "//" : `// ${commentText(l)}`)).join("\n");
    case "assertion":
      return assertionStatement(d, p);
    case "config":
      return configRead(d, name, p, configName, t);
    case "const": {
      const annotation = d.type ? `: ${tsTypeOf(d)}` : "";
      return `const ${name}${annotation} = ${arg(p.print(d.value))};${t}`;
    }
    case "export":
      return `export const ${name} = ${arg(p.print(d.value))};${t}`;
    case "invoke":
      return invoke(d, name, p, t);
    case "resource":
      return resource(d, name, p, t);
  }
}

function tsTypeOf(d: Extract<Decl, { kind: "const" }>): string {
  return d.type ? tsType(fromVariableType(d.type)) : "";
}
