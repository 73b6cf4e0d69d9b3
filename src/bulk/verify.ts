/**
 * `--verify`: every produced project type-checked by the TypeScript compiler against
 * `@pulumi/aws` (one compiler run for all the projects that share a toolchain), then each
 * program run under Pulumi's runtime mocks in a child process (verify-run.ts), recording
 * whether it runs without throwing and how many resources it registers. The packages come from
 * the project's own `node_modules` when it has them, else from those pulumigrate can resolve.
 * A failed verification is reported, never fatal.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Verification {
  readonly typecheck: "passed" | "failed" | "skipped";
  /** The first compiler errors (up to 10), or why the check was skipped. */
  readonly errors?: readonly string[];
  readonly run: "passed" | "failed" | "skipped";
  /** Why the run failed or was skipped. */
  readonly error?: string;
  /** Resources (and component instances) the program registered under the mocks. */
  readonly registered?: number;
  /** Required config the stack does not set, answered with stand-ins for the run. */
  readonly note?: string;
  /** Resource declarations the converter printed (a loop counts once). */
  readonly declared: number;
}

export interface VerifyItem {
  /** The project folder, where the program runs (it carries the files the program reads). */
  readonly dir: string;
  readonly declared: number;
}

const own = createRequire(import.meta.url);

/** `node_modules` folder holding a package, from pulumigrate's own resolution. */
function ownPackageDir(pkg: string): string | undefined {
  try {
    return path.dirname(own.resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
}

/** The TypeScript compiler to run: the native one when pulumigrate has it, else `typescript`'s tsc. */
function compiler(projectDir?: string): string | undefined {
  const local = projectDir && path.join(projectDir, "node_modules", "typescript", "bin", "tsc");
  if (local && fs.existsSync(local)) return local;
  const native = ownPackageDir("tsc7");
  if (native && fs.existsSync(path.join(native, "bin", "tsc"))) return path.join(native, "bin", "tsc");
  const ts = ownPackageDir("typescript");
  return ts && fs.existsSync(path.join(ts, "bin", "tsc")) ? path.join(ts, "bin", "tsc") : undefined;
}

interface TypecheckOutcome {
  readonly errors: Map<string, string[]>;
  readonly skipped?: string;
}

/** One compiler run over the projects' programs (their components come in through their imports). */
function typecheck(dirs: readonly string[], own: boolean): TypecheckOutcome {
  const errors = new Map<string, string[]>();
  if (!dirs.length) return { errors };
  const tsc = compiler(own ? dirs[0] : undefined);
  if (!tsc) return { errors, skipped: "no TypeScript compiler: install typescript in the project (npm install) or alongside pulumigrate" };
  const compilerOptions: Record<string, unknown> = { strict: true, noEmit: true, target: "es2022", lib: ["es2023"], module: "nodenext", moduleResolution: "nodenext", skipLibCheck: true, types: ["node"] };
  if (!own) {
    const aws = ownPackageDir("@pulumi/aws");
    if (!aws) return { errors, skipped: "@pulumi/aws is neither in the project's node_modules nor installed alongside pulumigrate: run npm install in the project" };
    const modules = path.dirname(path.dirname(aws));
    compilerOptions.paths = { "@pulumi/*": [path.join(modules, "@pulumi", "*")], "js-yaml": [path.join(modules, "js-yaml")] };
    compilerOptions.typeRoots = [path.join(modules, "@types")];
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-verify-"));
  try {
    const config = path.join(tmp, "tsconfig.json");
    fs.writeFileSync(config, JSON.stringify({ compilerOptions, files: dirs.map((d) => path.join(d, "index.ts")) }));
    const r = spawnSync(process.execPath, [tsc, "-p", config, "--pretty", "false"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    for (const line of `${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n")) {
      const m = /^(.+?)\(\d+,\d+\): error /.exec(line);
      if (!m) continue;
      const file = path.resolve(m[1]!);
      const dir = dirs.find((d) => file.startsWith(d + path.sep));
      if (dir) errors.set(dir, [...(errors.get(dir) ?? []), line.trim()]);
    }
    if (r.status !== 0 && errors.size === 0) return { errors, skipped: `the compiler failed: ${(r.stderr || r.stdout || "").trim().split("\n")[0] ?? ""}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { errors };
}

interface RunOutcome {
  readonly ok: boolean;
  readonly error?: string;
  readonly registered?: number;
  readonly note?: string;
}

/** A child process running programs under the mocks, one request at a time. */
class Runner {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = "";
  private waiting: ((r: RunOutcome) => void) | undefined;
  private exited = false;

  constructor(script: string) {
    this.child = spawn(process.execPath, [script], { stdio: ["pipe", "pipe", "ignore"] }) as unknown as ChildProcessWithoutNullStreams;
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let nl = this.buffer.indexOf("\n"); nl >= 0; nl = this.buffer.indexOf("\n")) {
        const msg = JSON.parse(this.buffer.slice(0, nl)) as RunOutcome;
        this.buffer = this.buffer.slice(nl + 1);
        this.answer({ ok: msg.ok, ...(msg.error ? { error: msg.error } : {}), ...(msg.registered !== undefined ? { registered: msg.registered } : {}), ...(msg.note ? { note: msg.note } : {}) });
      }
    });
    this.child.on("exit", () => {
      this.exited = true;
      this.answer({ ok: false, error: "the program crashed the process running it" });
    });
  }

  private answer(r: RunOutcome): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.(r);
  }

  run(item: VerifyItem, timeoutMs: number): Promise<RunOutcome> {
    if (this.exited) return Promise.resolve({ ok: false, error: "the program crashed the process running it" });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.answer({ ok: false, error: `did not finish within ${Math.round(timeoutMs / 1000)} s under the mocks` });
        this.stop();
      }, timeoutMs);
      this.waiting = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.child.stdin.write(JSON.stringify({ index: 0, dir: item.dir }) + "\n");
    });
  }

  stop(): void {
    this.waiting = undefined;
    if (!this.exited) this.child.kill("SIGKILL");
  }
}

