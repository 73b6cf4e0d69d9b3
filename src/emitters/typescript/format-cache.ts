/**
 * Prettier's answers kept on disk between command-line runs, so that a run whose statements were
 * all formatted before (the same template converted again, or another with statements of the
 * same shapes) does not load prettier at all: loading its core and formatting a first program
 * cost ~50 ms of a ~200 ms run. An entry is prettier's output for one exact input text under one
 * set of options and one prettier version (named by the hash of the three, so a new prettier
 * or other options never meet an old answer); it holds the hash of its own text, checked when
 * read, and is written whole (a temporary name, then a rename). The cache changes how fast a
 * program is formatted, never what it prints. It shares the code cache's folder and switches
 * (`PULUMIGRATE_CACHE_DIR`, `PULUMIGRATE_NO_CODE_CACHE=1`), and is used by the command line's
 * one-project conversions only (`useFormatCache`): the library writes nothing on its own, and
 * a repository run keeps its own in-process memo (format.ts), where one entry per project would
 * cost more to write than it saves.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { makeDirs } from "../../model/mkdirs.js";

let dir: string | undefined;

/** Where this process keeps the entries (the command line passes cacheDirectory(), for one conversion), or undefined for none. */
export function useFormatCache(at: string | undefined): void {
  dir = at;
}

/** Entries kept; past twice as many, the least recently written are removed down to this. */
export const FORMAT_ENTRIES = 256;

const PREFIX = "format-";

/** The largest answer kept (characters): the folder stays within ~64 MB however many large programs pass. */
export const MAX_ENTRY = 128 * 1024;

let version: string | undefined;
function prettierVersion(): string {
  version ??= (createRequire(import.meta.url)("prettier/package.json") as { version: string }).version;
  return version;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** Prettier's output for `text` under `options`: from the cache when an entry holds it, else `run()`'s, kept for next time. */
export async function cachedFormat(text: string, options: object, run: () => Promise<string>): Promise<string> {
  if (dir === undefined) return run();
  const entry = path.join(dir, `${PREFIX}${sha(`${prettierVersion()}\0${JSON.stringify(options)}\0${text}`).slice(0, 40)}.txt`);
  const found = read(entry);
  if (found !== undefined) {
    touch(entry);
    return found;
  }
  const out = await run();
  if (out.length <= MAX_ENTRY) write(dir, entry, out);
  return out;
}

function read(entry: string): string | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(entry, "utf8");
  } catch {
    return undefined;
  }
  const nl = raw.indexOf("\n");
  const body = raw.slice(nl + 1);
  return nl === 64 && raw.slice(0, nl) === sha(body) ? body : undefined;
}

/** A hit counts as recent, so that pruning keeps what is used. */
function touch(entry: string): void {
  try {
    const now = new Date();
    fs.utimesSync(entry, now, now);
  } catch {
    // Only the order of pruning depends on it.
  }
}

function write(at: string, entry: string, body: string): void {
  try {
    makeDirs(at, 0o700);
    const staged = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(staged, `${sha(body)}\n${body}`);
    fs.renameSync(staged, entry);
    prune(at);
  } catch {
    // A cache that cannot be written only means formatting next time too.
  }
}

function prune(at: string): void {
  const mine = fs.readdirSync(at).filter((f) => f.startsWith(PREFIX) && f.endsWith(".txt"));
  if (mine.length <= 2 * FORMAT_ENTRIES) return;
  const byAge = mine.map((f) => ({ f, t: fs.statSync(path.join(at, f)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { f } of byAge.slice(FORMAT_ENTRIES)) fs.rmSync(path.join(at, f), { force: true });
}
