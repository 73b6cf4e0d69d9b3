/**
 * Reading inputs from disk and writing outputs. Nothing the user wrote is overwritten unless
 * `force` is set, and a project is written whole or not at all: its files are staged beside
 * the target and moved into place once all of them are written.
 */
import fs from "node:fs";
import path from "node:path";
import type { SourceFile } from "../convert.js";
import type { ModuleLoader } from "../tree/index.js";
import { makeDirs } from "../model/mkdirs.js";

export class UsageError extends Error {}

/**
 * The `.tf` files of a directory (among `listed`, its names when known), in name order; undefined
 * when it is not a readable directory. Files only, through links: a FIFO or a socket named `x.tf`
 * holds nothing written (reading one would wait for a writer forever), and a folder is not a file;
 * a dangling link is read, and its error (ENOENT, naming it) is the conversion's, as in Terraform.
 */
function tfFiles(dir: string, listed?: readonly string[]): SourceFile[] | undefined {
  let names: string[];
  try {
    names = (listed ?? fs.readdirSync(dir)).filter((f) => f.endsWith(".tf")).sort();
  } catch {
    return undefined;
  }
  const files: SourceFile[] = [];
  for (const f of names) {
    const p = path.join(dir, f);
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st || st.isFile()) files.push({ path: p, text: fs.readFileSync(p, "utf8") });
  }
  return files;
}

/** Module trees read from disk. */
export const diskLoader: ModuleLoader = {
  readDir: tfFiles,
  readFile(file) {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  },
  list(dir) {
    try {
      return fs.readdirSync(dir).sort();
    } catch {
      return [];
    }
  },
  readBytes(file) {
    try {
      return fs.readFileSync(file);
    } catch {
      return undefined;
    }
  },
  walk(p) {
    const out: string[] = [];
    const visit = (x: string) => {
      let st: fs.Stats;
      try {
        st = fs.statSync(x);
      } catch {
        return;
      }
      if (st.isFile()) out.push(x);
      else if (st.isDirectory()) for (const e of fs.readdirSync(x).sort()) visit(path.join(x, e));
    };
    visit(p);
    return out;
  },
};

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A `.tf` file, or a module directory (its `.tf` files in name order), or a template file. */
export function readInputs(input: string): SourceFile[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new UsageError(`${input}: no such file or directory`);
  }
  if (stat.isDirectory()) {
    const files = tfFiles(input) ?? [];
    if (files.length === 0) throw new UsageError(`${input}: the directory holds no .tf files`);
    return files;
  }
  return [{ path: input, text: fs.readFileSync(input, "utf8") }];
}

export interface WriteOptions {
  readonly force: boolean;
  /** The files the conversion read: never written over, `force` or not. */
  readonly inputs?: readonly string[];
}

/**
 * A check that refuses a target that is one of the conversion's own inputs (`convert main.tf -o
 * main.tf --force` would replace the Terraform with its conversion), the inputs' real paths
 * found once for all the targets of a write.
 */
function inputGuard(opts: WriteOptions): (target: string) => void {
  if (!opts.inputs?.length) return () => undefined;
  // Through links too: a target that is a link to an input, or an input reached through a link.
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const inputs = new Set(opts.inputs.map(real));
  return (target) => {
    if (inputs.has(real(target))) throw new UsageError(`${target} is a file this conversion reads; pulumigrate never writes over its input, --force or not (name another output)`);
  };
}

/**
 * Refuses an output that cannot be made: one below a file (`-o main.tf/out.ts`), or a project
 * folder named by a path that is a file. Checked before any work, so the user hears why instead
 * of an error from the file system halfway through.
 */
export function checkOutputPath(output: string, folder: boolean): void {
  const target = path.resolve(output);
  if (folder && fs.existsSync(target) && !fs.statSync(target).isDirectory()) throw new UsageError(`-o ${output}: a file, not a folder to write projects into`);
  for (let d = path.dirname(target); ; d = path.dirname(d)) {
    if (fs.existsSync(d)) {
      if (!fs.statSync(d).isDirectory()) throw new UsageError(`-o ${output}: ${d} is a file, so nothing can be written below it`);
      return;
    }
    if (d === path.dirname(d)) return;
  }
}

/**
 * Refuses, before any conversion, an output that is there already without `force`: the program
 * file, or in a project folder the files every project writes (Pulumi.yaml, index.ts), in the
 * order the write would name them. A large input is then not converted only to be refused at the
 * end. A target that is (or lies in) the input is left to the write, which says it is an input.
 */
export function refuseExistingOutput(output: string, project: boolean, input: string, force: boolean): void {
  if (force) return;
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const source = real(input);
  for (const target of project ? [path.join(output, "Pulumi.yaml"), path.join(output, "index.ts")] : [output]) {
    if (!fs.existsSync(target)) continue;
    const t = real(target);
    if (t === source || t.startsWith(source + path.sep)) return;
    throw new UsageError(`${target} exists; use --force to overwrite it`);
  }
}

