/**
 * `npm run bench` whole-process cases, each next to its floor measured in the same run
 * (medians of alternating runs): one file through the CLI against a bare parse process, a
 * directory of 200 files, a ~1.9 MB `.tf` and a large template; a scaling series (1×, 10×,
 * 100×, 700× a resource set) with the time per resource; and, with BENCH_STRESS=1, 50 CLI runs
 * on the large `.tf` that must all agree, none waiting after its output.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { apiGatewayModule, apiGatewayTemplate, largeModule, largeTemplate } from "./generate.mjs";
import { cli } from "./bin.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const floorScript = path.join(here, "floor-files.mjs");
/** The peer of the template cases (cdk-from-cfn, a dev dependency). */
const peerScript = path.join(here, "peer-cdk-from-cfn.cjs");
/** Rounds of the scaling series, by format: a CloudFormation round takes ~2 s, a Terraform one ~20 s, so the cheaper series gets more samples. */
const ROUNDS = { Terraform: 4, CloudFormation: 8 };
/** A full collection between scaling samples (V8's own, exposed to this process alone), or none where it cannot be had. */
const gc = (() => {
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc");
  } catch {
    return undefined;
  }
})();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const probe = path.join(here, "peak-rss.cjs");

/** Runs a process; wall time, its stdout, how long it lingered after its last output, and its peak memory (MB; peak-rss.cjs reports it on fd 3, which is not output). */
function timed(args) {
  return new Promise((resolve) => {
    const start = performance.now();
    const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(probe)}`].filter(Boolean).join(" ") };
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe", "pipe"], env });
    let out = "";
    let rss = "";
    let last = start;
    let exited = start;
    child.on("exit", () => (exited = performance.now()));
    child.stdout.on("data", (c) => {
      out += c;
      last = performance.now();
    });
    child.stderr.on("data", () => (last = performance.now()));
    child.stdio[3].on("data", (c) => (rss += c));
    // Timed to the exit; resolved once its output (and the memory figure) is all read.
    child.on("close", (code) => resolve({ ms: exited - start, linger: exited - last, code, out, peakMb: Number(rss) / 1024 }));
  });
}

/**
 * Our process next to its floor, alternating. For HCL, the floor runs twice: with node's defaults
 * (the bare parse process a user of the library gets, the issue's floor) and with the WASM
 * flags the CLI sets for itself, so that the part of the ratio owed to that setting shows. A
 * template also runs next to its peer, cdk-from-cfn's whole process on the same file.
 */
async function compare(label, ours, floor, runs = 3, peer = undefined, before = () => undefined) {
  const hcl = floor[1] === "hcl";
  // The floor under the flags the CLI chooses for the same input (parsers/terraform/hcl2json.ts: no optimizing tier below 256 KB, else a raised budget).
  const { parserRuntimeFlags } = await import("../dist/parsers/terraform/hcl2json.js");
  const bytes = hcl ? floor.slice(2).reduce((n, f) => n + fs.statSync(f).size, 0) : 0;
  const tuned = [parserRuntimeFlags(bytes), ...floor];
  const a = [];
  const b = [];
  const c = [];
  const d = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    before();
    const r = await timed(ours);
    a.push(r.ms);
    peak = Math.max(peak, r.peakMb);
    b.push((await timed(floor)).ms);
    if (hcl) c.push((await timed(tuned)).ms);
    if (peer) d.push((await timed(peer)).ms);
  }
  const [m, f] = [median(a), median(b)];
  const same = hcl ? `   at our flags ${median(c).toFixed(0).padStart(6)} ms   ${(m / median(c)).toFixed(2)}×` : "";
  const peerText = peer ? `   cdk-from-cfn ${median(d).toFixed(0).padStart(6)} ms   ${(m / median(d)).toFixed(2)}×` : "";
  console.log(`  ${label.padEnd(46)} ${m.toFixed(0).padStart(6)} ms   floor ${f.toFixed(0).padStart(6)} ms   ${(m / f).toFixed(2)}×   peak ${peak.toFixed(0).padStart(4)} MB${same}${peerText}`);
}

export async function benchCases() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-bench-cases-"));
  try {
    const small = path.join(dir, "main.tf");
    fs.writeFileSync(small, apiGatewayModule(0));
    const template = path.join(dir, "template.yaml");
    fs.writeFileSync(template, apiGatewayTemplate(0).repeat(1).replace(/^/, ""));
    const many = path.join(dir, "many");
    fs.mkdirSync(many);
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(many, `f${i}.tf`), apiGatewayModule(i).replace(/"(api|users|orders|items)((?:_get)?(?:_200)?)"(\s*\{)/g, `"$1$2_${i}"$3`).replace(/\.(api|users|orders|items)((?:_get)?(?:_200)?)\./g, `.$1$2_${i}.`));
    const bigTf = path.join(dir, "large.tf");
    fs.writeFileSync(bigTf, largeModule(385));
    const bigYaml = path.join(dir, "large.yaml");
    fs.writeFileSync(bigYaml, largeTemplate(1430));
    const mb = (f) => (fs.statSync(f).size / 1e6).toFixed(2);

    console.log(`\nwhole processes (alternating runs: medians of 9 for one file and of 3 for 200 files, one run of each large input), next to the bare parse of the same input (for HCL also under the CLI's own V8 WASM flags; for a template also cdk-from-cfn's whole process)`);
    // The one-file cases take a fraction of a second each: more runs, so that the median holds on a noisy machine.
    await compare(`one ${apiGatewayModule(0).split("\n").length - 1}-line .tf, CLI`, [cli, "convert", small], [floorScript, "hcl", small], 9);
    await compare(`one ${fs.readFileSync(template, "utf8").split("\n").length - 1}-line template, CLI`, [cli, "convert", template], [floorScript, "yaml", template], 9, [peerScript, template]);
    // The same, as a first run: prettier's answers from earlier runs (format-cache.ts) removed before each.
    const { cacheDirectory } = await import("../dist/emitters/typescript/code-cache.js");
    const forgetFormatting = () => {
      const at = cacheDirectory();
      if (at && fs.existsSync(at)) for (const f of fs.readdirSync(at)) if (f.startsWith("format-")) fs.rmSync(path.join(at, f), { force: true });
    };
    await compare("  the same, nothing formatted before", [cli, "convert", template], [floorScript, "yaml", template], 9, [peerScript, template], forgetFormatting);
    await compare("200 .tf files in one directory, CLI", [cli, "convert", many], [floorScript, "hcl", ...fs.readdirSync(many).map((f) => path.join(many, f))]);
    await compare(`${mb(bigTf)} MB .tf (5,005 resources), CLI`, [cli, "convert", bigTf], [floorScript, "hcl", bigTf], 1);
    await compare(`${mb(bigTf)} MB .tf, CLI --no-format`, [cli, "convert", bigTf, "--no-format"], [floorScript, "hcl", bigTf], 1);
    await compare(`${mb(bigYaml)} MB template (4,290 resources), CLI`, [cli, "convert", bigYaml], [floorScript, "yaml", bigYaml], 1, [peerScript, bigYaml]);
    await compare(`${mb(bigYaml)} MB template, CLI --no-format`, [cli, "convert", bigYaml, "--no-format"], [floorScript, "yaml", bigYaml], 1);

    console.log(`\nscaling (in-process conversion without formatting, after a 50-copy warm-up; ${ROUNDS.Terraform} rounds over every size for Terraform, ${ROUNDS.CloudFormation} for CloudFormation; each sample the same work, 700 copies of the resource set (700 conversions at 1×, 70 at 10×, 7 at 100×, 1 at 700×), begun on a collected heap, the best sample kept; time per resource should stay flat)`);
    const { convert } = await import("../dist/index.js");
    for (const [label, make, perCopy, file] of [
      ["Terraform", largeModule, 13, "s.tf"],
      ["CloudFormation", largeTemplate, 3, "s.yaml"],
    ]) {
      const row = [];
      const perResource = new Map();
      const oursPerResource = new Map();
      // Warm the parser, the schema and the JIT first: the series measures the work that grows with the input.
      await convert([{ path: `warm-${file}`, text: make(50) }], { prettier: false });
      // Rounds over every size, so that a slow spell of the machine falls on all sizes alike. Each
      // sample converts the same number of resources, so that every size gets as many samples, each
      // as long and as exposed to the machine's noise: the best of many short runs beside the best of
      // few long ones would favour the small sizes.
      const sizes = [1, 10, 100, 700];
      const texts = new Map(sizes.map((n) => [n, make(n)]));
      const best = new Map(sizes.map((n) => [n, Infinity]));
      const ours = new Map(sizes.map((n) => [n, Infinity]));
      for (let round = 0; round < ROUNDS[label]; round++) {
        for (const n of sizes) {
          const reps = 700 / n;
          let ms = 0;
          let own = 0;
          // Every sample starts from a collected heap, so that no size is charged for garbage another left.
          gc?.();
          for (let run = 0; run < reps; run++) {
            const timings = {};
            const start = performance.now();
            // A path of its own each run: no run is answered from the parse of a file read before.
            await convert([{ path: `${n}-${round}-${run}-${file}`, text: texts.get(n) }], { prettier: false, timings });
            const took = performance.now() - start;
            ms += took;
            // Our own part: everything but the HCL parser's calls.
            own += took - (timings["hcl2json.parse"] ?? 0) - (timings["hcl2json.expressions"] ?? 0);
          }
          best.set(n, Math.min(best.get(n), ms / reps));
          ours.set(n, Math.min(ours.get(n), own / reps));
        }
      }
      for (const n of sizes) {
        perResource.set(n, (best.get(n) * 1000) / (n * perCopy));
        oursPerResource.set(n, (ours.get(n) * 1000) / (n * perCopy));
        row.push(`${n}× ${best.get(n).toFixed(0)} ms (${perResource.get(n).toFixed(0)} µs/resource${label === "Terraform" ? `, ours ${oursPerResource.get(n).toFixed(0)}` : ""})`);
      }
      const spread = (m) => {
        const xs = [10, 100, 700].map((n) => m.get(n));
        return `${((Math.max(...xs) / Math.min(...xs) - 1) * 100).toFixed(0)}%`;
      };
      console.log(`  ${label.padEnd(15)} ${row.join(", ")}; 10×–700× spread ${spread(perResource)}${label === "Terraform" ? ` (ours ${spread(oursPerResource)})` : ""}`);
    }

    if (process.env.BENCH_STRESS === "1") {
      console.log(`\nstress: 50 CLI runs on the ${mb(bigTf)} MB .tf`);
      const outs = new Map();
      let lingerMax = 0;
      let bad = 0;
      for (let i = 0; i < 50; i++) {
        const r = await timed([cli, "convert", bigTf, "--no-format"]);
        lingerMax = Math.max(lingerMax, r.linger);
        if (r.code !== 0 && r.code !== 1) bad++;
        outs.set(r.out, (outs.get(r.out) ?? 0) + 1);
      }
      console.log(`  distinct outputs: ${outs.size}; runs that crashed: ${bad}; longest wait after the last output: ${lingerMax.toFixed(0)} ms`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
