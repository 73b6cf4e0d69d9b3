// Copies the generated schemas and the helper sources (text the emitter copies into programs)
// next to the compiled code, and marks the CLI executable.
import fs from "node:fs";
for (const d of ["aws", "aws-native", "random", "command", "tls"]) {
  fs.rmSync(`dist/schema/${d}`, { recursive: true, force: true });
  fs.mkdirSync(`dist/schema/${d}`, { recursive: true });
  for (const f of fs.readdirSync(`src/schema/${d}`)) fs.copyFileSync(`src/schema/${d}/${f}`, `dist/schema/${d}/${f}`);
}
fs.mkdirSync("dist/emitters/typescript/helpers", { recursive: true });
for (const f of fs.readdirSync("src/emitters/typescript/helpers")) {
  if (f.endsWith(".ts") && f !== "index.ts") fs.copyFileSync(`src/emitters/typescript/helpers/${f}`, `dist/emitters/typescript/helpers/${f}.txt`);
}
fs.chmodSync("dist/cli.js", 0o755);
