/** `pulumigrate convert`: a file, a template or a module directory, to stdout, a program file or a project folder. */
import path from "node:path";
import { convert, detectFormat } from "../convert.js";
import { resolveFormatOptions } from "../emitters/typescript/format.js";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import { checkOutputPath, diskLoader, isDirectory, isProjectTarget, readInputs, refuseExistingOutput, UsageError, writeFiles, writeProgram } from "../project/disk.js";
import { programProject } from "../project/files.js";
import { withAssets } from "../project/assets.js";

export interface ConvertArgs {
  input: string;
  output?: string;
  force: boolean;
  json: boolean;
  format: boolean;
  stack: string;
  varFile: string[];
  state?: string;
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

export async function runConvert(args: ConvertArgs): Promise<number> {
  // A prettier configuration where the output goes (or above it) is the team's style.
  const project = args.output !== undefined && isProjectTarget(args.output);
  if (args.output !== undefined) {
    checkOutputPath(args.output, project);
    // Before the input is read: an output that is there already is refused at once, however large the input.
    refuseExistingOutput(args.output, project, args.input, args.force);
  }
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
  const inputs = readInputs(args.input);
  if (args.output && project && detectFormat(inputs) === "cloudformation") {
    // A template into a project folder: with the nested templates it names by a local path, as components.
    const { convertTemplateProject } = await import("../project/template.js");
    const r = await convertTemplateProject(args.input, inputs[0]!.text, { name: path.basename(path.resolve(args.output)), prettier });
    const written = writeFiles(args.output, r.files, { force: args.force, inputs: r.sources });
    return { ok: r.ok, format: "cloudformation", written, diagnostics: r.diagnostics, ...(r.components.length ? { components: r.components } : {}) };
  }
  const result = await convert(inputs, { prettier });
  let written: string[] = [];
  const diagnostics = [...result.diagnostics];
  if (args.output && project) {
    // A Terraform file into a folder (a template went the way above): the project carries the files the program reads, from beside the file.
    const files = withAssets(programProject(path.basename(path.resolve(args.output)), result.code, result.packages), path.dirname(path.resolve(args.input)), result.reads, diskLoader, diagnostics, "file's folder");
    written = writeFiles(args.output, files, { force: args.force, inputs: [args.input] });
  } else if (args.output) written = writeProgram(args.output, result.code, { force: args.force, inputs: [args.input] });
  return { ok: result.ok, format: result.format, written, diagnostics: sortDiagnostics(diagnostics), ...(args.output ? {} : { code: result.code }) };
}

/** A module directory: a project when it calls modules (or when -o names a folder), else one program. */
async function convertDirectory(args: ConvertArgs, project: boolean, prettier: false | object): Promise<Outcome> {
  if (!diskLoader.list(args.input).some((f) => f.endsWith(".tf"))) throw new UsageError(`${args.input}: the directory holds no .tf files`);
  if (args.state && !project) throw new UsageError("--state writes import.json into the project: name a project folder with -o <folder>/");
  // Loaded for a module directory only (a template's conversion needs none of the Terraform tree).
  const { convertProject } = await import("../project/index.js");
  const result = await convertProject(args.input, { prettier, stack: args.stack, varFiles: args.varFile, ...(project ? { name: path.basename(path.resolve(args.output!)) } : {}), ...(args.state ? { state: args.state } : {}) });
  const index = String(result.files.find((f) => f.path === "index.ts")!.content);
  const base = { ok: result.ok, format: "terraform", diagnostics: result.diagnostics, components: result.components };
  // What the conversion read is never written over: the modules' .tf files, the variable files, the state.
  const inputs = result.inputs;
  if (project) return { ...base, written: writeFiles(args.output!, result.files, { force: args.force, inputs }), secrets: result.secrets };
  if (result.components.length) {
    throw new UsageError(`${args.input} calls modules, which become component files: convert it into a project folder (pulumigrate convert ${args.input} -o <folder>/)`);
  }
  if (args.output) return { ...base, written: writeProgram(args.output, index, { force: args.force, inputs }) };
  return { ...base, written: [], code: index };
}

