/** `pulumigrate import`: a state file and the source it was applied from → the `pulumi import --file` document. */
import path from "node:path";
import { formatDiagnostic } from "../model/diagnostics.js";
import { checkOutputPath, checkStackName, diskLoader, isDirectory, projectName, readInputs, UsageError, writeProgram } from "../project/index.js";
import { cloudFormationImports, terraformImports, type StateImportResult } from "../state/index.js";
import type { ImportBlock, MovedBlock, RemovedBlock } from "../model/program.js";
import { convertTree } from "../tree/index.js";

export interface ImportArgs {
  /** The state, or the describe-stack-resources JSON of a stack and of its nested stacks. */
  state: readonly string[];
  program: string;
  output?: string;
  project?: string;
  stack: string;
  force: boolean;
  json: boolean;
}

/** A state file and the source it was applied from → the `pulumi import --file` document. */
export async function runImport(args: ImportArgs): Promise<number> {
  if (args.output) checkOutputPath(args.output, false);
  const states = args.state.map((f) => ({ path: f, text: readInputs(f)[0]!.text }));
  const state = states[0]!;
  const stateText = state.text;
  // The project the resources go into: the -o folder's Pulumi.yaml names it, else the source folder.
  const beside = args.output ? path.join(path.dirname(path.resolve(args.output)), "Pulumi.yaml") : undefined;
  const named = beside ? /^name:\s*['"]?([^'"\n]+)/m.exec(diskLoader.readFile(beside) ?? "")?.[1]?.trim() : undefined;
  const project = args.project ?? named ?? projectName(path.basename(path.resolve(isDirectory(args.program) ? args.program : path.dirname(args.program))));
  const options = { project, stack: checkStackName(args.stack) };
  let result: StateImportResult;
  // What is read is never written over: the state, the template or the module's .tf files.
  let inputs: readonly string[] = args.state;
  if (/"StackResources"\s*:/.test(stateText)) {
    if (isDirectory(args.program)) throw new UsageError(`${state.path} lists a CloudFormation stack's resources: --program names its template`);
    const other = states.find((s) => !/"StackResources"\s*:/.test(s.text));
    if (other) throw new UsageError(`${other.path}: after a stack's describe-stack-resources JSON, each further file is a nested stack's (it holds no StackResources list)`);
    result = cloudFormationImports(states, readInputs(args.program)[0]!, options);
    inputs = [...args.state, args.program];
  } else {
    if (states.length > 1) throw new UsageError(`${state.path} is a Terraform state: one state file per root module (got ${states.length})`);
    if (!isDirectory(args.program)) throw new UsageError(`${state.path} is a Terraform state: --program names the root module directory it was applied from`);
    const tree = await convertTree(args.program, diskLoader, { prettier: false });
    // The root's import blocks too, as a project conversion adopts them.
    result = terraformImports(state, tree, { ...options, blocks: tree.rootSource.items.filter((i): i is ImportBlock => i.kind === "import"), refactors: tree.rootSource.items.filter((i): i is MovedBlock | RemovedBlock => i.kind === "moved" || i.kind === "removed") });
    inputs = [state.path, ...tree.sources];
  }
  const text = JSON.stringify(result.file, null, 2) + "\n";
  const written = args.output ? writeProgram(args.output, text, { force: args.force, inputs }) : [];
  if (args.json) process.stdout.write(JSON.stringify({ ok: result.ok, imported: result.imported, skipped: result.skipped, diagnostics: result.diagnostics, written, ...(args.output ? {} : { file: result.file }) }, null, 2) + "\n");
  else {
    if (!args.output) process.stdout.write(text);
    for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    for (const w of written) process.stderr.write(`wrote ${w}: ${result.imported} resources to import, ${result.skipped.length} left out\n`);
  }
  return result.ok ? 0 : 1;
}

