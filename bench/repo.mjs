/**
 * `npm run bench` repository mode: a generated repository of N root modules (~100 lines each,
 * every third calling a shared local module) plus three CloudFormation templates, migrated by
 * the CLI on one worker per core, next to the floor: the raw hcl2json parse of the same `.tf`
 * files on the same number of workers. Wall time of whole processes, projects per second, peak
 * memory (all worker threads share the process), time per stage summed over the workers, and
 * what writing the run's files alone costs on this file system (floor-write.mjs: file creation is
 * kernel time that no conversion avoids, and on some disks it outweighs the parse).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeRepository } from "./generate.mjs";
import { cli } from "./bin.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const jobs = os.availableParallelism();
const sizes = (process.env.BENCH_REPO_SIZES ?? "1,100,1000").split(",").map(Number);
const f = (n, w = 7) => n.toFixed(0).padStart(w);
const ROUNDS = 2;

export function benchRepositories() {
  console.log(`\nrepositories (N root modules + 3 templates, ${jobs} workers; whole processes, best of ${ROUNDS} alternating rounds)`);
  const perProject = [];
  const walls = [];
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-bench-repo-"));
    try {
      writeRepository(path.join(dir, "repo"), n, 3);
      // Floor and migrate alternate, twice each; the best of each is kept (the machine's noise is one-sided).
      let floorWall = Infinity;
      let floor;
      let wall = Infinity;
      let out = "";
      let writeWall = Infinity;
      let written;
      for (let round = 0; round < ROUNDS; round++) {
        let start = performance.now();
        const fl = JSON.parse(execFileSync(process.execPath, [path.join(here, "floor-repo.mjs"), path.join(dir, "repo"), String(jobs)], { encoding: "utf8" }).trim().split("\n").pop());
        const fw = performance.now() - start;
        if (fw < floorWall) [floorWall, floor] = [fw, fl];
        // Each round writes a folder of its own, all removed after the size is measured: files
        // deleted just before a run make ext4 search past their inodes for every file the run
        // creates (find_inode_bit / recently_deleted in a profile), a cost of the bench, not of a
        // migration into a new folder.
        start = performance.now();
        let o = "";
        try {
          o = execFileSync(process.execPath, [cli, "migrate", path.join(dir, "repo"), "-o", path.join(dir, `out-${round}`), "--json", "--jobs", String(jobs)], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
        } catch (e) {
          o = e.stdout;
        }
        const w = performance.now() - start;
        if (w < wall) [wall, out] = [w, o];
        // The second floor: the files this round wrote, written again and nothing else.
        const wr = JSON.parse(execFileSync(process.execPath, [path.join(here, "floor-write.mjs"), path.join(dir, `out-${round}`), path.join(dir, `written-${round}`), String(jobs)], { encoding: "utf8" }).trim().split("\n").pop());
        if (wr.ms < writeWall) [writeWall, written] = [wr.ms, wr];
      }
      const report = JSON.parse(out);
      const projects = report.totals.projects;
      perProject.push(wall / projects);
      walls.push([projects, wall]);
      const stages = Object.entries(report.stages).map(([k, v]) => `${k} ${f(v, 0)}`).join(", ");
      console.log(`  N = ${String(n).padEnd(5)} ${projects} projects`);
      console.log(`    hcl2json parse only (floor)  ${f(floorWall)} ms   peak RSS ${f(floor.peakRssMb)} MB   (${floor.files} files)`);
      console.log(`    pulumigrate migrate          ${f(wall)} ms   peak RSS ${f(report.peakRssMb)} MB   ${(projects / (wall / 1000)).toFixed(1)} projects/s   ${(wall / floorWall).toFixed(2)}× the floor`);
      console.log(`    writing its files alone      ${f(writeWall)} ms   (${written.files} files in ${written.folders} folders, ${jobs} threads, timed inside the process); the migration is ${(wall / (floorWall + writeWall)).toFixed(2)}× parse + write`);
      console.log(`    stages (worker ms)           ${stages}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (perProject.length >= 2) {
    const [a, b] = perProject.slice(-2);
    console.log(`  time per project, N = ${sizes.at(-2)} → ${sizes.at(-1)}: ${a.toFixed(1)} → ${b.toFixed(1)} ms (${((b / a - 1) * 100).toFixed(0)}%)`);
    // What each further project costs, without the run's fixed start-up (the process, the workers' parser, schemas and prettier):
    // the wall time added between sizes over the projects added.
    const marginal = walls.slice(1).map(([n, w], i) => `${walls[i][0]} → ${n}: ${((w - walls[i][1]) / (n - walls[i][0])).toFixed(1)} ms`);
    console.log(`  time per project added (wall time between sizes over the projects added): ${marginal.join(", ")}`);
  }
}
