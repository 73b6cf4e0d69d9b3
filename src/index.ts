/**
 * The programmatic API: `import { convert, convertProject } from "pulumigrate"`.
 * - `convert(files)`: one Terraform module's files, or one CloudFormation template, to one program.
 * - `convertProject(dir)`: a Terraform root module with the modules it calls, read from disk,
 *   to every file of a Pulumi project (nothing is written; `writeFiles` writes them).
 * - `convertTree(dir, loader)`: the same tree read through your own loader.
 * - `convertTemplateProject(file, text, { name })`: a CloudFormation template with the nested
 *   templates it names by a local path (components), to every file of a Pulumi project.
 * - `migrate(repo, { out })`: a whole repository, every root module and template a project under
 *   `out` (on worker threads, written atomically), with the report the command line writes.
 */
import type { BulkReport, MigrateOptions } from "./bulk/index.js";
export { convert, detectFormat } from "./convert.js";
export type { ConvertOptions, ConvertResult, SourceFile, SourceFormat, Timings } from "./convert.js";
export { convertProject, convertTemplateProject, writeFiles } from "./project/index.js";
export type { OutputFile, ProjectOptions, ProjectResult, TemplateProjectOptions, TemplateProjectResult } from "./project/index.js";
export { convertTree, componentToken } from "./tree/index.js";
export type { ComponentInfo, ModuleLoader, ProjectFile, TreeOptions, TreeResult } from "./tree/index.js";
export { formatDiagnostic, DIAGNOSTIC_CODES } from "./model/diagnostics.js";
export type { Diagnostic, DiagnosticCode, Severity } from "./model/diagnostics.js";
export type { Location } from "./model/location.js";
export type { BulkReport, MigrateOptions, ProgressEvent, ProjectReport } from "./bulk/index.js";

/** `pulumigrate migrate` as a function (its worker pool and parser load on the first call, not on import). */
export async function migrate(repo: string, options: MigrateOptions): Promise<BulkReport> {
  return (await import("./bulk/index.js")).migrate(repo, options);
}
