#!/usr/bin/env node
/**
 * Generates src/schema/aws/ (one JSON file per module, and _index.json) from the installed @pulumi/aws type declarations:
 * every resource class (its Args properties and output properties), every invoke (its
 * arguments and result), and every nested input/output type, each property with its shape.
 * Run `npm run schema` after upgrading @pulumi/aws; a test fails when the checked-in file
 * differs from what this script produces, so the table is never edited by hand.
 *
 * Shapes: "s" string, "n" number, "b" boolean, "a" anything, "A" archive, "F" asset,
 * "AF" asset or archive, ["l", shape] list, ["m", shape] map, ["o", "module.Type"] object,
 * ["r", "module.Class"] a string that also accepts that resource. A deprecated class names
 * its successor in `deprecatedFor`.
 * With `--native` it reads @pulumi/aws-native instead (the CloudFormation fallback: its names
 * follow CloudFormation one to one) into src/schema/aws-native/: resources and input
 * types only, which is all the CloudFormation mapper reads. With `--random` it reads
 * @pulumi/random (the `random_*` Terraform resources) into src/schema/random/; with `--command`
 * @pulumi/command (a `null_resource`'s `local-exec` provisioners) into src/schema/command/; with
 * `--tls` @pulumi/tls (the `tls_*` resources and data sources) into src/schema/tls/.
 * Usage: node scripts/gen-schema.mjs [--native | --random | --command | --tls] [--check]
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const native = process.argv.includes("--native");
const command = process.argv.includes("--command");
const tls = process.argv.includes("--tls");
// @pulumi/command and @pulumi/tls are read as @pulumi/random is: packages of a few resources beside AWS.
const random = process.argv.includes("--random") || command || tls;
const pkg = native ? "@pulumi/aws-native" : command ? "@pulumi/command" : tls ? "@pulumi/tls" : random ? "@pulumi/random" : "@pulumi/aws";
const root = path.dirname(require.resolve(`${pkg}/package.json`));
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, "..", "src", "schema", native ? "aws-native" : command ? "command" : tls ? "tls" : random ? "random" : "aws");
/** The package's token prefix. */
const prefix = command ? "command" : tls ? "tls" : random ? "random" : "aws";

function parseFile(file) {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
}

