/** The floor of a whole-process case: parse the files with @cdktf/hcl2json (`hcl`) or js-yaml with the CloudFormation tags (`yaml`), nothing else. */
import fs from "node:fs";
const [mode, ...files] = process.argv.slice(2);
if (mode === "hcl") {
  const { parse } = await import("@cdktf/hcl2json");
  for (const f of files) await parse(f, fs.readFileSync(f, "utf8"));
} else {
  const yaml = (await import("js-yaml")).default;
  const { CLOUDFORMATION_SCHEMA: schema } = await import("cloudformation-js-yaml-schema");
  for (const f of files) yaml.load(fs.readFileSync(f, "utf8"), { schema });
}
process.exit(0);
