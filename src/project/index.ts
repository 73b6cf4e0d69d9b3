/**
 * A directory converted into a Pulumi project: the module tree (src/tree) plus the project's
 * own files, and the root module's variable values (`terraform.tfvars`, `*.auto.tfvars`,
 * `--var-file`) as `Pulumi.<stack>.yaml`.
 */
import { append } from "../model/append.js";
import path from "node:path";
import type { Summary, Timings } from "../convert.js";
import type { FormatOptions } from "../emitters/typescript/format.js";
import { defaultProviderConfig } from "../mappers/terraform/index.js";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import { parseTfvars } from "../parsers/terraform/tfvars.js";
import { convertTree, listingOnce, type ComponentInfo, type ModuleLoader } from "../tree/index.js";
import type { Skipped } from "../state/index.js";
import type { ImportBlock, MovedBlock, RemovedBlock } from "../model/program.js";
import { referencedPaths } from "../emitters/typescript/reads.js";
import { withAssets } from "./assets.js";
import { diskLoader, type OutputFile } from "./disk.js";
import { checkStackName, packageJson, projectName, pulumiYaml, stackConfig, tsconfigJson, type VariableValue } from "./files.js";

export { cannotWrite, checkOutputPath, commitStaged, diskLoader, isDirectory, isProjectTarget, readInputs, stageFiles, UsageError, writeFiles, writeProgram, type OutputFile } from "./disk.js";
export { withAssets } from "./assets.js";
export { convertTemplateProject, type TemplateProjectOptions, type TemplateProjectResult } from "./template.js";
export { checkStackName, packageJson, packageVersions, programProject, projectName, pulumiYaml, tsconfigJson } from "./files.js";

export interface ProjectOptions {
  /** Prettier options for the programs; `false` prints raw text. */
  readonly prettier?: false | FormatOptions;
  /** The stack whose configuration the variable values become (`Pulumi.<stack>.yaml`); default `dev`. */
  readonly stack?: string;
  /** More variable definitions files, applied after the root module's own, in order (`-var-file`). */
  readonly varFiles?: readonly string[];
  /** The project name; default the directory's name. */
  readonly name?: string;
  /** How the tree is read; default the disk. */
  readonly loader?: ModuleLoader;
  /** When given, milliseconds spent in each stage are added to it. */
  readonly timings?: Timings;
  /** A Terraform state file (`terraform.tfstate`, or `terraform show -json` output): the project gets the `import.json` that adopts its resources. */
  readonly state?: string;
}

export interface ProjectResult {
  /** Every file of the project, paths relative to its folder. */
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
  readonly components: readonly ComponentInfo[];
  /** Variables whose values were left out because they are secrets. */
  readonly secrets: readonly string[];
  readonly stack: string;
  readonly name: string;
  readonly summary: Summary;
  /** The `.tf` files read (the root module's and every converted module's). */
  readonly sources: readonly string[];
  /** Every file read: the sources, the variable definitions files, the state file. */
  readonly inputs: readonly string[];
  /** With a state file: how many resources `import.json` adopts, and which it leaves out and why. */
  readonly imports?: { readonly imported: number; readonly skipped: readonly Skipped[] };
}

/** The definitions files Terraform reads by itself, in its order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name. */
function definitionsFiles(dir: string, loader: ModuleLoader): string[] {
  const names = loader.list(dir);
  const auto = names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort();
  return [...["terraform.tfvars", "terraform.tfvars.json"].filter((n) => names.includes(n)), ...auto].map((n) => path.join(dir, n));
}

export async function convertProject(dir: string, options: ProjectOptions = {}): Promise<ProjectResult> {
  const loader = listingOnce(options.loader ?? diskLoader);
  const stack = checkStackName(options.stack ?? "dev");
  const name = projectName(options.name ?? path.basename(path.resolve(dir)));
  const tree = await convertTree(dir, loader, { ...(options.prettier !== undefined ? { prettier: options.prettier } : {}), ...(options.timings ? { timings: options.timings } : {}) });
  const diagnostics: Diagnostic[] = [...tree.diagnostics];

  const values: VariableValue[] = [];
  const definitions = [...definitionsFiles(dir, loader), ...(options.varFiles ?? [])];
  for (const file of definitions) {
    const text = loader.readFile(file);
    if (text === undefined) {
      diagnostics.push(diagnostic("PG1002", "error", `cannot read variable definitions file ${file}`));
      continue;
    }
    const parsed = await parseTfvars({ path: file, text });
    append(diagnostics, parsed.diagnostics);
    for (const v of parsed.values) {
      const decl = tree.variables.find((d) => d.key === v.name);
      if (!decl) diagnostics.push(diagnostic("PG2008", "warning", `'${v.name}' is set here but the root module declares no such variable; it is left out`, v.loc));
      else if (decl.secret) diagnostics.push(diagnostic("PG2014", "warning", `'${v.name}' is a secret: its value is left out of Pulumi.${stack}.yaml; set it with \`pulumi config set --secret ${v.name} …\``, v.loc));
      values.push({ name: v.name, value: v.value });
    }
  }
  const provider = defaultProviderConfig(tree.rootSource);
  const config = stackConfig(name, tree.variables, values, provider);

  let files: OutputFile[] = [
    { path: "Pulumi.yaml", content: pulumiYaml(name) },
    ...(config.text ? [{ path: `Pulumi.${stack}.yaml`, content: config.text }] : []),
    { path: "package.json", content: packageJson(name, tree.packages) },
    { path: "tsconfig.json", content: tsconfigJson() },
    ...tree.files,
  ];
  // The files the programs read, at the same paths relative to the project as to the root module.
  files = withAssets(files, dir, referencedPaths([tree.root, ...tree.programs.values()]), loader, diagnostics);
  let imports: ProjectResult["imports"];
  // The state beside the root and its import blocks: the import file that adopts what exists.
  const blocks = tree.rootSource.items.filter((i): i is ImportBlock => i.kind === "import");
  const refactors = tree.rootSource.items.filter((i): i is MovedBlock | RemovedBlock => i.kind === "moved" || i.kind === "removed");
  const stateText = options.state ? loader.readFile(options.state) : undefined;
  if (options.state && stateText === undefined) diagnostics.push(diagnostic("PG1002", "error", `cannot read state file ${options.state}`));
  if (stateText !== undefined || blocks.length) {
    const { terraformImports } = await import("../state/index.js");
    const r = terraformImports(stateText !== undefined ? { path: options.state!, text: stateText } : undefined, tree, { project: name, stack, blocks, refactors });
    append(diagnostics, r.diagnostics);
    files.push({ path: "import.json", content: JSON.stringify(r.file, null, 2) + "\n" });
    imports = { imported: r.imported, skipped: r.skipped };
  }
  const sorted = sortDiagnostics(diagnostics);
  return { files, diagnostics: sorted, ok: !hasErrors(sorted), components: tree.components, secrets: config.secrets, stack, name, summary: tree.summary, sources: tree.sources, inputs: [...tree.sources, ...definitions, ...(options.state ? [options.state] : [])], ...(imports ? { imports } : {}) };
}
