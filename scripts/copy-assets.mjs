// Copies the generated schemas next to the compiled code and marks the CLI executable.
import fs from "node:fs";
fs.mkdirSync("dist/schema", { recursive: true });
for (const f of ["aws-schema.json", "aws-native-schema.json"]) fs.copyFileSync(`src/schema/${f}`, `dist/schema/${f}`);
fs.chmodSync("dist/cli.js", 0o755);
