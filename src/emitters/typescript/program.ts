/**
 * Prints a Pulumi program: imports (filled last, as the body needs them), config reads,
 * declarations in dependency order, exports, helpers, and the source's comments.
 */
import type { Diagnostic } from "../../model/diagnostics.js";
import type { Comments, Expr } from "../../model/expr.js";
import type { ConfigDecl, Decl, PulumiProgram, ResourceDecl, ResourceOptions } from "../../model/pulumi.js";
import { configRead } from "./config.js";
import { statement, trailing } from "./layout.js";
import { commentText, stringLiteral, templateText } from "./escape.js";
import { containsOutput, ExprPrinter, HELPERS, isOutput, WIDTH, type DeclInfo, type PrintEnv } from "./expr.js";
import { declarationNames, NameScope } from "./naming.js";
import { orderDeclarations } from "./order.js";
import { Writer } from "./writer.js";

export interface EmitResult {
  readonly code: string;
  /** npm packages the program imports. */
  readonly packages: readonly string[];
}

export function emitProgram(program: PulumiProgram, diags: Diagnostic[]): EmitResult {
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
  const modules = new Set<"fs" | "crypto" | "path">();
  const helpers = new Set<keyof typeof HELPERS>();
  const helperNames = new Map<keyof typeof HELPERS, string>();
  const infos = new Map<string, DeclInfo>();
  const declared = new Set<string>();
  const env: PrintEnv = {
    declared,
    decls: infos,
    locals: new Map(),
    scope,
    diags,
    use: (m) => modules.add(m),
    helper: (h) => {
      let n = helperNames.get(h);
      if (n === undefined) {
        // A declaration may already be called `cidr` or `title`: the helper gives way.
        n = scope.has(h) ? scope.claim(`${h}Helper`) : (scope.reserve(h), h);
        helperNames.set(h, n);
      }
      helpers.add(h);
      return n;
    },
  };
  // Output-ness of constants depends on what they refer to: settle it in declaration order.
  for (const d of ordered) {
    if (d.kind === "comment") continue;
    const name = names.get(d.id)!;
    const repeat = d.kind === "resource" ? d.repeat?.kind : undefined;
    const info: DeclInfo = {
      name,
      outputs: d.kind === "resource" || d.kind === "invoke",
      isOutput:
        (d.kind === "config" && d.secret) ||
        (d.kind === "const" && isOutput(d.value, env)),
      ...(repeat ? { repeat } : {}),
      array: repeat === "count" || (d.kind === "config" && d.type.kind === "object" && d.type.tsType.endsWith("[]")) || (d.kind === "const" && d.value.kind === "list"),
    };
    infos.set(d.id, info);
  }

  const w = new Writer();
  const body = new Writer();
  const configs = ordered.filter((d): d is ConfigDecl => d.kind === "config");
  let configName = "";
  if (configs.length) configName = scope.has("config") ? scope.claim("config") : (scope.reserve("config"), "config");
  let previousKind: string | undefined;
  let first = true;
  for (const d of ordered) {
    const local: PrintEnv = d.loc ? { ...env, loc: d.loc } : env;
    const p = new ExprPrinter(local);
    // A blank line between groups of declarations, and around anything multi-line.
    const text = declaration(d, names.get(d.id) ?? "", p, configName, local);
    const multi = text.includes("\n") || !!d.comments?.leading?.length;
    const kind: string = d.kind;
    if (!first && (multi || previousKind === "multi" || previousKind !== kind)) body.blank();
    comments(body, d.comments?.leading);
    body.lines(text);
    previousKind = multi ? "multi" : d.kind;
    declared.add(d.id);
    first = false;
  }
  if (program.trailingComments.length) {
    body.blank();
    comments(body, program.trailingComments);
  }

  const usesPulumi = /\bpulumi\./.test(body.text()) || configs.length > 0;
  if (usesPulumi) w.line('import * as pulumi from "@pulumi/pulumi";');
  const usesAws = /\baws\./.test(body.text());
  if (usesAws) w.line('import * as aws from "@pulumi/aws";');
  const usesNative = /\baws_native\./.test(body.text());
  if (usesNative) w.line('import * as aws_native from "@pulumi/aws-native";');
  for (const m of [...modules].sort()) w.line(`import * as ${m} from "${m}";`);
  if (configs.length) {
    w.blank();
    w.line(`const ${configName} = new pulumi.Config();`);
  }
  if (helpers.size) {
    for (const h of Object.keys(HELPERS) as (keyof typeof HELPERS)[]) {
      if (!helpers.has(h)) continue;
      w.blank();
      const n = helperNames.get(h)!;
      for (const l of HELPERS[h]) w.line(n === h ? l : l.replace(`function ${h}(`, `function ${n}(`));
    }
  }
  if (!body.isEmpty()) {
    if (!w.isEmpty()) w.blank();
    w.append(body);
  }
  if (w.isEmpty()) w.line("// pulumigrate: nothing was converted (see the diagnostics)");
  const packages = [...(usesPulumi ? ["@pulumi/pulumi"] : []), ...(usesAws ? ["@pulumi/aws"] : []), ...(usesNative ? ["@pulumi/aws-native"] : [])];
  if (modules.size) packages.push("@types/node");
  return { code: w.text(), packages };
}

