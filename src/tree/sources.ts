/**
 * Where a `module` block's source is: a local directory (`./x`, `../../modules/x`, read
 * relative to the calling module), the copy `terraform init` downloaded of a registry, git or
 * `s3::` source (`.terraform/modules/modules.json` lists them by call path), or nowhere here.
 */
import path from "node:path";
import type { SourceFile } from "../parsers/terraform/index.js";

/** How a module tree is read: the caller decides (the disk, or anything else). */
export interface ModuleLoader {
  /**
   * The `.tf` files of a directory, in name order; empty or undefined when it has none. `names`,
   * when given, is what `list(dir)` answered in this conversion (a loader may use it instead of
   * listing the directory again).
   */
  readDir(dir: string, names?: readonly string[]): readonly SourceFile[] | undefined;
  /** A file's text; undefined when there is no such file. */
  readFile(file: string): string | undefined;
  /** The names of the files in a directory (for `*.auto.tfvars`); empty when there is none. */
  list(dir: string): readonly string[];
  /** A file's bytes (the files a program reads are copied into its project); undefined when there is none. */
  readBytes?(file: string): Uint8Array | undefined;
  /** Every file at a path: the file itself, or every file below a directory, in name order. */
  walk?(p: string): readonly string[];
}

const listingOnceLoaders = new WeakSet<ModuleLoader>();

/**
 * The loader for one conversion: each folder listed once, however many stages ask (when a call
 * names it, when it is converted, for its variable files; a listing is a system call, slow on
 * some file systems). A loader already wrapped is returned as it is.
 */
export function listingOnce(loader: ModuleLoader): ModuleLoader {
  if (listingOnceLoaders.has(loader)) return loader;
  const listed = new Map<string, readonly string[]>();
  const once: ModuleLoader = {
    ...loader,
    list(dir) {
      let names = listed.get(dir);
      if (!names) listed.set(dir, (names = loader.list(dir)));
      return names;
    },
  };
  listingOnceLoaders.add(once);
  return once;
}

export type ResolvedSource =
  | { readonly kind: "local"; readonly dir: string }
  | { readonly kind: "downloaded"; readonly dir: string; readonly version?: string }
  | { readonly kind: "missing" };

export function isLocalSource(source: string): boolean {
  return source === "." || source === ".." || source.startsWith("./") || source.startsWith("../");
}

interface Downloaded {
  readonly dir: string;
  readonly version?: string;
}

/** `.terraform/modules/modules.json` of the root module: call path (`api.lambda`) → its copy, relative to the root. */
export function downloadedModules(rootDir: string, loader: ModuleLoader): Map<string, Downloaded> {
  const out = new Map<string, Downloaded>();
  const text = loader.readFile(path.join(rootDir, ".terraform", "modules", "modules.json"));
  if (text === undefined) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  const modules = (parsed as { Modules?: unknown }).Modules;
  if (!Array.isArray(modules)) return out;
  for (const m of modules as { Key?: unknown; Dir?: unknown; Version?: unknown }[]) {
    if (typeof m.Key !== "string" || typeof m.Dir !== "string" || m.Key === "") continue;
    // The copy must be inside the root module: a listed directory that climbs out is ignored.
    const dir = path.normalize(m.Dir);
    if (path.isAbsolute(dir) || dir.startsWith("..")) continue;
    out.set(m.Key, { dir, ...(typeof m.Version === "string" && m.Version ? { version: m.Version } : {}) });
  }
  return out;
}

/** Resolves a call's source; `keyPath` is the call path from the root (`api.lambda`), as modules.json names it. */
export function resolveSource(source: string, callerDir: string, rootDir: string, keyPath: string, downloaded: ReadonlyMap<string, Downloaded>): ResolvedSource {
  if (isLocalSource(source)) return { kind: "local", dir: path.normalize(path.join(callerDir, source)) };
  const copy = downloaded.get(keyPath);
  if (copy) return { kind: "downloaded", dir: path.join(rootDir, copy.dir), ...(copy.version ? { version: copy.version } : {}) };
  return { kind: "missing" };
}

/** A name for a module known only by its source: `clouddrove/labels/aws` → `labels`, `git::https://…/vpc.git?ref=v1` → `vpc`. */
export function sourceBaseName(source: string, fallback: string): string {
  const bare = source.replace(/^[a-z0-9]+::/, "").replace(/[?#].*$/, "").replace(/\/\/.*$/, "");
  const registry = /^(?:[\w.-]+\/)?([\w-]+)\/([\w-]+)\/([\w-]+)$/.exec(bare);
  if (registry && !bare.includes(":")) return registry[2]!;
  const last = bare.split("/").filter(Boolean).pop()?.replace(/\.git$/, "");
  return last && /[A-Za-z]/.test(last) ? last : fallback;
}
