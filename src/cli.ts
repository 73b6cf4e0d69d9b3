#!/usr/bin/env node
/** The command line: a thin shell over convert(), convertProject() and the writers. */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import path from "node:path";
import { convert } from "./convert.js";
import { resolveFormatOptions } from "./emitters/typescript/format.js";
import { formatDiagnostic, type Diagnostic } from "./model/diagnostics.js";
import {
  convertProject, isDirectory, isProjectTarget, packageJson, projectName, pulumiYaml, readInputs, tsconfigJson, UsageError, writeFiles, writeProgram,
} from "./project/index.js";

interface ConvertArgs {
  input: string;
  output?: string;
  force: boolean;
  json: boolean;
  format: boolean;
  stack: string;
  varFile: string[];
}

interface Outcome {
  ok: boolean;
  format: string;
  written: string[];
  diagnostics: readonly Diagnostic[];
  code?: string;
  components?: unknown;
  secrets?: readonly string[];
}

async function runConvert(args: ConvertArgs): Promise<number> {
  // A prettier configuration where the output goes (or above it) is the team's style.
  const project = args.output !== undefined && isProjectTarget(args.output);
  const prettier = !args.format ? false : args.output ? await resolveFormatOptions(path.resolve(project ? path.join(args.output, "index.ts") : args.output)) : {};
  const outcome = isDirectory(args.input) ? await convertDirectory(args, project, prettier) : await convertFile(args, project, prettier);
  if (args.json) {
    process.stdout.write(JSON.stringify(outcome, null, 2) + "\n");
  } else {
    if (outcome.code !== undefined) process.stdout.write(outcome.code);
    for (const d of outcome.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    for (const w of outcome.written) process.stderr.write(`wrote ${w}\n`);
    for (const s of outcome.secrets ?? []) process.stderr.write(`secret left out: pulumi config set --secret ${s}\n`);
  }
  return outcome.ok ? 0 : 1;
}

async function convertFile(args: ConvertArgs, project: boolean, prettier: false | object): Promise<Outcome> {
  const result = await convert(readInputs(args.input), { prettier });
  let written: string[] = [];
  if (args.output && project) {
    const name = projectName(path.basename(path.resolve(args.output)));
    const files = [
      { path: "Pulumi.yaml", content: pulumiYaml(name) },
      { path: "package.json", content: packageJson(name, result.packages) },
      { path: "tsconfig.json", content: tsconfigJson() },
      { path: "index.ts", content: result.code },
    ];
    written = writeFiles(args.output, files, { force: args.force });
  } else if (args.output) written = writeProgram(args.output, result.code, { force: args.force });
  return { ok: result.ok, format: result.format, written, diagnostics: result.diagnostics, ...(args.output ? {} : { code: result.code }) };
}

/** A module directory: a project when it calls modules (or when -o names a folder), else one program. */
async function convertDirectory(args: ConvertArgs, project: boolean, prettier: false | object): Promise<Outcome> {
  readInputs(args.input);
  const result = await convertProject(args.input, { prettier, stack: args.stack, varFiles: args.varFile, ...(project ? { name: path.basename(path.resolve(args.output!)) } : {}) });
  const index = result.files.find((f) => f.path === "index.ts")!.content;
  const base = { ok: result.ok, format: "terraform", diagnostics: result.diagnostics, components: result.components };
  if (project) return { ...base, written: writeFiles(args.output!, result.files, { force: args.force }), secrets: result.secrets };
  if (result.components.length) {
    throw new UsageError(`${args.input} calls modules, which become component files: convert it into a project folder (pulumigrate convert ${args.input} -o <folder>/)`);
  }
  if (args.output) return { ...base, written: writeProgram(args.output, index, { force: args.force }) };
  return { ...base, written: [], code: index };
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const parser = yargs(argv)
    .scriptName("pulumigrate")
    .usage("$0 convert <input> [-o index.ts | -o project-dir/]")
    .command(
      "convert <input>",
      "convert a Terraform file, a module directory (with the modules it calls) or a CloudFormation template into Pulumi TypeScript",
      (y) =>
        y
          .positional("input", { type: "string", demandOption: true, describe: "a .tf file, a module directory, or a template" })
          .option("output", { alias: "o", type: "string", describe: "a .ts file, or a directory for a whole Pulumi project (default: stdout)" })
          .option("force", { type: "boolean", default: false, describe: "overwrite existing output files" })
          .option("json", { type: "boolean", default: false, describe: "print a JSON report (diagnostics, files written) on stdout" })
          .option("format", { type: "boolean", default: true, describe: "format the program with prettier (--no-format prints it raw, faster)" })
          .option("stack", { type: "string", default: "dev", describe: "the stack whose Pulumi.<stack>.yaml the variable values (terraform.tfvars) become" })
          .option("var-file", { type: "string", array: true, default: [] as string[], describe: "more variable definitions files, applied after terraform.tfvars and *.auto.tfvars" }),
      async (a) => {
        code = await runConvert({ input: a.input, force: a.force, json: a.json, format: a.format, stack: a.stack, varFile: a.varFile, ...(a.output ? { output: a.output } : {}) });
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
