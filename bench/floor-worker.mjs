/** The floor's worker: parses one file with @cdktf/hcl2json and nothing else. */
import fs from "node:fs";
import { parse } from "@cdktf/hcl2json";

export default async function parseFile(file) {
  await parse(file, fs.readFileSync(file, "utf8"));
  return 0;
}
