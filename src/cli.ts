#!/usr/bin/env node
/** The command line: a thin shell over convert() and the project writer. */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import path from "node:path";
import { convert } from "./convert.js";
import { resolveFormatOptions } from "./emitters/typescript/format.js";
import { formatDiagnostic } from "./model/diagnostics.js";
import { isProjectTarget, readInputs, UsageError, writeProgram, writeProject } from "./project.js";

interface ConvertArgs {
  input: string;
  output?: string;
  force: boolean;
  json: boolean;
  format: boolean;
}

async function runConvert(args: ConvertArgs): Promise<number> {
  const files = readInputs(args.input);
  // A prettier configuration where the output goes (or above it) is the team's style.
  const prettier = !args.format ? false : args.output ? await resolveFormatOptions(path.resolve(isProjectTarget(args.output) ? path.join(args.output, "index.ts") : args.output)) : {};
  const result = await convert(files, { prettier });
  let written: string[] = [];
  if (args.output) {
    written = isProjectTarget(args.output)
      ? writeProject(args.output, result.code, result.packages, { force: args.force })
      : writeProgram(args.output, result.code, { force: args.force });
  }
  if (args.json) {
    const report = { ok: result.ok, format: result.format, written, diagnostics: result.diagnostics, ...(args.output ? {} : { code: result.code }) };
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    if (!args.output) process.stdout.write(result.code);
    for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    for (const w of written) process.stderr.write(`wrote ${w}\n`);
  }
  return result.ok ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const parser = yargs(argv)
    .scriptName("pulumigrate")
    .usage("$0 convert <input> [-o index.ts | -o project-dir/]")
    .command(
      "convert <input>",
      "convert a Terraform file or module directory into a Pulumi TypeScript program",
      (y) =>
        y
          .positional("input", { type: "string", demandOption: true, describe: "a .tf file or a module directory" })
          .option("output", { alias: "o", type: "string", describe: "a .ts file, or a directory for a whole Pulumi project (default: stdout)" })
          .option("force", { type: "boolean", default: false, describe: "overwrite existing output files" })
          .option("json", { type: "boolean", default: false, describe: "print a JSON report (diagnostics, files written) on stdout" })
          .option("format", { type: "boolean", default: true, describe: "format the program with prettier (--no-format prints it raw, faster)" }),
      async (a) => {
        code = await runConvert({ input: a.input, force: a.force, json: a.json, format: a.format, ...(a.output ? { output: a.output } : {}) });
      },
    )
    .demandCommand(1, "name a command: convert")
    .strict()
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    })
    .help()
    .version();
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pulumigrate: error: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`pulumigrate: internal error: ${message} (please report this with the input that caused it)\n`);
    return 1;
  }
  return code;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
