/**
 * CommonJS files loaded through V8's code cache, the way Node 22's `module.enableCompileCache()`
 * does for every module (Node 20 has no such switch, and none for ES modules): the bytecode V8
 * compiled for a file in an earlier run is kept on disk, and a later run starts from it instead
 * of parsing and compiling the file again. Prettier's core and its TypeScript plugins (600 KB
 * of code that runs once per process) load and format a first program in about a third of the
 * time that way; so does the command line itself, bundled into one file at build time (src/cli.ts).
 *
 * A cache entry is named by the file's content hash, the Node version, the architecture and the
 * V8 flags the process set (model/v8-flags.ts): a changed file never meets bytecode compiled from
 * another text (V8's own check looks only at the source's length and the flags), and runs under
 * other flags (the command line raises the WASM tiering budget, the library does not) keep
 * entries of their own instead of replacing each other's. V8 still rejects an entry made by
 * another V8; a rejected or unreadable entry is compiled as usual and written again. The cache
 * changes how fast a file's code is compiled, never what it does. It lives in a folder of its own
 * per user under the temporary folder, used only if no one else can write to it
 * (`PULUMIGRATE_CACHE_DIR` moves it; `PULUMIGRATE_NO_CODE_CACHE=1` turns it off); entries are
 * written whole (a temporary name, then a rename), so concurrent runs never read half of one.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { v8Flags } from "../../model/v8-flags.js";
import { makeDirs } from "../../model/mkdirs.js";

/** What happened to one file's cache entry in this process (for tests and the bench). */
export type CacheOutcome = "off" | "hit" | "missing" | "rejected";

export interface CachedModule {
  readonly exports: unknown;
  readonly outcome: CacheOutcome;
  /** Writes the entry (after the code has run, so that the functions it compiled lazily are in it), unless it was a hit. */
  save(): void;
}

/** The cache folder, or undefined when the cache is off. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PULUMIGRATE_NO_CODE_CACHE === "1") return undefined;
  const dir = env.PULUMIGRATE_CACHE_DIR || path.join(os.tmpdir(), `pulumigrate-code-cache-${typeof process.getuid === "function" ? process.getuid() : os.userInfo().username}`);
  return trusted(dir) ? dir : undefined;
}

/** A folder only this user can write to (or none yet): bytecode from anyone else is never run. */
function trusted(dir: string): boolean {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    return true;
  }
  if (!st.isDirectory()) return false;
  if (typeof process.getuid !== "function") return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/**
 * Runs a CommonJS (or UMD) file, with its bytecode from the cache when there is an entry for this
 * exact text; `require` is the one its code gets. Its code has no `import()` (V8 does not keep a
 * script's dynamic-import host options in a cache entry).
 */
export function loadCached(file: string, require: NodeJS.Require, dir = cacheDirectory()): CachedModule {
  const bytes = fs.readFileSync(file);
  const [head, tail] = ["(function (exports, require, module, __filename, __dirname) {", "\n})"];
  const wrapped = `${head}${bytes.toString("utf8")}${tail}`;
  // The hash of the wrapped text's UTF-8, taken from the file's bytes: hashing the joined string
  // would first flatten and re-encode it (~8 ms for the 0.9 MB bundle, against under 1 ms).
  const hash = () => createHash("sha256").update(head).update(bytes).update(tail).update(`${process.version} ${process.arch} ${v8Flags()}`).digest("hex").slice(0, 32);
  const entry = dir === undefined ? undefined : path.join(dir, `${path.basename(file)}-${hash()}.bin`);
  let cachedData: Buffer | undefined;
  if (entry !== undefined) {
    try {
      cachedData = fs.readFileSync(entry);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const outcome: CacheOutcome = entry === undefined ? "off" : !cachedData ? "missing" : script.cachedDataRejected ? "rejected" : "hit";
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, path.dirname(file));
  return {
    exports: module.exports,
    outcome,
    save() {
      if (entry === undefined || outcome === "hit") return;
      try {
        makeDirs(dir!, 0o700);
        const staged = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        fs.writeFileSync(staged, script.createCachedData());
        fs.renameSync(staged, entry);
        prune(dir!, path.basename(file));
      } catch {
        // A cache that cannot be written (a read-only or full disk) only means compiling next time too.
      }
    },
  };
}

/**
 * A file the build bundled (scripts/bundle.mjs) loaded through the cache, or undefined when there
 * is none or `PULUMIGRATE_NO_BUNDLE=1` asks for the modules themselves.
 */
export function loadBundle(file: string): CachedModule | undefined {
  if (process.env.PULUMIGRATE_NO_BUNDLE === "1" || !fs.existsSync(file)) return undefined;
  return loadCached(file, createRequire(file));
}

/** Entries kept for one file: other versions, Node versions and flag sets beyond these, the least recently written first, are removed. */
export const ENTRIES_PER_FILE = 8;

function prune(dir: string, base: string): void {
  const mine = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".bin"))
    .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of mine.slice(ENTRIES_PER_FILE)) fs.rmSync(path.join(dir, f), { force: true });
}
