/**
 * The files a converted program reads (`file(…)`, `templatefile(…)`, hashes of files, the
 * archives and assets a Lambda's code or an object's source is made of), copied into the
 * project at the same paths relative to it as they had to the root module, so that the project
 * runs where it is written. A path outside the root module cannot keep its place and is a
 * warning, as is a file that is not there.
 */
import path from "node:path";
import { declExprs } from "../emitters/typescript/order.js";
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import { walkExpr } from "../model/expr.js";
import type { Location } from "../model/location.js";
import type { PulumiProgram } from "../model/pulumi.js";
import type { ModuleLoader } from "../tree/index.js";
import type { OutputFile } from "./disk.js";

/** Calls whose first argument is a path the program reads when it runs. */
const READERS = new Set([
  "file", "filebase64", "filebase64sha256", "filebase64sha512", "filemd5", "filesha1", "filesha256", "filesha512", "templatefile",
  "new pulumi.asset.FileArchive", "new pulumi.asset.FileAsset",
]);

/** At most this much is copied into one project; beyond it, a warning. */
const LIMIT_BYTES = 64 * 1024 * 1024;

/** Every literal path the programs read, once, with where the first reader is. */
export function referencedPaths(programs: readonly PulumiProgram[]): { path: string; loc?: Location }[] {
  const seen = new Map<string, Location | undefined>();
  for (const program of programs) {
    for (const d of program.decls) {
      for (const e of declExprs(d)) {
        walkExpr(e, (x) => {
          const first = x.kind === "call" && READERS.has(x.name) ? x.args[0] : undefined;
          if (first?.kind === "literal" && typeof first.value === "string" && first.value && !seen.has(first.value)) seen.set(first.value, d.loc);
        });
      }
    }
  }
  return [...seen].map(([p, loc]) => ({ path: p, ...(loc ? { loc } : {}) }));
}

/** The files to add to the project (paths relative to it), and what could not be copied. */
export function copyAssets(dir: string, programs: readonly PulumiProgram[], loader: ModuleLoader, diags: Diagnostic[]): OutputFile[] {
  if (!loader.readBytes || !loader.walk) return [];
  const out: OutputFile[] = [];
  let bytes = 0;
  for (const ref of referencedPaths(programs)) {
    const rel = path.posix.normalize(ref.path.replace(/\\/g, "/"));
    if (path.isAbsolute(ref.path) || rel === ".." || rel.startsWith("../")) {
      diags.push(diagnostic("PG2010", "warning", `the program reads ${ref.path}, outside the root module: it is not copied into the project; put it where the path points from the project folder`, ref.loc));
      continue;
    }
    const source = path.join(dir, rel);
    const files = loader.walk(source);
    if (!files.length) {
      diags.push(diagnostic("PG2010", "warning", `the program reads ${ref.path}, which is not in the root module: put it there (or beside the project) before the program runs`, ref.loc));
      continue;
    }
    for (const f of files) {
      const content = loader.readBytes(f);
      if (!content) continue;
      bytes += content.length;
      if (bytes > LIMIT_BYTES) {
        diags.push(diagnostic("PG2010", "warning", `the files the program reads exceed ${LIMIT_BYTES / 1024 / 1024} MB: ${ref.path} and what follows are not copied into the project`, ref.loc));
        return out;
      }
      out.push({ path: path.relative(dir, f).split(path.sep).join("/"), content });
    }
  }
  return out.filter((f, i) => out.findIndex((g) => g.path === f.path) === i);
}
