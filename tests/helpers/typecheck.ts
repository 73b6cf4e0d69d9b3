/**
 * Type-checks many programs in one TypeScript 7 run against the installed @pulumi/aws
 * (parsing its declarations dominates, so one run over all programs costs about one).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./fixtures.js";

export interface TypecheckResult {
  readonly exitCode: number;
  /** Diagnostics per file (absolute path → lines). */
  readonly errors: Map<string, string[]>;
  readonly output: string;
}

export function typecheck(files: readonly string[], name: string): TypecheckResult {
  const dir = path.join(ROOT, ".vitest-tmp", `typecheck-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "es2022",
      lib: ["es2023"],
      module: "nodenext",
      moduleResolution: "nodenext",
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [path.join(ROOT, "node_modules", "@types")],
    },
    files: files.map((f) => path.resolve(f)),
  };
  const tsconfig = path.join(dir, "tsconfig.json");
  fs.writeFileSync(tsconfig, JSON.stringify(config, null, 2));
  const tsc = path.join(ROOT, "node_modules", "tsc7", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", tsconfig, "--pretty", "false"], { encoding: "utf8", cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const output = (r.stdout ?? "") + (r.stderr ?? "");
  const errors = new Map<string, string[]>();
  for (const line of output.split("\n")) {
    const m = /^(.+?)\(\d+,\d+\): error /.exec(line);
    if (!m) continue;
    const file = path.resolve(ROOT, m[1]!);
    errors.set(file, [...(errors.get(file) ?? []), line]);
  }
  return { exitCode: r.status ?? -1, errors, output };
}
