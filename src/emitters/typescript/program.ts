/**
 * Prints a Pulumi program: imports (filled last, as the body needs them), config reads,
 * declarations in dependency order, exports, helpers, and the source's comments.
 */
import type { Diagnostic } from "../../model/diagnostics.js";
import type { Comments, Expr } from "../../model/expr.js";
import type { ConfigDecl, Decl, PulumiProgram, ResourceDecl, ResourceOptions } from "../../model/pulumi.js";
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
  const infos = new Map<string, DeclInfo>();
  const declared = new Set<string>();
  const env: PrintEnv = {
    declared,
    decls: infos,
    locals: new Map(),
    scope,
    diags,
    use: (m) => modules.add(m),
    helper: (h) => helpers.add(h),
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
  for (const m of [...modules].sort()) w.line(`import * as ${m} from "${m}";`);
  if (configs.length) {
    w.blank();
    w.line(`const ${configName} = new pulumi.Config();`);
  }
  if (helpers.size) {
    for (const h of Object.keys(HELPERS) as (keyof typeof HELPERS)[]) {
      if (!helpers.has(h)) continue;
      w.blank();
      for (const l of HELPERS[h]) w.line(l);
    }
  }
  if (!body.isEmpty()) {
    if (!w.isEmpty()) w.blank();
    w.append(body);
  }
  if (w.isEmpty()) w.line("// pulumigrate: nothing was converted (see the diagnostics)");
  const packages = [...(usesPulumi ? ["@pulumi/pulumi"] : []), ...(usesAws ? ["@pulumi/aws"] : [])];
  if (modules.size) packages.push("@types/node");
  return { code: w.text(), packages };
}

function comments(w: Writer, lines: readonly string[] | undefined): void {
  for (const c of lines ?? []) w.line(c === "" ? "//" : `// ${commentText(c)}`);
}

function trailing(c: Comments | undefined): string {
  return c?.trailing !== undefined ? ` // ${commentText(c.trailing)}` : "";
}

function declaration(d: Decl, name: string, p: ExprPrinter, configName: string, env: PrintEnv): string {
  switch (d.kind) {
    case "comment":
      return d.lines.map((l) => (l === "" ? "//" : `// ${commentText(l)}`)).join("\n");
    case "config":
      return configRead(d, name, p, configName);
    case "const":
      return statement(`const ${name} = `, p.print(d.value, "", 9 + name.length), trailing(d.comments));
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

function configRead(d: ConfigDecl, name: string, p: ExprPrinter, config: string): string {
  const lines: string[] = [];
  if (d.description) lines.push(`// ${commentText(d.description)}`);
  const key = stringLiteral(d.key);
  const t = d.type;
  const suffix = t.kind === "number" ? "Number" : t.kind === "boolean" ? "Boolean" : t.kind === "object" ? "Object" : "";
  const generic = t.kind === "object" ? `<${t.tsType}>` : "";
  const secret = d.secret ? "Secret" : "";
  let read: string;
  if (d.default) {
    const get = `${config}.get${suffix}${secret}${generic}(${key}) ?? `;
    const col = `const ${name} = `.length + get.length;
    const def = p.print(d.default, "", col + (d.secret ? "pulumi.secret(".length : 0));
    read = d.secret ? `${get}pulumi.secret(${def})` : `${get}${def}`;
  } else {
    read = `${config}.${d.optional ? "get" : "require"}${suffix}${secret}${generic}(${key})`;
  }
  lines.push(statement(`const ${name} = `, read, trailing(d.comments)));
  return lines.join("\n");
}

function optionsCode(o: ResourceOptions, p: ExprPrinter, indent: string): string {
  const parts: string[] = [];
  if (o.dependsOn?.length) parts.push(`dependsOn: [${o.dependsOn.map((x) => p.print(dependsTarget(x), indent, 0)).join(", ")}]`);
  if (o.provider) parts.push(`provider: ${p.print(o.provider, indent, 0)}`);
  if (o.protect) parts.push("protect: true");
  if (o.ignoreChanges?.length) parts.push(`ignoreChanges: [${o.ignoreChanges.map((s) => stringLiteral(s)).join(", ")}]`);
  if (o.retainOnDelete) parts.push("retainOnDelete: true");
  if (o.deleteBeforeReplace) parts.push("deleteBeforeReplace: true");
  if (!parts.length) return "";
  return `{ ${parts.join(", ")} }`;
}

/** `depends_on = [aws_x.y]` names the resource itself. */
function dependsTarget(e: Expr): Expr {
  return e.kind === "ref" ? { ...e, path: [] } : e;
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
  const opts = optionsCode(d.options, p, indent);
  if (!opts) {
    const args = emptyArgs ? "{}" : p.print(d.args, indent, 0);
    const one = `${head}${nameCode}, ${args})`;
    if (!one.includes("\n") && col + one.length + 1 > WIDTH) {
      return `${head}\n${indent}  ${nameCode},\n${indent}  ${args},\n${indent})`;
    }
    return one;
  }
  // With options, prettier keeps the call on one line only when everything fits, which a
  // non-empty (always multi-line) args object never does.
  if (emptyArgs) {
    const flat = `${head}${nameCode}, {}, ${opts})`;
    if (col + flat.length + 1 <= WIDTH) return flat;
  }
  const inner = indent + "  ";
  const args = emptyArgs ? "{}" : p.print(d.args, inner, 0);
  return `${head}\n${inner}${nameCode},\n${inner}${args},\n${inner}${optionsCode(d.options, p, inner)},\n${indent})`;
}

/**
 * `const x = value;`, with a call that does not fit on the line broken into one argument a
 * line, as prettier breaks it.
 */
function statement(head: string, value: string, tail: string): string {
  const line = `${head}${value};`;
  if (value.includes("\n") || line.length <= WIDTH) return line + tail;
  const call = splitCall(value);
  if (!call) return line + tail;
  return `${head}${call.callee}(\n${call.args.map((a) => `  ${a},`).join("\n")}\n);${tail}`;
}

/** `f(a, b)` → callee `f` and its top-level arguments; undefined when `value` is not one call. */
function splitCall(value: string): { callee: string; args: string[] } | undefined {
  let depth = 0;
  let open = -1;
  const args: string[] = [];
  let argStart = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const q = c;
      for (i++; i < value.length && value[i] !== q; i++) if (value[i] === "\\") i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{" || c === "<") {
      if (c === "(" && depth === 0 && open < 0) {
        open = i;
        argStart = i + 1;
      }
      depth++;
    } else if (c === ")" || c === "]" || c === "}" || (c === ">" && value[i - 1] !== "=")) {
      depth--;
      if (depth === 0 && c === ")" && open >= 0) {
        if (i !== value.length - 1) return undefined;
        args.push(value.slice(argStart, i).trim());
      }
    } else if (c === "," && depth === 1 && open >= 0) {
      args.push(value.slice(argStart, i).trim());
      argStart = i + 1;
    }
  }
  if (open < 0 || args.length === 0 || args.some((a) => a === "")) return undefined;
  return { callee: value.slice(0, open), args };
}
