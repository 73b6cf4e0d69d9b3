/**
 * Reading inputs from disk and writing outputs: one program file, or a Pulumi project folder.
 * Nothing the user wrote is overwritten unless `force` is set.
 */
import fs from "node:fs";
import path from "node:path";
import type { SourceFile } from "./convert.js";
import { camelCase } from "./model/names.js";

export class UsageError extends Error {}

/** A `.tf` file, or a module directory (its `.tf` files in name order), or a template file. */
export function readInputs(input: string): SourceFile[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new UsageError(`${input}: no such file or directory`);
  }
  if (stat.isDirectory()) {
    const files = fs.readdirSync(input).filter((f) => f.endsWith(".tf")).sort();
    if (files.length === 0) throw new UsageError(`${input}: the directory holds no .tf files`);
    return files.map((f) => {
      const p = path.join(input, f);
      return { path: p, text: fs.readFileSync(p, "utf8") };
    });
  }
  return [{ path: input, text: fs.readFileSync(input, "utf8") }];
}

export interface WriteOptions {
  readonly force: boolean;
}

function writeNew(file: string, content: string, opts: WriteOptions): void {
  if (fs.existsSync(file) && !opts.force) {
    throw new UsageError(`${file} exists; use --force to overwrite it`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
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

export function writeProgram(file: string, code: string, opts: WriteOptions): string[] {
  writeNew(file, code, opts);
  return [file];
}

/** Versions written into generated package.json files. */
const VERSIONS: Readonly<Record<string, string>> = {
  "@pulumi/pulumi": "^3.0.0",
  "@pulumi/aws": "^7.0.0",
  "@pulumi/aws-native": "^1.0.0",
  "@types/node": "^20.0.0",
  typescript: "^5.0.0",
};

export function writeProject(dir: string, code: string, packages: readonly string[], opts: WriteOptions, name?: string): string[] {
  const projectName = (name ?? path.basename(path.resolve(dir))).replace(/[^A-Za-z0-9_.-]/g, "-") || "converted";
  const files: Record<string, string> = {
    "Pulumi.yaml": `name: ${projectName}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\ndescription: Converted by pulumigrate\n`,
    "package.json": JSON.stringify(
      {
        name: camelCase(projectName) === projectName ? projectName : projectName.toLowerCase(),
        main: "index.ts",
        devDependencies: Object.fromEntries(["@types/node", "typescript"].map((p) => [p, VERSIONS[p]!])),
        dependencies: Object.fromEntries(packages.filter((p) => !p.startsWith("@types/")).map((p) => [p, VERSIONS[p] ?? "latest"])),
      },
      null,
      2,
    ) + "\n",
    "tsconfig.json": JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          outDir: "bin",
          target: "es2020",
          module: "nodenext",
          moduleResolution: "nodenext",
          sourceMap: true,
          experimentalDecorators: true,
          forceConsistentCasingInFileNames: true,
          skipLibCheck: true,
        },
        files: ["index.ts"],
      },
      null,
      2,
    ) + "\n",
    "index.ts": code,
  };
  // Check everything first, so that nothing is half written.
  if (!opts.force) {
    for (const f of Object.keys(files)) {
      const p = path.join(dir, f);
      if (fs.existsSync(p)) throw new UsageError(`${p} exists; use --force to overwrite it`);
    }
  }
  return Object.entries(files).map(([f, content]) => {
    const p = path.join(dir, f);
    writeNew(p, content, { force: true });
    return p;
  });
}
