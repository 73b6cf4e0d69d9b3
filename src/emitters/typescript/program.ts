/**
 * Prints a typed Pulumi program: imports (filled last, as the body needs them), config reads,
 * helpers, declarations in dependency order, exports, and the source's comments. The text is
 * correct TypeScript with the blank lines and comments where they belong; prettier lays it out
 * (see format.ts).
 */
import type { Diagnostic } from "../../model/diagnostics.js";
import type { Comments } from "../../model/expr.js";
import { declarationNames, NameScope } from "../../model/names.js";
import type { ConfigDecl, Decl } from "../../model/pulumi.js";
import type { TypedProgram } from "../../typing/index.js";
import { NO_SCOPE } from "../../typing/infer.js";
import { fromVariableType, tsType } from "../../typing/types.js";
import { arg } from "./code.js";
import { configRead } from "./config.js";
import { commentText } from "./escape.js";
import { ExprPrinter, type PrintEnv, type ProgramContext } from "./expr.js";
import { renameHelpers, withDependencies, type NodeModule } from "./helpers/index.js";
import { orderDeclarations } from "./order.js";
import { invoke, resource } from "./resource.js";
import { Writer } from "./writer.js";

export interface EmitResult {
  /** The program, not yet formatted: top-level statements separated by {@link STATEMENT_BREAK} lines. */
  readonly code: string;
  /** The kind of each top-level statement, for {@link spaceStatements}. */
  readonly kinds: readonly string[];
  /** npm packages the program imports. */
  readonly packages: readonly string[];
}

/** A comment line between top-level statements, replaced by a blank line or nothing once the program is formatted. */
export const STATEMENT_BREAK = "//@pulumigrate:statement";

/**
 * Blank lines between top-level statements: between groups of declarations of different kinds,
 * and around any statement that spans lines once formatted. Prettier keeps the blank lines it
 * finds between statements, so this runs on its output (or on the raw text).
 */
export function spaceStatements(text: string, kinds: readonly string[]): string {
  const chunks: string[][] = [[]];
  for (const line of text.split("\n")) {
    if (line.trim() === STATEMENT_BREAK) chunks.push([]);
    else chunks[chunks.length - 1]!.push(line);
  }
  const trim = (c: string[]) => {
    while (c.length && c[0]!.trim() === "") c.shift();
    while (c.length && c[c.length - 1]!.trim() === "") c.pop();
    return c;
  };
  const [head, ...statements] = chunks.map(trim);
  let out = head!.join("\n");
  let previous: { kind: string; multi: boolean } | undefined;
  statements.forEach((c, i) => {
    if (c.length === 0) return;
    const multi = c.length > 1;
    const kind = kinds[i] ?? "";
    const gap = previous === undefined ? (out ? "\n\n" : "") : multi || previous.multi || previous.kind !== kind ? "\n\n" : "\n";
    out += gap + c.join("\n");
    previous = { kind, multi };
  });
  return out + "\n";
}

/** Packages the program's namespaces come from. */
const NAMESPACES: readonly (readonly [string, string, string])[] = [
  ["pulumi", "@pulumi/pulumi", 'import * as pulumi from "@pulumi/pulumi";'],
  ["aws", "@pulumi/aws", 'import * as aws from "@pulumi/aws";'],
  ["aws_native", "@pulumi/aws-native", 'import * as aws_native from "@pulumi/aws-native";'],
  ["random", "@pulumi/random", 'import * as random from "@pulumi/random";'],
];

export function emitProgram(typed: TypedProgram, diags: Diagnostic[]): EmitResult {
  const { program, types } = typed;
  const ordered = orderDeclarations(program.decls, diags);
  const scope = new NameScope();
  const named = ordered.filter((d) => d.kind !== "comment");
  const names = declarationNames(
    named.map((d) => ({
      id: d.id,
      sourceName: d.sourceName,
      // On a clash the class (or invoke) name tells the declarations apart: `currentRegion`.
      ...(d.kind === "resource" ? { className: d.className } : d.kind === "invoke" ? { className: d.fn.replace(/\.get(\w+?)(Output)?$/, ".$1") } : {}),
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
  const env: PrintEnv = { types, names, declared, scope, locals: new Map(), scopeTypes: NO_SCOPE, program: context, diags };

  const body = new Writer();
  const kinds: string[] = [];
  const configs = ordered.filter((d): d is ConfigDecl => d.kind === "config");
  let configName = "";
  if (configs.length) configName = scope.has("config") ? scope.claim("config") : (scope.reserve("config"), "config");
  for (const d of ordered) {
    const p = new ExprPrinter(d.loc ? { ...env, loc: d.loc } : env);
    const text = declaration(d, names.get(d.id) ?? "", p, configName);
    body.line(STATEMENT_BREAK);
    kinds.push(d.kind);
    comments(body, d.comments?.leading);
    body.lines(text);
    declared.add(d.id);
  }
  if (program.trailingComments.length) {
    body.line(STATEMENT_BREAK);
    kinds.push("trailing");
    comments(body, program.trailingComments);
  }

  // The helpers, and what they need in turn.
  const helpers = withDependencies(helperNames.keys());
  for (const h of helpers) {
    context.helper(h.name);
    h.modules.forEach((m) => modules.add(m));
  }
  const renames = new Map([...helperNames].filter(([h, n]) => h !== n));
  const helperText = helpers.map((h) => renameHelpers(h.text, renames));

  const text = body.text() + helperText.join("\n");
  const w = new Writer();
  const packages: string[] = [];
  for (const [ns, pkg, line] of NAMESPACES) {
    if (new RegExp(`(?<![\\w$.])${ns}\\.`).test(text) || (ns === "pulumi" && configs.length > 0)) {
      w.line(line);
      packages.push(pkg);
    }
  }
  if (dependencies.has("js-yaml")) {
    w.line('import * as yaml from "js-yaml";');
    packages.push("js-yaml");
  }
  for (const m of [...modules].sort()) w.line(`import * as ${m} from "${m}";`);
  if (configs.length) {
    w.blank();
    w.line(`const ${configName} = new pulumi.Config();`);
  }
  for (const h of helperText) {
    w.blank();
    w.lines(h);
  }
  if (w.isEmpty() && body.isEmpty()) w.line("// pulumigrate: nothing was converted (see the diagnostics)");
  w.append(body);
  if (modules.size || helpers.length) packages.push("@types/node");
  return { code: w.text(), kinds, packages };
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
