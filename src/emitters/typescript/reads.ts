/**
 * The files a converted program reads when it runs: the literal paths given to `file(…)`,
 * `templatefile(…)`, the file hashes, the folder `fileset(…)` lists, and the archives and assets a
 * Lambda's code or an object's source is made of. The project builder copies them beside the program.
 */
import nodePath from "node:path";
import { rewriteExpr, walkExpr, type Expr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Decl, PulumiProgram } from "../../model/pulumi.js";
import { declExprs } from "./order.js";

/** Calls whose first argument is a path the program reads when it runs. */
const READERS = new Set([
  "file", "filebase64", "filebase64sha256", "filebase64sha512", "filemd5", "filesha1", "filesha256", "filesha512", "templatefile",
  "new pulumi.asset.FileArchive", "new pulumi.asset.FileAsset",
  // The folder `fileset(dir, pattern)` lists: copied whole, so that the program lists what Terraform listed.
  "fileset",
]);

/** A path a program reads, as written (relative to the source's folder), and where the first reader is. */
export interface FileRead {
  readonly path: string;
  readonly loc?: Location;
}

/** Every literal path the programs read, once, with where the first reader is. */
export function referencedPaths(programs: readonly PulumiProgram[]): FileRead[] {
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

/**
 * The program with each relative path it reads written from another folder: a nested template
 * in `stacks/` that reads `./src` reads `stacks/src` from the project's folder (paths are
 * relative to the template that writes them, as `aws cloudformation package` reads them).
 */
export function relocateReads(program: PulumiProgram, dir: string): PulumiProgram {
  if (dir === "" || dir === ".") return program;
  const move = (e: Expr): Expr =>
    rewriteExpr(e, (x) => {
      const first = x.kind === "call" && READERS.has(x.name) ? x.args[0] : undefined;
      if (x.kind !== "call" || first?.kind !== "literal" || typeof first.value !== "string" || !first.value || nodePath.posix.isAbsolute(first.value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(first.value)) return x;
      return { ...x, args: [{ ...first, value: nodePath.posix.join(dir, first.value) }, ...x.args.slice(1)] };
    });
  const decls = program.decls.map((d): Decl => {
    switch (d.kind) {
      case "resource":
      case "invoke":
        return { ...d, args: move(d.args) as typeof d.args };
      case "const":
      case "export":
        return { ...d, value: move(d.value) };
      default:
        return d;
    }
  });
  return { ...program, decls };
}
