/**
 * The floor of the repository bench, in its own process: every `.tf` file of a repository
 * parsed by @cdktf/hcl2json on the same number of worker threads pulumigrate uses, and nothing
 * else. Prints one JSON line: { files, ms, peakRssMb }.
 */
import fs from "node:fs";
import path from "node:path";
import { Piscina } from "piscina";

const [repo, jobs] = [process.argv[2], Number(process.argv[3])];
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".tf")) files.push(p);
  }
};
walk(repo);
const start = performance.now();
const pool = new Piscina({ filename: new URL("./floor-worker.mjs", import.meta.url).href, maxThreads: jobs, minThreads: jobs });
await Promise.all(files.map((f) => pool.run(f)));
const ms = performance.now() - start;
await pool.destroy();
console.log(JSON.stringify({ files: files.length, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
