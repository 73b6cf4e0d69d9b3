/**
 * A CloudFormation template converted into a Pulumi project: the template tree (src/tree/
 * templates.ts: the template and the nested templates it names by a local path) plus the
 * project's own files, and the files the programs read (a Lambda's `Code: ./src`) copied from
 * beside the template.
 */
import path from "node:path";
import type { Summary, Timings } from "../convert.js";
import type { FormatOptions } from "../emitters/typescript/format.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../model/diagnostics.js";
import type { ComponentInfo, ModuleLoader } from "../tree/index.js";
import { convertTemplateTree } from "../tree/templates.js";
import { withAssets } from "./assets.js";
import { diskLoader, type OutputFile } from "./disk.js";
import { programProject } from "./files.js";

export interface TemplateProjectOptions {
  /** The project name (Pulumi.yaml, package.json). */
  readonly name: string;
  readonly prettier?: false | FormatOptions;
  readonly timings?: Timings;
  /** Reads a file by its path relative to the template's folder (nested templates, AWS::Include snippets); default the disk. */
  readonly read?: (path: string) => string | undefined;
  /** Where the files the programs read are copied from; default the disk. */
  readonly loader?: ModuleLoader;
}

export interface TemplateProjectResult {
  /** Every file of the project, paths relative to its folder. */
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
  readonly components: readonly ComponentInfo[];
  readonly summary: Summary;
  /** The templates converted. */
  readonly sources: readonly string[];
}

export async function convertTemplateProject(file: string, text: string, options: TemplateProjectOptions): Promise<TemplateProjectResult> {
  const tree = await convertTemplateTree(file, text, { ...(options.prettier !== undefined ? { prettier: options.prettier } : {}), ...(options.timings ? { timings: options.timings } : {}), ...(options.read ? { read: options.read } : {}) });
  const diagnostics = [...tree.diagnostics];
  const [index, ...components] = tree.files;
  const files = withAssets([...programProject(options.name, index!.content, tree.packages), ...components], path.dirname(path.resolve(file)), tree.reads, options.loader ?? diskLoader, diagnostics, "template's folder");
  const sorted = sortDiagnostics(diagnostics);
  return { files, diagnostics: sorted, ok: !hasErrors(sorted), components: tree.components, summary: tree.summary, sources: tree.sources };
}
