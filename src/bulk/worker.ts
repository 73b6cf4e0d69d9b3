/**
 * One project converted on a worker thread (piscina runs this module once per thread, so the
 * WASM parser and the schemas load once per worker, not per project). Nothing is written here:
 * the files go back to the main thread, which writes each project whole.
 */
import fs from "node:fs";
import path from "node:path";
import { convert, type Summary } from "../convert.js";
import type { FormatOptions } from "../emitters/typescript/format.js";
import type { Diagnostic } from "../model/diagnostics.js";
import { convertProject, convertTemplateProject, diskLoader, stageFiles, type OutputFile } from "../project/index.js";
import type { ComponentInfo, ModuleLoader } from "../tree/index.js";

export interface Task {
  /** `warm`: load the parser, the schemas and prettier, before any project's clock starts. */
  readonly kind: "terraform" | "cloudformation" | "warm";
  /** The root module directory or the template file, absolute. */
  readonly source: string;
  /** The project folder it is written to, absolute (for the prettier configuration there). */
  readonly out: string;
  readonly name: string;
  readonly stack: string;
  /** Prettier options (resolved once for the output folder), or `false` for raw text. */
  readonly prettier: false | FormatOptions;
  /** Where the worker writes the project in full, for the main thread to move into place. */
  readonly staging: string;
  readonly force: boolean;
  /** A root module's directory as the repository walk found it (every name, in order): not listed again. */
  readonly listing?: readonly string[];
}

export interface TaskResult {
  readonly ok: boolean;
  /** The project's files (relative paths), written into the task's staging folder. */
  readonly files: readonly string[];
  /** Why the project could not be staged (a file that exists, without --force). */
  readonly stageError?: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly components: readonly ComponentInfo[];
  readonly secrets: readonly string[];
  readonly summary: Summary;
  /** The source files read (absolute). */
  readonly sources: readonly string[];
  readonly durationMs: number;
  /** Milliseconds by stage (parse, map, type, emit, format…). */
  readonly timings: Readonly<Record<string, number>>;
  /** With a terraform.tfstate beside the root: resources the import file adopts, and those left out. */
  readonly imports?: { readonly imported: number; readonly skipped: readonly { readonly address: string; readonly reason: string }[] };
}

const WARM_UP = 'variable "x" {\n  default = "x"\n}\nresource "aws_sqs_queue" "q" {\n  name = var.x\n}\n';

export default async function run(task: Task): Promise<TaskResult> {
  const result = await convertTask(task);
  if (task.kind === "warm") return { ...result, files: [] };
  try {
    const start = performance.now();
    stageFiles(task.out, task.staging, result.files, { force: task.force });
    return { ...result, files: result.files.map((f) => f.path), timings: { ...result.timings, write: performance.now() - start } };
  } catch (e) {
    fs.rmSync(task.staging, { recursive: true, force: true });
    return { ...result, files: [], stageError: e instanceof Error ? e.message : String(e) };
  }
}

async function convertTask(task: Task): Promise<Omit<TaskResult, "files"> & { files: readonly OutputFile[] }> {
  const start = performance.now();
  if (task.kind === "warm") {
    const r = await convert([{ path: "warm.tf", text: WARM_UP }]);
    return { ok: r.ok, files: [], diagnostics: [], components: [], secrets: [], summary: r.summary, sources: [], durationMs: performance.now() - start, timings: {} };
  }
  const prettier = task.prettier;
  const timings: Record<string, number> = {};
  if (task.kind === "cloudformation") {
    const text = fs.readFileSync(task.source, "utf8");
    // The project carries the nested templates it names by a local path, as components, and the files the programs read, from beside the template (Code: lambda.zip).
    const r = await convertTemplateProject(task.source, text, { name: task.name, prettier, timings });
    return { ok: r.ok, files: r.files, diagnostics: r.diagnostics, components: r.components, secrets: [], summary: r.summary, sources: r.sources.map((f) => path.resolve(f)).sort(), durationMs: performance.now() - start, timings };
  }
  // The root's folder as the walk listed it; a state file beside it gives the project the import file that adopts its resources.
  const listing = task.listing;
  const loader: ModuleLoader = listing ? { ...diskLoader, list: (dir) => (dir === task.source ? listing : diskLoader.list(dir)) } : diskLoader;
  const state = path.join(task.source, "terraform.tfstate");
  const hasState = listing ? listing.includes("terraform.tfstate") : fs.existsSync(state);
  const r = await convertProject(task.source, { name: task.name, stack: task.stack, prettier, timings, loader, ...(hasState ? { state } : {}) });
  return {
    ok: r.ok,
    files: r.files,
    diagnostics: r.diagnostics,
    components: r.components,
    secrets: r.secrets,
    summary: r.summary,
    sources: r.sources.map((f) => path.resolve(f)).sort(),
    durationMs: performance.now() - start,
    timings,
    ...(r.imports ? { imports: r.imports } : {}),
  };
}
