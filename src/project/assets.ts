/**
 * The files a converted program reads (`file(…)`, `templatefile(…)`, hashes of files, the
 * archives and assets a Lambda's code or an object's source is made of; see
 * emitters/typescript/reads.ts), copied into the project at the same paths relative to it as
 * they had to the root module (or the converted file's or template's folder), so that the
 * project runs where it is written. A path outside that folder cannot keep its place and is a
 * warning, as is a file that is not there.
 */
import path from "node:path";
import type { FileRead } from "../emitters/typescript/reads.js";
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { ModuleLoader } from "../tree/index.js";
import type { OutputFile } from "./disk.js";

/** At most this much is copied into one project; beyond it, a warning. */
const LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The project's files with the files its programs read added, at their paths relative to `dir`
 * (the root module's folder, or the folder of the file or template converted); what cannot be
 * copied, or would overwrite a file the project itself writes, is a warning.
 */
export function withAssets(files: readonly OutputFile[], dir: string, reads: readonly FileRead[], loader: ModuleLoader, diags: Diagnostic[], origin = "root module"): OutputFile[] {
  const out = [...files];
  const taken = new Set(files.map((f) => f.path));
  for (const f of copyAssets(dir, reads, loader, diags, origin)) {
    if (taken.has(f.path)) diags.push(diagnostic("PG2010", "warning", `the program reads ${f.path}, which the project itself writes: it is not copied`));
    else out.push(f);
  }
  return out;
}

/** The files to add to the project (paths relative to it), and what could not be copied. */
function copyAssets(dir: string, reads: readonly FileRead[], loader: ModuleLoader, diags: Diagnostic[], origin: string): OutputFile[] {
  if (!loader.readBytes || !loader.walk) return [];
  const out: OutputFile[] = [];
  let bytes = 0;
  for (const ref of reads) {
    const rel = path.posix.normalize(ref.path.replace(/\\/g, "/"));
    if (path.isAbsolute(ref.path) || rel === ".." || rel.startsWith("../")) {
      diags.push(diagnostic("PG2010", "warning", `the program reads ${ref.path}, outside the ${origin}: it is not copied into the project; put it where the path points from the project folder`, ref.loc));
      continue;
    }
    const source = path.join(dir, rel);
    const files = loader.walk(source);
    if (!files.length) {
      diags.push(diagnostic("PG2010", "warning", `the program reads ${ref.path}, which is not in the ${origin}: put it there (or beside the project) before the program runs`, ref.loc));
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
