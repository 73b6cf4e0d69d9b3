#!/usr/bin/env node
/** The command line: a thin shell over convert(), convertProject() and the writers. */
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import path from "node:path";
import { migrate } from "./bulk/index.js";
import { progressPrinter, summaryTable } from "./bulk/progress.js";
import { convert } from "./convert.js";
import { resolveFormatOptions } from "./emitters/typescript/format.js";
import { formatDiagnostic, type Diagnostic } from "./model/diagnostics.js";
import {
  convertProject, diskLoader, isDirectory, isProjectTarget, programProject, projectName, readInputs, UsageError, writeFiles, writeProgram,
} from "./project/index.js";
import { cloudFormationImports, terraformImports, type StateImportResult } from "./state/index.js";
import { convertTree } from "./tree/index.js";

interface ConvertArgs {
  input: string;
  output?: string;
  force: boolean;
  json: boolean;
  format: boolean;
  stack: string;
  varFile: string[];
  state?: string;
}

interface MigrateArgs {
  input: string;
  output?: string;
  force: boolean;
  json: boolean;
  format: boolean;
  stack: string;
  include: string[];
  exclude: string[];
  jobs?: number;
  verify: boolean;
  timeout: number;
}

/** A repository: every root module and template, each its own project under -o. */
async function runMigrate(args: MigrateArgs): Promise<number> {
  if (!args.output) throw new UsageError("a repository converts into a folder of projects: name it with -o <folder>");
  if (!isDirectory(args.input)) throw new UsageError(`${args.input}: not a directory (--recursive walks a repository)`);
  // Progress goes where people look: stdout, or stderr when stdout carries the JSON report.
  const stream = args.json ? process.stderr : process.stdout;
  const report = await migrate(args.input, {
    out: args.output,
    force: args.force,
    format: args.format,
    stack: args.stack,
    include: args.include,
    exclude: args.exclude,
    verify: args.verify,
    timeoutMs: args.timeout * 1000,
    ...(args.jobs ? { jobs: args.jobs } : {}),
    onProgress: progressPrinter(stream, stream.isTTY === true),
  });
  if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else process.stdout.write(summaryTable(report));
  return report.totals.withErrors > 0 || report.totals.failed > 0 || report.totals.timedOut > 0 ? 1 : 0;
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
  if (args.state && !isDirectory(args.input)) throw new UsageError("--state reads the state of a root module: convert its directory (pulumigrate convert <dir> -o <folder>/ --state <file>)");
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
    written = writeFiles(args.output, programProject(path.basename(path.resolve(args.output)), result.code, result.packages), { force: args.force });
  } else if (args.output) written = writeProgram(args.output, result.code, { force: args.force });
  return { ok: result.ok, format: result.format, written, diagnostics: result.diagnostics, ...(args.output ? {} : { code: result.code }) };
}

/** A module directory: a project when it calls modules (or when -o names a folder), else one program. */
async function convertDirectory(args: ConvertArgs, project: boolean, prettier: false | object): Promise<Outcome> {
  readInputs(args.input);
  if (args.state && !project) throw new UsageError("--state writes import.json into the project: name a project folder with -o <folder>/");
  const result = await convertProject(args.input, { prettier, stack: args.stack, varFiles: args.varFile, ...(project ? { name: path.basename(path.resolve(args.output!)) } : {}), ...(args.state ? { state: args.state } : {}) });
  const index = result.files.find((f) => f.path === "index.ts")!.content;
  const base = { ok: result.ok, format: "terraform", diagnostics: result.diagnostics, components: result.components };
  if (project) return { ...base, written: writeFiles(args.output!, result.files, { force: args.force }), secrets: result.secrets };
  if (result.components.length) {
    throw new UsageError(`${args.input} calls modules, which become component files: convert it into a project folder (pulumigrate convert ${args.input} -o <folder>/)`);
  }
  if (args.output) return { ...base, written: writeProgram(args.output, index, { force: args.force }) };
  return { ...base, written: [], code: index };
}

