import fs from "node:fs";
const p = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const n = Number(process.argv[3] ?? 40);
const self = new Map(); const byUrl = new Map();
const dt = (p.endTime - p.startTime) / p.samples.length;
const counts = new Map(); for (const s of p.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
let total = 0;
for (const node of p.nodes) { const c = (counts.get(node.id) ?? 0) * dt / 1000; total += c; const cf = node.callFrame; const k = `${cf.functionName || "(anon)"} ${cf.url.split("/").slice(-2).join("/")}:${cf.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c);
 const u = cf.url.includes("node_modules") ? cf.url.split("node_modules/")[1].split("/").slice(0, cf.url.includes("@") ? 2 : 1).join("/") : cf.url.split("/").slice(-1)[0] || cf.functionName; byUrl.set(u, (byUrl.get(u) ?? 0) + c); }
console.log("total ms", total.toFixed(0));
for (const [k, v] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log("  ", v.toFixed(0).padStart(6), k);
console.log("---");
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(v.toFixed(0).padStart(6), k);
