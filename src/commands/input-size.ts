/**
 * How much HCL a command line will parse, told from its arguments before the command line
 * itself loads (src/cli.ts sets the parser's V8 flags by it, and they must be set first). An
 * estimate that only chooses how V8 compiles the parser (parsers/terraform/hcl2json.ts), never
 * what a conversion does: the `.tf` and `.tf.json` files named, and those directly inside a
 * folder named. A repository run (many projects on worker threads) answers undefined.
 */
import fs from "node:fs";
import path from "node:path";

const HCL = /\.tf(\.json)?$/i;

/** A repository run (`migrate`, or `convert --recursive`), told from the words of the command line. */
export function isRepositoryRun(args: readonly string[]): boolean {
  return args[0] === "migrate" || (args[0] === "convert" && args.some((a) => a === "-r" || a === "--recursive"));
}

export function hclInputBytes(args: readonly string[]): number | undefined {
  if (args[0] !== "convert" || isRepositoryRun(args)) return undefined;
  let bytes = 0;
  for (const a of args.slice(1)) {
    if (a.startsWith("-")) continue;
    try {
      const st = fs.statSync(a);
      if (st.isFile() && HCL.test(a)) bytes += st.size;
      else if (st.isDirectory()) {
        for (const e of fs.readdirSync(a, { withFileTypes: true })) {
          if (e.isFile() && HCL.test(e.name)) bytes += fs.statSync(path.join(a, e.name)).size;
        }
      }
    } catch {
      // What cannot be read here is reported by the command itself.
    }
  }
  return bytes;
}