function withConvertOptions<T>(y: Argv<T>) {
  return y
    .positional("input", { type: "string", demandOption: true, describe: "a .tf file, a module directory, a CloudFormation template, or a repository (with --recursive)" })
    .option("output", { alias: "o", type: "string", describe: "a .ts file, or a folder for a whole Pulumi project (default: stdout); for a repository, the folder of projects" })
    .option("force", { type: "boolean", default: false, describe: "overwrite existing output files (a repository run keeps existing projects without it)" })
    .option("json", { type: "boolean", default: false, describe: "print a JSON report (diagnostics, files written; for a repository the whole report) on stdout" })
    .option("format", { type: "boolean", default: true, describe: "format the program with prettier (--no-format prints it raw, faster)" })
    .option("stack", { type: "string", default: "dev", describe: "the stack whose Pulumi.<stack>.yaml the variable values (terraform.tfvars) become" })
    .option("var-file", { type: "string", array: true, default: [] as string[], describe: "more variable definitions files, applied after terraform.tfvars and *.auto.tfvars" })
    .option("state", { type: "string", describe: "a module directory's Terraform state: the project gets import.json, which adopts its resources" });
}

function withMigrateOptions<T>(y: Argv<T>) {
  return y
    .option("include", { type: "string", array: true, default: [] as string[], describe: "repository: only paths matching these globs (e.g. 'envs/**')" })
    .option("exclude", { type: "string", array: true, default: [] as string[], describe: "repository: skip paths matching these globs" })
    .option("jobs", { alias: "j", type: "number", describe: "repository: worker threads (default: one per core)" })
    .option("verify", { type: "boolean", default: false, describe: "repository: type-check every project and run it under Pulumi's mocks; results in the report" })
    .option("timeout", { type: "number", default: 300, describe: "repository: seconds one project may take before it is stopped and reported" });
}

function migrateArgs(a: { input: string; output?: string | undefined; force: boolean; json: boolean; format: boolean; stack: string; include: string[]; exclude: string[]; jobs?: number | undefined; verify: boolean; timeout: number }): MigrateArgs {
  return { input: a.input, force: a.force, json: a.json, format: a.format, stack: a.stack, include: a.include, exclude: a.exclude, verify: a.verify, timeout: a.timeout, ...(a.output ? { output: a.output } : {}), ...(a.jobs ? { jobs: a.jobs } : {}) };
}

interface ImportArgs {
  state: string;
  program: string;
  output?: string;
  project?: string;
  stack: string;
  force: boolean;
  json: boolean;
}

