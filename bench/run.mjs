/**
 * `npm run bench`: conversion time and peak memory next to the raw @cdktf/hcl2json parse of
 * the same input (the floor), for the samples and for 1,000 generated 100-line API Gateway
 * modules; and for CloudFormation templates next to the js-yaml load. Each figure comes from
 * its own process.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const run = (mode, set) => JSON.parse(execFileSync(process.execPath, [path.join(here, "measure.mjs"), mode, set], { encoding: "utf8" }).trim().split("\n").pop());
const f = (n) => n.toFixed(0).padStart(7);

for (const set of ["samples", "generated"]) {
  const floor = run("parse", set);
  const conv = run("convert", set);
  const t = conv.timings;
  const own = (t.scan ?? 0) + (t.lower ?? 0) + (t.map ?? 0) + (t.type ?? 0) + (t.emit ?? 0) + (t.format ?? 0);
  console.log(`\n${set === "samples" ? `samples (${conv.files / 100} files × 100)` : "1,000 generated 100-line API Gateway modules"}: ${conv.files} files, ${conv.lines} lines`);
  console.log(`  hcl2json parse only (floor)   ${f(floor.ms)} ms   peak RSS ${f(floor.peakRssMb)} MB   (${(floor.ms / floor.files).toFixed(2)} ms/file)`);
  console.log(`  pulumigrate convert           ${f(conv.ms)} ms   peak RSS ${f(conv.peakRssMb)} MB   (${(conv.ms / conv.files).toFixed(2)} ms/file)`);
  console.log(`    of which hcl2json parse     ${f(t["hcl2json.parse"] ?? 0)} ms`);
  console.log(`    of which hcl2json exprs     ${f(t["hcl2json.expressions"] ?? 0)} ms   (one batched call per file)`);
  console.log(`    our own stages              ${f(own)} ms   (scan ${f(t.scan ?? 0).trim()}, lower ${f(t.lower ?? 0).trim()}, map ${f(t.map ?? 0).trim()}, type ${f(t.type ?? 0).trim()}, emit ${f(t.emit ?? 0).trim()}, prettier ${f(t.format ?? 0).trim()})`);
  console.log(`  WASM start-up before the first parse: ${conv.warmup.toFixed(0)} ms; files with errors: ${conv.errors}`);
}

{
  const floor = run("parse", "cloudformation");
  const conv = run("convert", "cloudformation");
  const t = conv.timings;
  console.log(`\nCloudFormation golden templates × 50: ${conv.files} templates, ${conv.lines} lines`);
  console.log(`  js-yaml load with the tags (floor) ${f(floor.ms)} ms   peak RSS ${f(floor.peakRssMb)} MB   (${(floor.ms / floor.files).toFixed(2)} ms/template)`);
  console.log(`  pulumigrate convert                ${f(conv.ms)} ms   peak RSS ${f(conv.peakRssMb)} MB   (${(conv.ms / conv.files).toFixed(2)} ms/template)`);
  console.log(`    parse+lower ${f(t.parse ?? 0).trim()} ms, map ${f(t.map ?? 0).trim()} ms, type ${f(t.type ?? 0).trim()} ms, emit ${f(t.emit ?? 0).trim()} ms, prettier ${f(t.format ?? 0).trim()} ms; templates with errors: ${conv.errors}`);
}

const { benchRepositories } = await import("./repo.mjs");
benchRepositories();

const { benchCases } = await import("./cases.mjs");
await benchCases();