function comments(w: Writer, lines: readonly string[] | undefined): void {
  for (const c of lines ?? []) w.line(c === "" ? "//" : `// ${commentText(c)}`);
}

function declaration(d: Decl, name: string, p: ExprPrinter, configName: string, env: PrintEnv): string {
  switch (d.kind) {
    case "comment":
      return d.lines.map((l) => (l === "" ? "//" : `// ${commentText(l)}`)).join("\n");
    case "config":
      return configRead(d, name, p, configName);
    case "const":
    {
      const head = `const ${name}${d.tsType ? `: ${d.tsType}` : ""} = `;
      return statement(head, p.print(d.value, "", head.length), trailing(d.comments));
    }
    case "export":
      return statement(`export const ${name} = `, p.print(d.value, "", 16 + name.length), trailing(d.comments));
    case "invoke": {
      const opts = optionsCode(d.options, p, "");
      const args = p.print(d.args, "", 0);
      return `const ${name} = ${d.fn}(${args}${opts ? `, ${opts}` : ""});${trailing(d.comments)}`;
    }
    case "resource":
      return resource(d, name, p, env);
  }
}

/**
 * `{ dependsOn: [a], retainOnDelete: true }`, laid out as prettier lays it out: on one line when
 * it fits at `col`, else one option a line, and a list that still does not fit one item a line.
 */