/** A state file and the source it was applied from → the `pulumi import --file` document. */
async function runImport(args: ImportArgs): Promise<number> {
  const stateText = readInputs(args.state)[0]!.text;
  const state = { path: args.state, text: stateText };
  // The project the resources go into: the -o folder's Pulumi.yaml names it, else the source folder.
  const beside = args.output ? path.join(path.dirname(path.resolve(args.output)), "Pulumi.yaml") : undefined;
  const named = beside ? /^name:\s*['"]?([^'"\n]+)/m.exec(diskLoader.readFile(beside) ?? "")?.[1]?.trim() : undefined;
  const project = args.project ?? named ?? projectName(path.basename(path.resolve(isDirectory(args.program) ? args.program : path.dirname(args.program))));
  const options = { project, stack: args.stack };
  let result: StateImportResult;
  if (/"StackResources"\s*:/.test(stateText)) {
    if (isDirectory(args.program)) throw new UsageError(`${args.state} lists a CloudFormation stack's resources: --program names its template`);
    result = cloudFormationImports(state, readInputs(args.program)[0]!, options);
  } else {
    if (!isDirectory(args.program)) throw new UsageError(`${args.state} is a Terraform state: --program names the root module directory it was applied from`);
    const tree = await convertTree(args.program, diskLoader, { prettier: false });
    result = terraformImports(state, tree, options);
  }
  const text = JSON.stringify(result.file, null, 2) + "\n";
  const written = args.output ? writeProgram(args.output, text, { force: args.force }) : [];
  if (args.json) process.stdout.write(JSON.stringify({ ok: result.ok, imported: result.imported, skipped: result.skipped, diagnostics: result.diagnostics, written, ...(args.output ? {} : { file: result.file }) }, null, 2) + "\n");
  else {
    if (!args.output) process.stdout.write(text);
    for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    for (const w of written) process.stderr.write(`wrote ${w}: ${result.imported} resources to import, ${result.skipped.length} left out\n`);
  }
  return result.ok ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const parser = yargs(argv)
    .scriptName("pulumigrate")
    .usage("$0 convert <input> [-o index.ts | -o project-dir/]\n$0 migrate <repository> -o <folder>")
    .command(
      "convert <input>",
      "convert into Pulumi TypeScript: a Terraform file, a module directory (with the modules it calls), a CloudFormation template, or a whole repository with --recursive",
      (y) => withMigrateOptions(withConvertOptions(y)).option("recursive", { alias: "r", type: "boolean", default: false, describe: "walk a repository: every root module and template becomes its own project under -o" }),
      async (a) => {
        code = a.recursive ? await runMigrate(migrateArgs(a)) : await runConvert({ input: a.input, force: a.force, json: a.json, format: a.format, stack: a.stack, varFile: a.varFile, ...(a.output ? { output: a.output } : {}), ...(a.state ? { state: a.state } : {}) });
      },
    )
    .command(
      "migrate <input>",
      "convert a whole repository (the same as convert --recursive)",
      (y) => withMigrateOptions(withConvertOptions(y)),
      async (a) => {
        code = await runMigrate(migrateArgs(a));
      },
    )
    .command(
      "import <state>",
      "the pulumi import file for existing resources: a Terraform state (terraform.tfstate, terraform show -json) or a CloudFormation stack's describe-stack-resources JSON",
      (y) =>
        y
          .positional("state", { type: "string", demandOption: true, describe: "the state file, or the describe-stack-resources JSON" })
          .option("program", { alias: "p", type: "string", demandOption: true, describe: "what the program was converted from: the Terraform root module directory, or the CloudFormation template" })
          .option("output", { alias: "o", type: "string", describe: "the import file to write (default: stdout), e.g. out/import.json" })
          .option("project", { type: "string", describe: "the Pulumi project (default: the name in Pulumi.yaml beside -o, else the source folder's)" })
          .option("stack", { type: "string", default: "dev", describe: "the stack the resources are imported into" })
          .option("force", { type: "boolean", default: false, describe: "overwrite an existing import file" })
          .option("json", { type: "boolean", default: false, describe: "print a JSON report (imported, left out and why)" }),
      async (a) => {
        code = await runImport({ state: a.state, program: a.program, stack: a.stack, force: a.force, json: a.json, ...(a.output ? { output: a.output } : {}), ...(a.project ? { project: a.project } : {}) });
      },
    )
    .example("$0 convert main.tf", "a Terraform file: the program on stdout, diagnostics on stderr")
    .example("$0 convert main.tf -o index.ts", "one program file")
    .example("$0 convert infra/ -o out/ --stack prod", "a root module and the modules it calls → a Pulumi project, terraform.tfvars → Pulumi.prod.yaml")
    .example("$0 convert template.yaml -o out/", "a CloudFormation template (YAML or JSON, told by content) → a project")
    .example("$0 convert infra/ -o out/ --state infra/terraform.tfstate", "the project and out/import.json, which adopts every resource of the state: pulumi import --file out/import.json")
    .example("$0 import stack.json --program template.yaml -o out/import.json", "a CloudFormation stack's resources (aws cloudformation describe-stack-resources) → the import file")
    .example("$0 migrate repo/ -o out/ --verify", "every root module and template of a repository, in parallel, type-checked and run under mocks; report in out/pulumigrate-report.md")
    .example("$0 convert repo/ -r -o out/ --exclude 'legacy/**' --jobs 4", "the same, narrowed, on 4 workers")
    .demandCommand(1, "name a command: convert, migrate or import")
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

/** Exits once stdout and stderr are flushed, without waiting for the parser runtime's idle timers. */
function exit(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

main(hideBin(process.argv)).then(exit, () => exit(1));
