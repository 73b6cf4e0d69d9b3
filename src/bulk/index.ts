/**
 * A whole repository in one run: every root module and template found (discover.ts) becomes
 * its own project under the output folder, mirroring the repository's layout, converted on
 * worker threads (worker.ts), each written whole (a project folder appears in one rename, a
 * project inside another after it), verified when asked (verify.ts), and reported (report.ts).
 * One failing, hanging or crashing input never stops the others.
 */
import fs from "node:fs";
import path from "node:path";
import { resolveFormatOptions } from "../emitters/typescript/format.js";
import { cannotWrite, checkStackName, commitStaged, UsageError } from "../project/index.js";
import { makeDirs } from "../model/mkdirs.js";
import { discover } from "./discover.js";
import { takePool, workerCount } from "./pool.js";
import { buildProjectReport, buildReport, renderMarkdown, type BulkReport, type ProjectReport } from "./report.js";
import { verifyProjects } from "./verify.js";
import type { TaskResult } from "./worker.js";

export type { BulkReport, ProjectReport } from "./report.js";

export interface MigrateOptions {
  readonly out: string;
  /** Worker threads; default one per core. */
  readonly jobs?: number;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Overwrite projects that exist (default: keep them, so a rerun finishes what is missing). */
  readonly force?: boolean;
  /** Type-check every project and run it under Pulumi's runtime mocks. */
  readonly verify?: boolean;
  /** Per-project time limit in milliseconds (default 5 minutes). */
  readonly timeoutMs?: number;
  readonly stack?: string;
  /** Format with prettier (default true). */
  readonly format?: boolean;
  readonly onProgress?: (e: ProgressEvent) => void;
}

export type ProgressEvent =
  | { readonly kind: "start"; readonly total: number }
  | { readonly kind: "started"; readonly name: string; readonly done: number; readonly total: number }
  | { readonly kind: "finished"; readonly project: ProjectReport; readonly done: number; readonly total: number }
  | { readonly kind: "verifying"; readonly total: number };

interface Planned {
  readonly name: string;
  readonly kind: "terraform" | "cloudformation";
  readonly source: string;
  readonly out: string;
}