function optionsCode(o: ResourceOptions, p: ExprPrinter, indent: string, col = 0): string {
  const parts: { key: string; items?: string[]; value?: string }[] = [];
  if (o.dependsOn?.length) parts.push({ key: "dependsOn", items: o.dependsOn.map((x) => p.print(dependsTarget(x), indent, 0)) });
  if (o.provider) parts.push({ key: "provider", value: p.print(o.provider, indent, 0) });
  if (o.protect) parts.push({ key: "protect", value: "true" });
  if (o.ignoreChanges?.length) parts.push({ key: "ignoreChanges", items: o.ignoreChanges.map((s) => stringLiteral(s)) });
  if (o.retainOnDelete) parts.push({ key: "retainOnDelete", value: "true" });
  if (o.deleteBeforeReplace) parts.push({ key: "deleteBeforeReplace", value: "true" });
  if (!parts.length) return "";
  const text = (x: (typeof parts)[number]) => `${x.key}: ${x.items ? `[${x.items.join(", ")}]` : x.value}`;
  const flat = `{ ${parts.map(text).join(", ")} }`;
  if (col + flat.length + 1 <= WIDTH) return flat;
  const inner = indent + "  ";
  const lines = parts.map((x) => {
    const line = `${inner}${text(x)},`;
    if (line.length <= WIDTH || !x.items) return line;
    return `${inner}${x.key}: [\n${x.items.map((i) => `${inner}  ${i},`).join("\n")}\n${inner}],`;
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** `depends_on = [aws_x.y]` names the resource itself (`x[0]` / `x!` of a counted or conditional one). */
function dependsTarget(e: Expr): Expr {
  return e.kind === "ref" ? { ...e, path: e.path[0]?.kind === "index" ? [e.path[0]] : [] } : e;
}

function resource(d: ResourceDecl, name: string, p: ExprPrinter, env: PrintEnv): string {
  const notes = (d.notes ?? []).map((n) => `// NOTE(pulumigrate): ${commentText(n)}`);
  const rep = d.repeat;
  const t = trailing(d.comments);
  if (!rep) {
    return [...notes, `const ${name} = ${construct(d, p, "", stringLiteral(d.resourceName), 9 + name.length)};${t}`].join("\n");
  }
  if (rep.kind === "conditional") {
    const cond = p.print(rep.condition, "", 0);
    const ctor = construct(d, p, "    ", stringLiteral(d.resourceName), 4);
    return [...notes, `const ${name} = ${cond}\n  ? ${ctor}\n  : undefined;${t}`].join("\n");
  }
  const scope = new NameScope(env.scope);
  if (rep.kind === "count") {
    const i = scope.claim("i");
    const inner = new ExprPrinter({ ...env, scope, locals: new Map([...env.locals, ["count.index", i]]) });
    const count = p.print(rep.count, "", 0);
    const ctor = construct(d, inner, "    ", "`" + templateText(d.resourceName, false) + "-${" + i + "}`", 4);
    return [
      ...notes,
      `const ${name}: ${d.className}[] = [];${t}`,
      `for (let ${i} = 0; ${i} < ${count}; ${i}++) {`,
      `  ${name}.push(`,
      `    ${ctor},`,
      `  );`,
      `}`,
    ].join("\n");
  }
  const key = scope.claim("key");
  const value = rep.set ? key : scope.claim("value");
  const inner = new ExprPrinter({ ...env, scope, locals: new Map([...env.locals, ["each.key", key], ["each.value", value]]) });
  const coll = p.print(rep.collection, "", 0);
  if (containsOutput(rep.collection, env)) {
    env.diags.push({ code: "PG2006", severity: "warning", message: "for_each over values known only after deployment: resources cannot be created inside apply; the loop reads the collection as a plain value", ...(d.loc ? { location: d.loc } : {}) });
  }
  const ctor = construct(d, inner, "  ", "`" + templateText(d.resourceName, false) + "-${" + key + "}`", 2 + name.length + 4 + key.length);
  const loop = rep.set ? `for (const ${key} of ${coll}) {` : `for (const [${key}, ${value}] of Object.entries(${coll})) {`;
  return [...notes, `const ${name}: Record<string, ${d.className}> = {};${t}`, loop, `  ${name}[${key}] = ${ctor};`, "}"].join("\n");
}

/** `new aws.x.Y("name", { … }, { … })`, laid out as prettier lays it out. */
function construct(d: ResourceDecl, p: ExprPrinter, indent: string, nameCode: string, col: number): string {
  const head = `new ${d.className}(`;
  const emptyArgs = d.args.kind === "object" && d.args.entries.length === 0;
  const inner = indent + "  ";
  const opts = optionsCode(d.options, p, indent);
  if (!opts) {
    const args = emptyArgs ? "{}" : p.print(d.args, indent, 0);
    const one = `${head}${nameCode}, ${args})`;
    // Prettier hugs the last argument only when what comes before it fits on the line.
    const firstLine = one.split("\n")[0]!;
    if (col + firstLine.length + (one.includes("\n") ? 0 : 1) > WIDTH) {
      const broken = emptyArgs ? "{}" : p.print(d.args, inner, 0);
      return `${head}\n${inner}${nameCode},\n${inner}${broken},\n${indent})`;
    }
    return one;
  }
  // With options, prettier keeps the call on one line only when everything fits, which a
  // non-empty (always multi-line) args object never does.
  if (emptyArgs) {
    const flat = `${head}${nameCode}, {}, ${opts})`;
    if (col + flat.length + 1 <= WIDTH) return flat;
  }
  const args = emptyArgs ? "{}" : p.print(d.args, inner, 0);
  return `${head}\n${inner}${nameCode},\n${inner}${args},\n${inner}${optionsCode(d.options, p, inner, inner.length)},\n${indent})`;
}

