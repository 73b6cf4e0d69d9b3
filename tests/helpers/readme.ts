/** The README's list of Terraform functions, made from the implementation (typing/functions.ts). */
import { SIGNATURES, type Family } from "../../src/typing/functions.js";

const TITLES: Readonly<Record<Family, string>> = {
  string: "Strings",
  regex: "Regular expressions",
  numeric: "Numbers",
  collection: "Collections",
  encoding: "Encoding",
  filesystem: "File system",
  datetime: "Date and time",
  hash: "Hash and crypto",
  network: "IP network",
  conversion: "Type conversion",
  provider: "The AWS provider's functions",
  cloudformation: "CloudFormation",
  converter: "Inserted by the converter",
};

export function functionsSection(): string {
  const lines = ["<!-- functions: generated from src/typing/functions.ts by tests/docs.test.ts (UPDATE_GOLDEN=1 rewrites it) -->"];
  for (const family of Object.keys(TITLES) as Family[]) {
    if (family === "cloudformation" || family === "converter") continue;
    const names = Object.entries(SIGNATURES).filter(([, s]) => s.family === family).map(([n, s]) => (s.unsupported ? `${n} (not converted: ${s.unsupported})` : s.impure ? `${n} (evaluated at every run, with a note)` : n));
    lines.push(`- ${TITLES[family]}: ${names.sort().map((n) => (n.includes(" ") ? `\`${n.slice(0, n.indexOf(" "))}\`${n.slice(n.indexOf(" "))}` : `\`${n}\``)).join(", ")}`);
  }
  lines.push("<!-- functions: end -->");
  return lines.join("\n");
}
