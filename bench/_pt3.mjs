import { convert } from "/work/main/dist/index.js";
import { apiGatewayModule } from "/work/main/bench/generate.mjs";
import * as prettier from "prettier";
const r = await convert([{ path: "m.tf", text: apiGatewayModule(1) }]);
const code = r.code;
for (const parser of ["typescript", "babel-ts"]) {
  await prettier.format(code, { parser });
  let t0 = performance.now();
  for (let i = 0; i < 50; i++) await prettier.__debug.parse(code, { parser });
  const p = (performance.now() - t0) / 50;
  t0 = performance.now();
  for (let i = 0; i < 50; i++) await prettier.format(code, { parser });
  const f = (performance.now() - t0) / 50;
  console.log(parser, "parse", p.toFixed(2), "format", f.toFixed(2));
}
// statement by statement
const stmts = code.split("\n\n");
let t0 = performance.now();
for (let i = 0; i < 20; i++) for (const s of stmts) await prettier.format(s, { parser: "babel-ts" });
console.log("per-stmt total", ((performance.now() - t0) / 20).toFixed(2), stmts.length);