/** Whether `-o` names a project folder rather than a program file. */
export function isProjectTarget(output: string): boolean {
  if (output.endsWith("/") || output.endsWith(path.sep)) return true;
  try {
    return fs.statSync(output).isDirectory();
  } catch {
    return !/\.[cm]?[tj]s$/.test(output);
  }
}

/**
 * A file-system refusal (no permission, a full disk, a path under /proc) while writing `target`,
 * said of the target the user named rather than of a staging name; the errno code and path stay.
 */
export function cannotWrite(target: string, e: unknown): unknown {
  const err = e as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof err.code !== "string" || e instanceof UsageError) return e;
  return Object.assign(new Error(`${target}: cannot be written: ${e.message}`), { code: err.code, path: err.path ?? target, syscall: err.syscall });
}

export function writeProgram(file: string, code: string, opts: WriteOptions): string[] {
  inputGuard(opts)(file);
  if (fs.existsSync(file) && !opts.force) throw new UsageError(`${file} exists; use --force to overwrite it`);
  const staged = `${file}.pulumigrate-${process.pid}.tmp`;
  try {
    makeDirs(path.dirname(path.resolve(file)));
    fs.writeFileSync(staged, code);
    fs.renameSync(staged, file);
  } catch (e) {
    fs.rmSync(staged, { force: true });
    throw cannotWrite(file, e);
  }
  return [file];
}

/** A file of a project, its path relative to the project folder. */
export interface OutputFile {
  readonly path: string;
  /** Text, or the bytes of a file copied as it is (an archive the program reads). */
  readonly content: string | Uint8Array;
}

/** Every file checked before anything is written: none may exist without `force`, none may lie outside the folder. */
function check(dir: string, files: readonly OutputFile[], opts: WriteOptions): void {
  const root = path.resolve(dir);
  const notAnInput = inputGuard(opts);
  // In a folder that does not exist yet (a new project), no file can: one look instead of one per file.
  const mayExist = !opts.force && fs.existsSync(root);
  for (const f of files) {
    const target = path.resolve(root, f.path);
    if (path.isAbsolute(f.path) || !target.startsWith(root + path.sep)) throw new Error(`refusing to write ${f.path} outside ${dir}`);
    notAnInput(target);
    if (mayExist && fs.existsSync(target)) throw new UsageError(`${path.join(dir, f.path)} exists; use --force to overwrite it`);
  }
}

/** A project written in full into `staging` (a folder on the target's file system), to be moved into place by {@link commitStaged}. */
export function stageFiles(dir: string, staging: string, files: readonly OutputFile[], opts: WriteOptions): void {
  check(dir, files, opts);
  makeDirs(staging);
  const made = new Set([staging]);
  for (const f of files) {
    const p = path.join(staging, f.path);
    const parent = path.dirname(p);
    if (!made.has(parent)) {
      makeDirs(parent);
      made.add(parent);
    }
    fs.writeFileSync(p, f.content);
  }
}

/** Moves a staged project into place: a new folder in one rename, an existing one file by file; the staging folder is gone after. */
export function commitStaged(dir: string, staging: string, files: readonly string[], opts: WriteOptions): string[] {
  const root = path.resolve(dir);
  let moved = false;
  try {
    check(dir, files.map((f) => ({ path: f, content: "" })), opts);
    makeDirs(path.dirname(root));
    if (!fs.existsSync(root)) {
      fs.renameSync(staging, root);
      moved = true;
    } else {
      for (const f of files) {
        const target = path.join(root, f);
        makeDirs(path.dirname(target));
        fs.renameSync(path.join(staging, f), target);
      }
    }
  } finally {
    // A staging folder renamed into place is gone (removing what is not there costs an error per project).
    if (!moved) fs.rmSync(staging, { recursive: true, force: true });
  }
  return files.map((f) => path.join(dir, f));
}

/**
 * Writes a project folder: every file is checked first, then all are written into a staging
 * folder beside the target and moved into place, so that an interrupted run leaves the target
 * as it was or complete.
 */
export function writeFiles(dir: string, files: readonly OutputFile[], opts: WriteOptions): string[] {
  const root = path.resolve(dir);
  // Beside the target (same file system, so the moves are renames), made with the usual permissions.
  const staging = path.join(path.dirname(root), `.${path.basename(root)}.pulumigrate-${process.pid}-${Date.now().toString(36)}`);
  try {
    stageFiles(dir, staging, files, opts);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw cannotWrite(dir, e);
  }
  try {
    return commitStaged(dir, staging, files.map((f) => f.path), opts);
  } catch (e) {
    throw cannotWrite(dir, e);
  }
}
