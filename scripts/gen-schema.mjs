#!/usr/bin/env node
/**
 * Generates src/schema/aws-schema.json from the installed @pulumi/aws type declarations:
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
 * follow CloudFormation one to one) into src/schema/aws-native-schema.json: resources and input
 * types only, which is all the CloudFormation mapper reads. With `--random` it reads
 * @pulumi/random (the `random_*` Terraform resources) into src/schema/random-schema.json.
 * Usage: node scripts/gen-schema.mjs [--native | --random] [--check]
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const native = process.argv.includes("--native");
const random = process.argv.includes("--random");
const pkg = native ? "@pulumi/aws-native" : random ? "@pulumi/random" : "@pulumi/aws";
const root = path.dirname(require.resolve(`${pkg}/package.json`));
const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.join(here, "..", "src", "schema", native ? "aws-native-schema.json" : random ? "random-schema.json" : "aws-schema.json");

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
    return shapes.every((s) => JSON.stringify(s) === JSON.stringify(shapes[0])) ? shapes[0] : (shapes.find((s) => s !== "s") ?? "s");
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

/** Properties of an interface or class: { name: shape }, and the required ones. */
function members(node, sf, module, { classOutputs = false } = {}) {
  const props = {};
  const required = [];
  const optional = [];
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
  }
  return { props, required, optional };
}

const schema = { package: "", resources: {}, functions: {}, inputTypes: {}, outputTypes: {} };
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
        const prefix = random ? "random" : "aws";
        const token = native ? `aws-native:${module}:${cls}` : module === "index" && cls === "Provider" ? "pulumi:providers:aws" : `${prefix}:${module}/${base}:${cls}`;
        const a = args ? members(args, sf, module) : { props: {}, required: [] };
        const deprecated = /@deprecated [^\n]*? in favor of (?:aws\.(\w+)\/\w+|(\w+))\.(\w+)/.exec(st.getFullText(sf).slice(0, st.getLeadingTriviaWidth(sf)));
        schema.resources[`${module}.${cls}`] = {
          token,
          ...(deprecated ? { deprecatedFor: `${deprecated[1] ?? deprecated[2]}.${deprecated[3]}` } : {}),
          args: a.props,
          required: a.required,
          ...(() => {
            const o = members(st, sf, module, { classOutputs: true });
            return { outputs: o.props, ...(o.optional.length ? { optionalOutputs: o.optional } : {}) };
          })(),
        };
      }
      if (!native && ts.isFunctionDeclaration(st) && st.name && /^get[A-Z]/.test(st.name.text) && !st.name.text.endsWith("Output")) {
        const fn = st.name.text;
        const up = fn[0].toUpperCase() + fn.slice(1);
        const args = decls.get(`${up}Args`);
        const result = decls.get(`${up}Result`);
        const hasOutput = sf.statements.some((x) => ts.isFunctionDeclaration(x) && x.name?.text === `${fn}Output`);
        const a = args ? members(args, sf, module) : { props: {}, required: [] };
        schema.functions[`${module}.${fn}`] = {
          token: `aws:${module}/${base}:${fn}`,
          args: a.props,
          required: a.required,
          result: result ? members(result, sf, module).props : {},
          output: hasOutput,
        };
      }
    }
  }
}

for (const m of modules.sort()) collect(path.join(root, m), m);
collect(root, "index");

function collectTypes(file, into) {
  const sf = parseFile(file);
  const visit = (stmts, ns) => {
    for (const st of stmts) {
      if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body)) visit(st.body.statements, ns ? `${ns}.${st.name.text}` : st.name.text);
      else if (ts.isInterfaceDeclaration(st)) {
        const module = (ns ?? "index").split(".")[0];
        const key = ns && ns.includes(".") ? `${ns}.${st.name.text}` : `${ns ?? "index"}.${st.name.text}`;
        into[key] = members(st, sf, module).props;
      }
    }
  };
  visit(sf.statements, undefined);
}
if (fs.existsSync(path.join(root, "types", "input.d.ts"))) collectTypes(path.join(root, "types", "input.d.ts"), schema.inputTypes);
if (!native && fs.existsSync(path.join(root, "types", "output.d.ts"))) collectTypes(path.join(root, "types", "output.d.ts"), schema.outputTypes);

const text = JSON.stringify(schema) + "\n";
if (process.argv.includes("--check")) {
  const current = fs.existsSync(outFile) ? fs.readFileSync(outFile, "utf8") : "";
  if (current !== text) {
    console.error(`${path.relative(process.cwd(), outFile)} is out of date with ${pkg} ${schema.package}: run npm run schema`);
    process.exit(1);
  }
  console.log(`schema up to date (${pkg} ${schema.package})`);
} else {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  console.log(`wrote ${path.relative(process.cwd(), outFile)}: ${Object.keys(schema.resources).length} resources, ${Object.keys(schema.functions).length} functions, ${Object.keys(schema.inputTypes).length} input types, ${Object.keys(schema.outputTypes).length} output types (${(text.length / 1e6).toFixed(1)} MB)`);
}
