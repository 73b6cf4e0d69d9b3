// Copies the generated schema next to the compiled code and marks the CLI executable.
import fs from "node:fs";
fs.mkdirSync("dist/schema", { recursive: true });
fs.copyFileSync("src/schema/aws-schema.json", "dist/schema/aws-schema.json");
fs.chmodSync("dist/cli.js", 0o755);
