/**
 * A second floor of the repository bench, in its own process: the files a migration wrote (read
 * into memory first), written again into a new folder as they are laid out, folders first, on the
 * same number of worker threads, and nothing else. It is what the file system alone charges for
 * the run's output (creating files is kernel time, and costs far more on some disks than on
 * others). Prints one JSON line: { files, folders, ms }.
 */
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

const [from, to, jobs] = [process.argv[2], process.argv[3], Number(process.argv[4])];
// Each top-level project folder (two levels: envs/env-0001) is one unit, as a project is one task.
const units = [];
const walk = (d, unit) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    const rel = path.relative(from, p);
    if (e.isDirectory()) {
      const u = unit ?? (fs.existsSync(path.join(p, "Pulumi.yaml")) ? (units.push({ dirs: [], files: [] }), units.at(-1)) : undefined);
      if (u) u.dirs.push(rel);
      walk(p, u);
    } else if (unit) unit.files.push([rel, fs.readFileSync(p)]);
  }
};
walk(from, undefined);
const parts = Array.from({ length: jobs }, () => []);
units.forEach((u, i) => parts[i % jobs].push(u));
// The folders above the projects exist first (the migration makes them once, before any project).
for (const u of units) fs.mkdirSync(path.join(to, path.dirname(u.dirs[0])), { recursive: true });
const code = `
const fs = require("node:fs"); const path = require("node:path");
const { workerData, parentPort } = require("node:worker_threads");
for (const u of workerData.units) {
  for (const d of u.dirs) fs.mkdirSync(path.join(workerData.to, d));
  for (const [f, c] of u.files) fs.writeFileSync(path.join(workerData.to, f), c);
}
parentPort.postMessage(0);`;
const start = performance.now();
await Promise.all(parts.map((p) => new Promise((resolve, reject) => {
  const w = new Worker(code, { eval: true, workerData: { units: p, to } });
  w.once("message", resolve);
  w.once("error", reject);
})));
const ms = performance.now() - start;
console.log(JSON.stringify({ files: units.reduce((a, u) => a + u.files.length, 0), folders: units.reduce((a, u) => a + u.dirs.length, 0), ms }));
process.exit(0);
