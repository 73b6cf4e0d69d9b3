/**
 * The command line: options and help; each command's work is in its own module, loaded when it
 * runs (a conversion does not pay for the worker pool, nor an import for the formatter). Started
 * by src/cli.ts.
 */
import type { Argv } from "yargs";
import { cacheDirectory } from "../emitters/typescript/code-cache.js";
import { useFormatCache } from "../emitters/typescript/format-cache.js";
import { startFormatter } from "../emitters/typescript/prettier.js";
import { startParser } from "../parsers/terraform/hcl2json.js";
import { isDirectory, UsageError } from "../project/disk.js";
import type { MigrateArgs } from "./migrate.js";
import { isRepositoryRun } from "./input-size.js";

/**
 * What a one-project conversion will need, started before anything else loads (yargs, the
 * converter, prettier load while the parser's WASM compiles on background threads). A guess from
 * the words of the command line: a wrong one costs background work, never a different result.
 * A template has no parser to wait for: prettier is loaded when a statement needs it (often
 * none does: format-cache.ts keeps earlier runs' answers).
 */
function startEarly(args: readonly string[]): void {
  if (args.some((a) => /^(-h|--help|--version)$/.test(a))) return;
  if (isRepositoryRun(args)) {
    // A repository run: its workers start loading now.
    const jobs = jobsOf(args);
    if (jobs === undefined || (Number.isInteger(jobs) && jobs > 0)) void import("../bulk/pool.js").then((p) => p.startPoolEarly(p.workerCount(jobs)), () => undefined);
    return;
  }
  if (args[0] !== "convert") return;
  const format = !args.includes("--no-format");
  if (format) useFormatCache(cacheDirectory());
  if (!args.slice(1).some((a) => a.endsWith(".tf") || (!a.startsWith("-") && isDirectory(a)))) return;
  startParser();
  if (format) startFormatter();
}

/** The worker count a command line asks for (`-j 4`, `--jobs 4`, `--jobs=4`), if it asks. */
function jobsOf(args: readonly string[]): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^(?:-j|--jobs)(?:=(.*))?$/.exec(args[i]!);
    if (m) return Number(m[1] ?? args[i + 1]);
  }
  return undefined;
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
    .option("jobs", { alias: "j", type: "number", describe: "repository: worker threads (default: one per core; at most four per core)" })
    .option("verify", { type: "boolean", default: false, describe: "repository: type-check every project and run it under Pulumi's mocks; results in the report" })
    .option("timeout", { type: "number", default: 300, describe: "repository: seconds one project may take before it is stopped and reported" });
}

function migrateArgs(a: { input: string; output?: string | undefined; force: boolean; json: boolean; format: boolean; stack: string; include: string[]; exclude: string[]; jobs?: number | undefined; verify: boolean; timeout: number }): MigrateArgs {
  return { input: a.input, force: a.force, json: a.json, format: a.format, stack: a.stack, include: a.include, exclude: a.exclude, verify: a.verify, timeout: a.timeout, ...(a.output ? { output: a.output } : {}), ...(a.jobs !== undefined ? { jobs: a.jobs } : {}) };
}

