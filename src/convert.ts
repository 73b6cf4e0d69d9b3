/**
 * The whole pipeline as one function: parse → lower → map → type → emit → format. Pure apart
 * from reading nothing: callers hand in the file contents. Diagnostics are returned, never thrown.
 */
import { append } from "./model/append.js";
import { formatProgram, formatStatements, type FormatOptions } from "./emitters/typescript/format.js";
import type { Placeholder } from "./emitters/typescript/env.js";
import { emitProgram, spaceStatements } from "./emitters/typescript/program.js";
import { referencedPaths, type FileRead } from "./emitters/typescript/reads.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./model/diagnostics.js";
import type { PulumiProgram } from "./model/pulumi.js";
import type { SourceFile } from "./parsers/terraform/index.js";
import { typeProgram } from "./typing/index.js";

export type { SourceFile, Placeholder, FileRead };

export type SourceFormat = "terraform" | "cloudformation";

export interface ConvertOptions {
  /** Input format; detected from the file names and contents when omitted. */
  readonly format?: SourceFormat;
  /** When given, milliseconds spent in each stage are added to it (for the benchmark). */
  readonly timings?: Timings;
  /** Prettier options for the output (a team's own style); `false` prints the raw text, unformatted. */
  readonly prettier?: false | FormatOptions;
  /**
   * Reads a file a template names to be converted with it (the local snippet of an
   * `AWS::Include`), by the path written, relative to the template's folder; undefined when
   * there is none. Default: from the disk, beside the template's path.
   */
  readonly read?: (path: string) => string | undefined;
}

/** Milliseconds by stage: `hcl2json.parse`, `hcl2json.expressions`, `scan`, `lower` (Terraform), `parse` (CloudFormation, parse and lower), `map`, `type`, `emit`, `format`. */
export type Timings = Record<string, number>;

export interface ConvertResult {
  /** The Pulumi TypeScript program (index.ts), also when there were errors. */
  readonly code: string;
  readonly diagnostics: readonly Diagnostic[];
  /** True when no error diagnostic was reported. */
  readonly ok: boolean;
  /** npm packages the program imports, for package.json. */
  readonly packages: readonly string[];
  readonly format: SourceFormat;
  /** What was converted and what needs a person. */
  readonly summary: Summary;
  /** The files the program reads when it runs, by the paths written (relative to the input's folder). */
  readonly reads: readonly FileRead[];
}

/** Resource declarations by class (a loop counts once) and the placeholders left with their source text. */
export interface Summary {
  readonly resources: Readonly<Record<string, number>>;
  readonly placeholders: readonly Placeholder[];
}

export function detectFormat(files: readonly SourceFile[]): SourceFormat {
  const f = files[0];
  if (!f) return "terraform";
  if (/\.tf(\.json)?$/i.test(f.path)) return "terraform";
  // A template's own names: a file so named that is no template is reported as one that is not (not as HCL noise).
  if (/\.(ya?ml|json|template)$/i.test(f.path)) return "cloudformation";
  // By content: a JSON object or a YAML mapping with a template section.
  return /^\s*\{/.test(f.text) || /^(AWSTemplateFormatVersion|Resources|Transform|Parameters|Description)\s*:/m.test(f.text) ? "cloudformation" : "terraform";
}

// Each front end is imported once, on its first conversion (not once per conversion).
let cloudFormation: ReturnType<typeof loadCloudFormation> | undefined;
let terraform: ReturnType<typeof loadTerraform> | undefined;
const loadCloudFormation = async () => {
  const [p, m] = await Promise.all([import("./parsers/cloudformation/index.js"), import("./mappers/cloudformation/index.js")]);
  return { parseCloudFormation: p.parseCloudFormation, readBeside: p.readBeside, mapCloudFormation: m.mapCloudFormation };
};
const loadTerraform = async () => {
  const [p, m] = await Promise.all([import("./parsers/terraform/index.js"), import("./mappers/terraform/index.js")]);
  return { parseTerraform: p.parseTerraform, mapTerraform: m.mapTerraform };
};

export async function convert(files: readonly SourceFile[], options: ConvertOptions = {}): Promise<ConvertResult> {
  const format = options.format ?? detectFormat(files);
  const diagnostics: Diagnostic[] = [];
  const t = options.timings;
  let start = performance.now();
  let program: PulumiProgram;
  if (format === "cloudformation") {
    const [file, ...rest] = files;
    for (const r of rest) {
      diagnostics.push({ code: "PG1003", severity: "error", message: "one CloudFormation template is one program: convert each template on its own", location: { file: r.path, line: 1, column: 1 } });
    }
    // Loaded when a template is converted (js-yaml and the tag schema cost tens of milliseconds to load).
    const { parseCloudFormation, readBeside, mapCloudFormation } = await (cloudFormation ??= loadCloudFormation());
    const source = file ?? { path: "<none>", text: "" };
    const parsed = parseCloudFormation(source, { read: options.read ?? readBeside(source.path) });
    append(diagnostics, parsed.diagnostics);
    if (t) t.parse = (t.parse ?? 0) + performance.now() - start;
    start = performance.now();
    program = mapCloudFormation(parsed.program, diagnostics);
  } else {
    // Loaded when Terraform is converted, as the CloudFormation front end is for templates.
    const { parseTerraform, mapTerraform } = await (terraform ??= loadTerraform());
    const parsed = await parseTerraform(files, t);
    append(diagnostics, parsed.diagnostics);
    start = performance.now();
    program = mapTerraform(parsed.program, diagnostics);
  }
  if (t) t.map = (t.map ?? 0) + performance.now() - start;
  start = performance.now();
  const typed = typeProgram(program, diagnostics, undefined, { root: true });
  if (t) t.type = (t.type ?? 0) + performance.now() - start;
  start = performance.now();
  const emitted = emitProgram(typed, diagnostics);
  if (t) t.emit = (t.emit ?? 0) + performance.now() - start;
  start = performance.now();
  const code = spaceStatements(options.prettier === false ? emitted.code : emitted.nested ? await formatProgram(emitted.code, options.prettier) : await formatStatements(emitted.code, options.prettier), emitted.kinds);
  if (t) t.format = (t.format ?? 0) + performance.now() - start;
  return { code, diagnostics: sortDiagnostics(diagnostics), ok: !hasErrors(diagnostics), packages: emitted.packages, format, summary: { resources: emitted.resources, placeholders: emitted.placeholders }, reads: referencedPaths([program]) };
}
