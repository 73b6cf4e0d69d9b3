/**
 * One measurement in a fresh process (so that peak memory is its own):
 *   node bench/measure.mjs parse|convert samples|generated|cloudformation
 * Prints one JSON line: wall milliseconds, peak RSS, per-stage milliseconds.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@cdktf/hcl2json";
import { convert } from "../dist/index.js";
import { parseTemplate } from "../dist/parsers/cloudformation/yaml.js";
import { apiGatewayModule } from "./generate.mjs";

const [mode, set] = process.argv.slice(2);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
let inputs;
if (set === "samples") {
  const dirs = fs.readdirSync(path.join(root, "samples")).filter((d) => fs.existsSync(path.join(root, "samples", d, "main.tf")));
  const once = dirs.map((d) => ({ path: `${d}/main.tf`, text: fs.readFileSync(path.join(root, "samples", d, "main.tf"), "utf8") }));
  // Each sample 100 times, so that the figures are not one warm-up; each copy at a path of its
  // own, so that none is answered from the parse of a file read before (their expressions are
  // still the same texts, which cross into WASM once per process, as in a monorepo).
  inputs = Array.from({ length: 100 }, (_, i) => once.map((f) => ({ path: f.path.replace("/", `-${i}/`), text: f.text }))).flat();
} else if (set === "cloudformation") {
  // The CloudFormation golden templates (every section, intrinsic and curated type), 50 times each.
  const fx = path.join(root, "tests", "fixtures");
  const once = fs
    .readdirSync(fx)
    .filter((d) => d.startsWith("cfn_"))
    .flatMap((d) => fs.readdirSync(path.join(fx, d)).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => ({ path: `${d}/${f}`, text: fs.readFileSync(path.join(fx, d, f), "utf8") })));
  inputs = Array.from({ length: 50 }, () => once).flat();
} else {
  inputs = Array.from({ length: 1000 }, (_, i) => ({ path: `module-${i}/main.tf`, text: apiGatewayModule(i) }));
}
const lines = inputs.reduce((n, f) => n + f.text.split("\n").length - 1, 0);
// Warm the WASM runtime outside the timed loop (its start-up is reported by the caller).
const warm = performance.now();
await parse("warm.tf", 'variable "x" {}\n');
const warmup = performance.now() - warm;
const timings = {};
const start = performance.now();
let errors = 0;
for (const f of inputs) {
  if (mode === "parse") {
    if (set === "cloudformation") parseTemplate(f.text);
    else await parse(f.path, f.text);
  }
  else {
    const r = await convert([f], { timings });
    if (!r.ok) errors++;
  }
}
const ms = performance.now() - start;
console.log(JSON.stringify({ mode, set, files: inputs.length, lines, ms, warmup, peakRssMb: process.resourceUsage().maxRSS / 1024, timings, errors }));