/** Reads a property's declared type text into a shape. */
function shapeOf(text, module) {
  let t = text.replace(/\s+/g, " ").trim();
  const unwrap = () => {
    for (;;) {
      const m = /^pulumi\.(Input|Output)<(.*)>$/.exec(t);
      if (!m) return;
      t = m[2].trim();
    }
  };
  unwrap();
  // Drop `| undefined` and split unions at the top level.
  const parts = splitTop(t, "|").map((p) => p.trim()).filter((p) => p !== "undefined");
  if (parts.length > 1) {
    const res = parts.find((p) => /^[A-Z]\w*$/.test(p) || /^\w+\.[A-Z]\w*$/.test(p));
    const rest = parts.filter((p) => p !== res);
    if (res && rest.length === 1 && (rest[0] === "string" || /^pulumi\.Input<string>$/.test(rest[0]))) {
      return ["r", res.includes(".") ? res : `${module}.${res}`];
    }
    if (parts.includes("pulumi.asset.Asset") && parts.includes("pulumi.asset.Archive")) return "AF";
    const shapes = parts.map((p) => shapeOf(p, module));
    if (shapes.every((s) => JSON.stringify(s) === JSON.stringify(shapes[0]))) return shapes[0];
    // One of several object types (aws-native's `X0PropertiesArgs | X1PropertiesArgs | …`, one per
    // form a CloudFormation property takes): a type of its own, `A|B|…`, whose properties are all of
    // theirs (mergeUnions, below), so that each form's properties are found.
    const names = shapes.map((s) => (Array.isArray(s) && s[0] === "o" ? s[1] : undefined));
    if (names.every((n) => n !== undefined)) return ["o", [...new Set(names)].join("|")];
    // A scalar of any kind (`string | number | boolean`): the value as written, converted to none of them.
    if (shapes.every((s) => s === "s" || s === "n" || s === "b") && shapes.includes("s")) return "a";
    return shapes.find((s) => s !== "s") ?? "s";
  }
  t = parts[0] ?? "any";
  unwrap();
  if (t.startsWith("(") && t.endsWith(")")) return shapeOf(t.slice(1, -1), module);
  if (t.endsWith("[]")) return ["l", shapeOf(t.slice(0, -2), module)];
  const map = /^\{ ?\[key: string\]: (.*?);? ?\}$/.exec(t);
  if (map) return ["m", shapeOf(map[1], module)];
  const obj = /^(?:inputs|outputs)\.(\w+)\.(\w+)$/.exec(t);
  if (obj) return ["o", `${obj[1]}.${obj[2]}`];
  const objRoot = /^(?:inputs|outputs)\.(\w+)$/.exec(t);
  if (objRoot) return ["o", `index.${objRoot[1]}`];
  if (t === "string" || t.startsWith("enums.") || /^"/.test(t)) return "s";
  if (t === "number") return "n";
  if (t === "boolean") return "b";
  if (t === "pulumi.asset.Archive") return "A";
  if (t === "pulumi.asset.Asset") return "F";
  if (t === "pulumi.asset.AssetOrArchive") return "AF";
  return "a";
}

function splitTop(t, sep) {
  const out = [];
  let depth = 0;
  let cur = "";
  for (const c of t) {
    if (c === "<" || c === "{" || c === "(" || c === "[") depth++;
    if (c === ">" || c === "}" || c === ")" || c === "]") depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Classes whose doc comment lost its identity schema upstream (the generated docs keep only a
 * legacy example): their import IDs as Terraform's importer reads them.
 */
const IMPORT_ID_OVERRIDES = {
  "lambda.Permission": ["/", "functionName", "statementId"],
  "apigateway.DomainName": ["domainName"],
  // The identity schema names the layer and its version; the import ID is the version's ARN.
  "lambda.LayerVersion": ["arn"],
};

/**
 * How `pulumi import` identifies a resource of a class, from its doc comment's import section:
 * the identity attributes (Pulumi names, in order) and what joins them, as `[sep, ...attrs]`
 * or `[attr]`. The Identity Schema's required attributes when there is one; else the format
 * the import sentence gives (`REST-API-ID/STAGE-NAME`: each token a property of the class, or
 * the resource's own `id`) or the attributes it names in backticks; `["id"]` when it names
 * none (Terraform's importer then takes the resource's `id`, and so does Pulumi's). Undefined
 * when the class documents no import at all.
 */
function importIdOf(doc, key, cls, props) {
  if (IMPORT_ID_OVERRIDES[key]) return IMPORT_ID_OVERRIDES[key];
  const text = doc.replace(/^\s*\* ?/gm, "");
  const at = text.search(/## Import|### Identity Schema|Using `pulumi import`/);
  if (at < 0) return undefined;
  const section = text.slice(at);
  const example = /\$ pulumi import \S+ \S+ (.+)/.exec(section)?.[1]?.trim().replace(/^["']|["']$/g, "");
  const camel = (t) => t.toLowerCase().replace(/[-_]([a-z0-9])/g, (_, c) => c.toUpperCase());
  const own = cls.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toUpperCase();
  // `REST-API-ID` → `restApiId` when the class has it; the class's own `<NAME>-ID` is its `id`.
  const token = (t) => (props[camel(t)] !== undefined ? camel(t) : t === `${own}-ID` || (t.endsWith("-ID") && own.endsWith(t.slice(0, -3))) ? "id" : camel(t));
  const required = /#### Required\s*\n([\s\S]*?)(?=\n####|\nUsing|\n[A-Z][^\n]*\n|$)/.exec(section);
  let parts = required ? [...required[1].matchAll(/^[*-] `(\w+)`/gm)].map((m) => m[1]) : [];
  const sentence = /Using `pulumi import`[^\n]*?(?:using|with) (?:the |their |its |an? )?([^\n]*?)(?:\. For example|:\s*$|\.\s*$)/m.exec(section)?.[1] ?? "";
  let sep = /separated by [^(`\n]*\(?`([^`]+)`\)?/.exec(section)?.[1];
  if (!parts.length) {
    const quoted = [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const format = quoted.find((q) => /^[A-Z][A-Z0-9-]*(?:[^A-Za-z0-9\s-]+[A-Z][A-Z0-9-]*)*$/.test(q));
    if (format) {
      sep ??= /[^A-Z0-9-]+/.exec(format)?.[0];
      parts = (sep ? format.split(sep) : [format]).map(token);
    } else if (quoted.length === 1 && /^\w+(?:[^\w\s]+\w+)+$/.test(quoted[0])) {
      // One backticked format holding several attributes: `analyzer_name/rule_name`.
      sep ??= /[^\w]+/.exec(quoted[0])[0];
      parts = quoted[0].split(sep);
    } else parts = quoted.filter((q) => /^\w+$/.test(q));
  }
  // Identity attributes are Pulumi (camelCase) names; a format may spell them snake_case.
  parts = parts.map((p) => p.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()));
  if (!parts.length) return ["id"];
  if (parts.length === 1) return parts;
  if (!sep) sep = ["/", ",", ":", "|", "_", "@", ";"].find((c) => example && example.split(c).length === parts.length);
  return sep ? [sep, ...parts] : undefined;
}

/**
 * Properties of an interface or class: { name: shape }, the required ones, and those deprecated
 * for another property of the same type and shape (`@deprecated Use 'region' instead`, `name is
 * deprecated. Use region instead.`): { old: new }.
 */
function members(node, sf, module, { classOutputs = false } = {}) {
  const props = {};
  const required = [];
  const optional = [];
  const renamed = {};
  for (const m of node.members) {
    if (!ts.isPropertyDeclaration(m) && !ts.isPropertySignature(m)) continue;
    if (!m.type || !m.name || !ts.isIdentifier(m.name) && !ts.isStringLiteral(m.name)) continue;
    const name = m.name.text;
    if (classOutputs) {
      const mods = ts.getCombinedModifierFlags ? (m.modifiers ?? []) : [];
      if (mods.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) continue;
      if (name.startsWith("__")) continue;
    }
    const text = m.type.getText(sf);
    props[name] = shapeOf(text, module);
    if (!m.questionToken) required.push(name);
    // A class output typed `Output<T | undefined>`: the provider may leave it unset.
    if (classOutputs && /\|\s*undefined\s*>$/.test(text)) optional.push(name);
    const doc = m.getFullText(sf).slice(0, m.getLeadingTriviaWidth(sf));
    const said = /@deprecated (?:Use '(\w+)' instead|\w+ is deprecated\. Use (\w+) instead)\b/.exec(doc);
    if (said) renamed[name] = (said[1] ?? said[2]).replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  }
  // Only where the other property holds the same kind of value (not `region` → `regions`, a list).
  for (const [from, to] of Object.entries(renamed)) if (!(to in props) || to === from || JSON.stringify(props[to]) !== JSON.stringify(props[from])) delete renamed[from];
  return { props, required, optional, renamed };
}

/**
 * An aws-native resource's primary identifier: the properties its `get<Class>` function reads it
 * by (the package lists them in alphabetical order, not the identifier's own), or undefined
 * without such a function.
 */
function nativeIdentifier(dir, cls, module) {
  const file = path.join(dir, `get${cls}.d.ts`);
  if (!fs.existsSync(file)) return undefined;
  const sf = parseFile(file);
  const args = sf.statements.find((st) => ts.isInterfaceDeclaration(st) && st.name.text === `Get${cls}Args`);
  return args ? Object.keys(members(args, sf, module).props) : undefined;
}

const schema = { package: "", resources: {}, functions: {}, inputTypes: {}, outputTypes: {}, inputRequired: {} };
schema.package = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;

const modules = fs.readdirSync(root).filter((d) => {
  const p = path.join(root, d);
  return fs.statSync(p).isDirectory() && !["types", "node_modules", "config", "bin", "scripts"].includes(d) && fs.existsSync(path.join(p, "index.d.ts"));
});

function collect(dir, module) {
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith(".d.ts") || f === "index.d.ts" || f === "utilities.d.ts") continue;
    const sf = parseFile(path.join(dir, f));
    const base = f.slice(0, -".d.ts".length);
    const decls = new Map();
    for (const st of sf.statements) if ((ts.isInterfaceDeclaration(st) || ts.isClassDeclaration(st)) && st.name) decls.set(st.name.text, st);
    for (const st of sf.statements) {
      if (ts.isClassDeclaration(st) && st.name) {
        const heritage = st.heritageClauses?.[0]?.types[0]?.getText(sf) ?? "";
        if (!/pulumi\.(CustomResource|ProviderResource|ComponentResource)/.test(heritage)) continue;
        const cls = st.name.text;
        const args = decls.get(`${cls}Args`);
        if (native && cls === "Provider") continue;
        if (random && cls === "Provider") continue;
        // @pulumi/command registers its types without the file part (`command:local:Command`).
        const token = native ? `aws-native:${module}:${cls}` : module === "index" && cls === "Provider" ? "pulumi:providers:aws" : command ? `command:${module}:${cls}` : `${prefix}:${module}/${base}:${cls}`;
        const a = args ? members(args, sf, module) : { props: {}, required: [] };
        const doc = st.getFullText(sf).slice(0, st.getLeadingTriviaWidth(sf));
        const deprecated = /@deprecated [^\n]*? in favor of (?:aws\.(\w+)\/\w+|(\w+))\.(\w+)/.exec(doc);
        const outputs = members(st, sf, module, { classOutputs: true });
        const importId = native || random ? undefined : importIdOf(doc, `${module}.${cls}`, cls, { ...a.props, ...outputs.props });
        const identifier = native ? nativeIdentifier(dir, cls, module) : undefined;
        schema.resources[`${module}.${cls}`] = {
          token,
          ...(deprecated ? { deprecatedFor: `${deprecated[1] ?? deprecated[2]}.${deprecated[3]}` } : {}),
          ...(importId ? { importId } : {}),
          ...(identifier ? { identifier } : {}),
          args: a.props,
          required: a.required,
          outputs: outputs.props,
          ...(outputs.optional.length ? { optionalOutputs: outputs.optional } : {}),
        };
      }
      // Invokes: `get…`, and @pulumi/command's `local.run` (what a Terraform external data source runs).
      if (!native && ts.isFunctionDeclaration(st) && st.name && (/^get[A-Z]/.test(st.name.text) || (command && st.name.text === "run")) && !st.name.text.endsWith("Output")) {
        const fn = st.name.text;
        const up = fn[0].toUpperCase() + fn.slice(1);
        const args = decls.get(`${up}Args`);
        const result = decls.get(`${up}Result`);
        const hasOutput = sf.statements.some((x) => ts.isFunctionDeclaration(x) && x.name?.text === `${fn}Output`);
        const a = args ? members(args, sf, module) : { props: {}, required: [] };
        const r = result ? members(result, sf, module) : { props: {}, renamed: {} };
        schema.functions[`${module}.${fn}`] = {
          token: command ? `command:${module}:${fn}` : `${prefix}:${module}/${base}:${fn}`,
          args: a.props,
          required: a.required,
          result: r.props,
          // Result attributes the package deprecates for another that holds the same value (getRegion's name → region).
          ...(Object.keys(r.renamed).length ? { resultRenamed: r.renamed } : {}),
          output: hasOutput,
        };
      }
    }
  }
}

for (const m of modules.sort()) collect(path.join(root, m), m);
collect(root, "index");

/** Interfaces of a types file: { name: props }; with `requiredInto`, the names of the properties each requires (where it requires any). */
function collectTypes(file, into, requiredInto) {
  const sf = parseFile(file);
  const visit = (stmts, ns) => {
    for (const st of stmts) {
      if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body)) visit(st.body.statements, ns ? `${ns}.${st.name.text}` : st.name.text);
      else if (ts.isInterfaceDeclaration(st)) {
        const module = (ns ?? "index").split(".")[0];
        const key = ns && ns.includes(".") ? `${ns}.${st.name.text}` : `${ns ?? "index"}.${st.name.text}`;
        const m = members(st, sf, module);
        into[key] = m.props;
        if (requiredInto && m.required.length) requiredInto[key] = m.required;
      }
    }
  };
  visit(sf.statements, undefined);
}
if (fs.existsSync(path.join(root, "types", "input.d.ts"))) collectTypes(path.join(root, "types", "input.d.ts"), schema.inputTypes, schema.inputRequired);
if (!native && fs.existsSync(path.join(root, "types", "output.d.ts"))) collectTypes(path.join(root, "types", "output.d.ts"), schema.outputTypes);

/**
 * The types `A|B|…` that shapeOf names for a union of object types, each written beside its
 * variants (in the table that holds them) with every variant's properties, the first variant's
 * shape where two name the same property. It requires nothing: each variant requires its own.
 */
function mergeUnions() {
  const shapesOf = (props) => Object.values(props ?? {});
  const pending = [
    ...Object.values(schema.resources).flatMap((r) => [...shapesOf(r.args), ...shapesOf(r.outputs)]),
    ...Object.values(schema.functions).flatMap((f) => [...shapesOf(f.args), ...shapesOf(f.result)]),
    ...Object.values(schema.inputTypes).flatMap(shapesOf),
    ...Object.values(schema.outputTypes).flatMap(shapesOf),
  ];
  while (pending.length) {
    const shape = pending.pop();
    if (!Array.isArray(shape)) continue;
    if (shape[0] !== "o") {
      pending.push(shape[1]);
      continue;
    }
    const name = shape[1];
    if (!name.includes("|")) continue;
    const variants = name.split("|");
    const table = variants.every((v) => v in schema.inputTypes) ? schema.inputTypes : variants.every((v) => v in schema.outputTypes) ? schema.outputTypes : undefined;
    if (!table || name in table) continue;
    const merged = {};
    for (const v of variants) for (const [k, sh] of Object.entries(table[v])) if (!(k in merged)) merged[k] = sh;
    table[name] = merged;
    pending.push(...Object.values(merged));
  }
}
mergeUnions();

/**
 * Written one JSON file per module (`apigateway.json`: its resources, functions and nested
 * types) plus `_index.json` (the package version, and the resources and functions of each
 * module), so that a program
 * loads only the modules it uses.
 */
function split(schema) {
  const files = {};
  const index = { package: schema.package, modules: {} };
  for (const section of ["resources", "functions", "inputTypes", "outputTypes", "inputRequired"]) {
    for (const [key, value] of Object.entries(schema[section])) {
      const module = key.slice(0, key.indexOf("."));
      const file = (files[`${module}.json`] ??= { resources: {}, functions: {}, inputTypes: {}, outputTypes: {}, inputRequired: {} });
      file[section][key] = value;
      // The index lists the resources and functions (what is iterated); nested types are found by their module.
      const entry = (index.modules[module] ??= { resources: [], functions: [] });
      if (section === "resources" || section === "functions") entry[section].push(key.slice(module.length + 1));
    }
  }
  const sorted = Object.fromEntries(Object.entries(index.modules).sort(([a], [b]) => (a < b ? -1 : 1)));
  const out = { "_index.json": JSON.stringify({ ...index, modules: sorted }) + "\n" };
  for (const [f, v] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) out[f] = JSON.stringify(v) + "\n";
  return out;
}

const files = split(schema);
const rel = path.relative(process.cwd(), outDir);
if (process.argv.includes("--check")) {
  const present = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.endsWith(".json")).sort() : [];
  const stale = Object.keys(files).filter((f) => !fs.existsSync(path.join(outDir, f)) || fs.readFileSync(path.join(outDir, f), "utf8") !== files[f]);
  const extra = present.filter((f) => !(f in files));
  if (stale.length || extra.length) {
    console.error(`${rel} is out of date with ${pkg} ${schema.package} (${[...stale, ...extra].slice(0, 5).join(", ")}): run npm run schema`);
    process.exit(1);
  }
  console.log(`schema up to date (${pkg} ${schema.package})`);
} else {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, f), text);
  const size = Object.values(files).reduce((n, t) => n + t.length, 0);
  console.log(`wrote ${rel}/: ${Object.keys(schema.resources).length} resources, ${Object.keys(schema.functions).length} functions, ${Object.keys(schema.inputTypes).length} input types, ${Object.keys(schema.outputTypes).length} output types in ${Object.keys(files).length - 1} module files (${(size / 1e6).toFixed(1)} MB)`);
}
