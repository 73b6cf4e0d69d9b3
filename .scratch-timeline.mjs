const t0 = performance.now();
const { migrate } = await import("./dist/bulk/index.js");
const tl = {};
const mark = (k) => { tl[k] ??= Math.round(performance.now() - t0); };
mark("imported");
let durSum = 0;
const out = process.argv[3];
const rep = await migrate(process.argv[2], { out, jobs: 2, onProgress: (e) => {
  if (e.kind === "start") mark("discovered");
  if (e.kind === "started") mark("firstStarted");
  if (e.kind === "finished") { mark("firstFinished"); tl.lastFinished = Math.round(performance.now() - t0); durSum += e.project.durationMs ?? 0; }
}});
mark("returned");
console.log(JSON.stringify(tl), "sum durationMs", Math.round(durSum), Object.keys(rep.projects?.[0] ?? {}));
