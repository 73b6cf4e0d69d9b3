/** The floor of a whole-process case: parse the files with @cdktf/hcl2json (`hcl`) or js-yaml with the CloudFormation tags (`yaml`), nothing else. */
import fs from "node:fs";
const [mode, ...files] = process.argv.slice(2);
if (mode === "hcl") {
  const { parse } = await import("@cdktf/hcl2json");
  for (const f of files) await parse(f, fs.readFileSync(f, "utf8"));
} else {
  // js-yaml 4 with the package's CloudFormation tags (its tags.json), each as a plain type: the
  // bare load, without the package's own js-yaml 3 schema (and the esprima it loads).
  const yaml = (await import("js-yaml")).default;
  const { createRequire } = await import("node:module");
  const tags = createRequire(import.meta.url)("cloudformation-js-yaml-schema/tags.json");
  const types = Object.entries(tags).flatMap(([kind, names]) => names.map((n) => new yaml.Type(`!${n}`, { kind, construct: (data) => ({ [n]: data }) })));
  const schema = yaml.DEFAULT_SCHEMA.extend(types);
  for (const f of files) yaml.load(fs.readFileSync(f, "utf8"), { schema });
}
process.exit(0);
