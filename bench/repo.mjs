/**
 * `npm run bench` repository mode: a generated repository of N root modules (~100 lines each,
 * every third calling a shared local module) plus three CloudFormation templates, migrated by
 * the CLI on one worker per core, next to the floor: the raw hcl2json parse of the same `.tf`
 * files on the same number of workers. Wall time of whole processes, projects per second, peak
 * memory (all worker threads share the process), time per stage summed over the workers.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeRepository } from "./generate.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "..", "dist", "cli.js");
const jobs = os.availableParallelism();
const sizes = (process.env.BENCH_REPO_SIZES ?? "1,100,1000").split(",").map(Number);
const f = (n, w = 7) => n.toFixed(0).padStart(w);

export function benchRepositories() {
  console.log(`\nrepositories (N root modules + 3 templates, ${jobs} workers; whole processes)`);
  const perProject = [];
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-bench-repo-"));
    try {
      writeRepository(path.join(dir, "repo"), n, 3);
      let start = performance.now();
      const floor = JSON.parse(execFileSync(process.execPath, [path.join(here, "floor-repo.mjs"), path.join(dir, "repo"), String(jobs)], { encoding: "utf8" }).trim().split("\n").pop());
      const floorWall = performance.now() - start;
      start = performance.now();
      let out = "";
      try {
        out = execFileSync(process.execPath, [cli, "migrate", path.join(dir, "repo"), "-o", path.join(dir, "out"), "--json", "--jobs", String(jobs)], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
      } catch (e) {
        out = e.stdout;
      }
      const wall = performance.now() - start;
      const report = JSON.parse(out);
      const projects = report.totals.projects;
      perProject.push(wall / projects);
      const stages = Object.entries(report.stages).map(([k, v]) => `${k} ${f(v, 0)}`).join(", ");
      console.log(`  N = ${String(n).padEnd(5)} ${projects} projects`);
      console.log(`    hcl2json parse only (floor)  ${f(floorWall)} ms   peak RSS ${f(floor.peakRssMb)} MB   (${floor.files} files)`);
      console.log(`    pulumigrate migrate          ${f(wall)} ms   peak RSS ${f(report.peakRssMb)} MB   ${(projects / (wall / 1000)).toFixed(1)} projects/s   ${(wall / floorWall).toFixed(2)}× the floor`);
      console.log(`    stages (worker ms)           ${stages}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (perProject.length >= 2) {
    const [a, b] = perProject.slice(-2);
    console.log(`  time per project, N = ${sizes.at(-2)} → ${sizes.at(-1)}: ${a.toFixed(1)} → ${b.toFixed(1)} ms (${((b / a - 1) * 100).toFixed(0)}%)`);
  }
}