/** Where each project goes: `<out>/<dir>` for a root module, `<out>/<dir>/<file name>` for a template (the extension as `-ext` where two would meet). */
function plan(repo: string, out: string, roots: readonly string[], templates: readonly string[]): Planned[] {
  const planned: Planned[] = roots.map((r) => ({ name: r, kind: "terraform", source: path.join(repo, r), out: path.join(out, r) }));
  const taken = new Set(planned.map((p) => p.out));
  const byOut = new Map<string, string[]>();
  for (const t of templates) {
    const target = path.join(out, path.dirname(t), path.basename(t).replace(/\.[^.]+$/, "") || path.basename(t));
    byOut.set(target, [...(byOut.get(target) ?? []), t]);
  }
  for (const [target, ts] of byOut) {
    for (const t of ts) {
      const unique = ts.length === 1 && !taken.has(target) ? target : path.join(out, path.dirname(t), path.basename(t).replace(/\./g, "-"));
      taken.add(unique);
      planned.push({ name: t, kind: "cloudformation", source: path.join(repo, t), out: unique });
    }
  }
  return planned.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function semaphore(n: number): { acquire(): Promise<void>; release(): void } {
  let free = n;
  const waiting: (() => void)[] = [];
  return {
    acquire: () => (free > 0 ? (free--, Promise.resolve()) : new Promise<void>((r) => waiting.push(r))),
    release: () => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/** Staging folders an interrupted run left behind (`.<name>.pulumigrate-<pid>-<time>`). */
function removeStaging(dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const p = path.join(dir, e.name);
    if (/^\..+\.pulumigrate-\d+-[a-z0-9]+$/.test(e.name)) fs.rmSync(p, { recursive: true, force: true });
    else if (e.name !== "node_modules") removeStaging(p);
  }
}

export async function migrate(repo: string, options: MigrateOptions): Promise<BulkReport> {
  const started = performance.now();
  const root = path.resolve(repo);
  const out = path.resolve(options.out);
  // Projects mirror the repository's layout under the output folder: one that is the repository,
  // or holds it, would put them among the repository's own files. One inside it is skipped by the walk.
  const within = path.relative(out, root);
  if (within === "" || (!within.startsWith("..") && !path.isAbsolute(within))) {
    throw new UsageError(`${options.out}: the output folder ${within === "" ? "is the repository itself" : "holds the repository"}, so the projects would be written among its files; name a folder of their own (e.g. -o ${path.join(path.dirname(root), `${path.basename(root)}-pulumi`)})`);
  }
  if (options.stack !== undefined) checkStackName(options.stack);
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) throw new UsageError(`--timeout: the seconds one project may take, a number above 0 (got ${options.timeoutMs / 1000})`);
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs > 0)) throw new UsageError(`--jobs: a number of worker threads, 1 or more (got ${options.jobs})`);
  const jobs = workerCount(options.jobs);
  // The workers load the parser, the schemas and prettier first (so that a project's time limit
  // is its own), while this thread walks the repository and resolves the prettier configuration.
  const { pool, warm } = takePool(jobs);
  // The team's prettier configuration where the projects go (the output folder or above it), resolved once.
  const formatOptions = options.format === false ? Promise.resolve(false as const) : resolveFormatOptions(path.join(out, "index.ts"));
  formatOptions.catch(() => undefined); // awaited below; a failure before then is not an unhandled one
  let found: ReturnType<typeof discover>;
  try {
    found = discover(root, { ...(options.include ? { include: options.include } : {}), ...(options.exclude ? { exclude: options.exclude } : {}), skip: [out] });
    // The output folder before any project: one that cannot be made (no permission, a path under /proc) stops the run here.
    try {
      makeDirs(out);
    } catch (e) {
      throw cannotWrite(options.out, e);
    }
  } catch (e) {
    await pool.destroy();
    throw e;
  }
  // Workers write each project in full under one staging folder beside the output (the same file
  // system); the main thread moves each into place.
  const stagingRoot = path.join(path.dirname(out), `.${path.basename(out)}.pulumigrate-staging-${process.pid}`);
  const projects = plan(root, out, found.roots, found.templates).map((p, i) => ({ ...p, staging: path.join(stagingRoot, String(i)) }));
  const total = projects.length;
  options.onProgress?.({ kind: "start", total });
  removeStaging(out);
  // A staging folder a killed run left behind goes first.
  for (const e of fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)) : []) {
    if (e.startsWith(`.${path.basename(out)}.pulumigrate-staging-`)) fs.rmSync(path.join(path.dirname(out), e), { recursive: true, force: true });
  }

  const prettier = await formatOptions;
  // Nothing to convert: the pool is stopped (below) without waiting for its warm-up.
  if (total > 0) await warm;
  const slots = semaphore(jobs);
  // A project inside another one's folder is written after it, so that each folder appears whole.
  const written = new Map<string, Promise<void>>();
  const release = new Map<string, () => void>();
  for (const p of projects) written.set(p.out, new Promise((r) => release.set(p.out, r)));
  // The projects whose folders hold this one: its parent folders up to the output folder (not a scan of every project).
  const ancestors = (p: (typeof projects)[number]) => {
    const found: Promise<void>[] = [];
    for (let d = path.dirname(p.out); ; d = path.dirname(d)) {
      const w = written.get(d);
      if (w) found.push(w);
      if (d === out || d === path.dirname(d)) return found;
    }
  };

  let done = 0;
  const reports: ProjectReport[] = [];
  const attempt = async (p: (typeof projects)[number]): Promise<ProjectReport> => {
    const base = { name: p.name, kind: p.kind, source: p.source, out: p.out, repo: root, outRoot: out };
    if (!options.force && fs.existsSync(path.join(p.out, "Pulumi.yaml"))) return buildProjectReport({ ...base, status: "kept" });
    options.onProgress?.({ kind: "started", name: p.name, done, total });
    const limit = options.timeoutMs ?? 300_000;
    let result: TaskResult;
    // At most one task per worker in flight, so that the time limit counts from when a project starts.
    await slots.acquire();
    try {
      const listing = p.kind === "terraform" ? found.listings.get(p.name) : undefined;
      result = await pool.run({ kind: p.kind, source: p.source, out: p.out, name: path.basename(p.out), stack: options.stack ?? "dev", prettier, staging: p.staging, force: options.force === true, ...(listing ? { listing } : {}) }, { signal: AbortSignal.timeout(limit) });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === "AbortError" || e.name === "TimeoutError");
      return buildProjectReport({ ...base, status: timedOut ? "timed out" : "failed", error: timedOut ? `took longer than ${Math.round(limit / 1000)} s` : e instanceof Error ? e.message : String(e) });
    } finally {
      slots.release();
    }
    if (result.stageError) return buildProjectReport({ ...base, status: "failed", result, error: result.stageError });
    await Promise.all(ancestors(p));
    try {
      commitStaged(p.out, p.staging, result.files, { force: options.force === true });
      return buildProjectReport({ ...base, status: "converted", result });
    } catch (e) {
      return buildProjectReport({ ...base, status: "failed", result, error: e instanceof Error ? e.message : String(e) });
    }
  };
  const one = async (p: (typeof projects)[number]): Promise<void> => {
    let report: ProjectReport;
    try {
      report = await attempt(p);
    } finally {
      release.get(p.out)!();
    }
    reports.push(report);
    done++;
    options.onProgress?.({ kind: "finished", project: report, done, total });
  };
  try {
    await Promise.all(projects.map(one));
  } finally {
    await pool.destroy();
    fs.rmSync(stagingRoot, { recursive: true, force: true });
  }
  reports.sort((a, b) => (a.name < b.name ? -1 : 1));
  if (options.verify) {
    const present = reports.filter((r) => r.status === "converted" || r.status === "kept");
    options.onProgress?.({ kind: "verifying", total: present.length });
    const results = await verifyProjects(present.map((r) => ({ dir: path.join(out, r.out), declared: Object.values(r.resources).reduce((a, b) => a + b, 0) })), { jobs });
    present.forEach((r, i) => Object.assign(r, { verification: results[i] }));
  }
  const report = buildReport(root, out, reports, { jobs, durationMs: performance.now() - started, peakRssMb: process.resourceUsage().maxRSS / 1024, discovered: found });
  for (const [file, text] of [["pulumigrate-report.json", JSON.stringify(report, null, 2) + "\n"], ["pulumigrate-report.md", renderMarkdown(report)]] as const) {
    const staged = path.join(out, `.${file}.${process.pid}.tmp`);
    fs.writeFileSync(staged, text);
    fs.renameSync(staged, path.join(out, file));
  }
  return report;
}
