// Copies the generated schemas and the helper sources (text the emitter copies into programs)
// next to the compiled code, and marks the CLI executable.
import fs from "node:fs";
fs.mkdirSync("dist/schema", { recursive: true });
for (const f of ["aws-schema.json", "aws-native-schema.json", "random-schema.json"]) fs.copyFileSync(`src/schema/${f}`, `dist/schema/${f}`);
fs.mkdirSync("dist/emitters/typescript/helpers", { recursive: true });
for (const f of fs.readdirSync("src/emitters/typescript/helpers")) {
  if (f.endsWith(".ts") && f !== "index.ts") fs.copyFileSync(`src/emitters/typescript/helpers/${f}`, `dist/emitters/typescript/helpers/${f}.txt`);
}
fs.chmodSync("dist/cli.js", 0o755);