/** Runs the programs on `lanes` child processes; after a program fails, its lane starts a fresh child. */
async function runAll(items: readonly VerifyItem[], timeoutMs: number, lanes: number): Promise<RunOutcome[]> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "verify-run.js");
  const results: RunOutcome[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    let runner: Runner | undefined;
    while (next < items.length) {
      const i = next++;
      runner ??= new Runner(script);
      const r = await runner.run(items[i]!, timeoutMs);
      results[i] = r;
      if (!r.ok) {
        runner.stop();
        runner = undefined;
      }
    }
    runner?.stop();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  return results;
}

export async function verifyProjects(items: readonly VerifyItem[], options: { timeoutMs?: number; jobs?: number } = {}): Promise<Verification[]> {
  const dirs = items.map((i) => path.resolve(i.dir));
  const withOwn = dirs.filter((d) => fs.existsSync(path.join(d, "node_modules", "@pulumi", "aws")));
  const shared = dirs.filter((d) => !withOwn.includes(d));
  const outcomes: TypecheckOutcome[] = [typecheck(shared, false), ...withOwn.map((d) => typecheck([d], true))];
  const runs = await runAll(items, options.timeoutMs ?? 60_000, options.jobs ?? os.availableParallelism());
  return items.map((it, i) => {
    const dir = dirs[i]!;
    const tc = withOwn.includes(dir) ? outcomes[1 + withOwn.indexOf(dir)]! : outcomes[0]!;
    const errors = tc.errors.get(dir);
    const run = runs[i]!;
    return {
      typecheck: tc.skipped ? "skipped" : errors ? "failed" : "passed",
      ...(tc.skipped ? { errors: [tc.skipped] } : errors ? { errors: errors.slice(0, 10) } : {}),
      run: run.error?.startsWith("skipped:") ? "skipped" : run.ok ? "passed" : "failed",
      ...(run.error ? { error: run.error.replace(/^skipped: /, "") } : {}),
      ...(run.registered !== undefined ? { registered: run.registered } : {}),
      ...(run.note ? { note: run.note } : {}),
      declared: it.declared,
    };
  });
}