/** What parsing leaves, for any of the commands (yargs checked each command's own options). */
interface Parsed {
  readonly _: readonly (string | number)[];
  readonly input: string;
  readonly output?: string;
  readonly force: boolean;
  readonly json: boolean;
  readonly format: boolean;
  readonly stack: string;
  readonly varFile: string[];
  readonly state?: string;
  readonly recursive?: boolean;
  readonly include: string[];
  readonly exclude: string[];
  readonly jobs?: number;
  readonly verify: boolean;
  readonly timeout: number;
  readonly program?: string;
  readonly project?: string;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const { default: yargs } = await import("yargs");
  const parser = yargs(argv)
    .scriptName("pulumigrate")
    .usage("$0 convert <input> [-o index.ts | -o project-dir/]\n$0 migrate <repository> -o <folder>")
    .command(
      "convert <input>",
      "convert into Pulumi TypeScript: a Terraform file, a module directory (with the modules it calls), a CloudFormation template, or a whole repository with --recursive",
      (y) => withMigrateOptions(withConvertOptions(y)).option("recursive", { alias: "r", type: "boolean", default: false, describe: "walk a repository: every root module and template becomes its own project under -o" }),
    )
    .command(
      "migrate <input>",
      "convert a whole repository (the same as convert --recursive)",
      (y) => withMigrateOptions(withConvertOptions(y)),
    )
    .command(
      "import <state..>",
      "the pulumi import file for existing resources: a Terraform state (terraform.tfstate, terraform show -json) or a CloudFormation stack's describe-stack-resources JSON (and its nested stacks')",
      (y) =>
        y
          .positional("state", { type: "string", array: true, demandOption: true, describe: "the state file, or the describe-stack-resources JSON of the stack, then of each nested stack whose template is converted with it" })
          .option("program", { alias: "p", type: "string", demandOption: true, describe: "what the program was converted from: the Terraform root module directory, or the CloudFormation template" })
          .option("output", { alias: "o", type: "string", describe: "the import file to write (default: stdout), e.g. out/import.json" })
          .option("project", { type: "string", describe: "the Pulumi project (default: the name in Pulumi.yaml beside -o, else the source folder's)" })
          .option("stack", { type: "string", default: "dev", describe: "the stack the resources are imported into" })
          .option("force", { type: "boolean", default: false, describe: "overwrite an existing import file" })
          .option("json", { type: "boolean", default: false, describe: "print a JSON report (imported, left out and why)" }),
    )
    .example("$0 convert main.tf", "a Terraform file: the program on stdout, diagnostics on stderr")
    .example("$0 convert main.tf -o index.ts", "one program file")
    .example("$0 convert infra/ -o out/ --stack prod", "a root module and the modules it calls → a Pulumi project, terraform.tfvars → Pulumi.prod.yaml")
    .example("$0 convert template.yaml -o out/", "a CloudFormation template (YAML or JSON, told by content) → a project")
    .example("$0 convert infra/ -o out/ --state infra/terraform.tfstate", "the project and out/import.json, which adopts every resource of the state: pulumi import --file out/import.json")
    .example("$0 import stack.json --program template.yaml -o out/import.json", "a CloudFormation stack's resources (aws cloudformation describe-stack-resources) → the import file")
    .example("$0 import stack.json network.json --program template.yaml -o out/import.json", "the same with a nested stack's resources, imported into the component its template became")
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
  // yargs renders a command's whole help text (~35 ms, every example wrapped) after parsing it, in
  // case its handler asks for help; nothing here does (failures go through .fail), so that
  // rendering is switched off. Guarded: a yargs without this internal simply renders it.
  const usage = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === "function") usage.cacheHelpMessage = () => undefined;
  try {
    // The commands run once yargs has parsed and checked the arguments.
    const a = (await parser.parseAsync()) as unknown as Parsed;
    const command = String(a._[0]);
    if (command === "import") {
      code = await (await import("./import.js")).runImport({ state: ([] as string[]).concat(a.state as string | string[]), program: a.program!, stack: a.stack, force: a.force, json: a.json, ...(a.output ? { output: a.output } : {}), ...(a.project ? { project: a.project } : {}) });
    } else if (command === "migrate" || a.recursive) {
      code = await (await import("./migrate.js")).runMigrate(migrateArgs(a));
    } else {
      code = await (await import("./convert.js")).runConvert({ input: a.input, force: a.force, json: a.json, format: a.format, stack: a.stack, varFile: a.varFile, ...(a.output ? { output: a.output } : {}), ...(a.state ? { state: a.state } : {}) });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pulumigrate: error: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    // The file system said no (a full disk, no permission, a path that changed under us): not a bug of ours.
    if (typeof (e as NodeJS.ErrnoException).code === "string" && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!) && (e as NodeJS.ErrnoException).path !== undefined) {
      process.stderr.write(`pulumigrate: error: ${message}\n`);
      return 1;
    }
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

/** Runs the command line `args` (without node and the script) and exits with its code. */
export function run(args: string[]): void {
  startEarly(args);
  // After what startEarly began has had its turn (the worker pool starts in a promise callback;
  // yargs, ~100 ms to load, would otherwise come first).
  setImmediate(() => main(args).then(exit, () => exit(1)));
}
