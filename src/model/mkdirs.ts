/**
 * Folders made with their missing parents, as `mkdir -p` does. Node's own `mkdirSync(dir,
 * { recursive: true })` never returns where a folder's parent exists but cannot hold it: procfs
 * answers ENOENT for `/proc/x`, which Node reads as a missing parent, makes the parent (EEXIST),
 * and tries again, forever at full CPU (its promise version never settles). Here a parent is made
 * at most once per level, and a child that still cannot be made is the file system's answer.
 */
import fs from "node:fs";
import path from "node:path";

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Makes `dir` and the folders above it that are missing (`mode` for each one made); a folder that exists is fine, a file in the way is EEXIST. */
export function makeDirs(dir: string, mode?: number): void {
  const options = mode === undefined ? undefined : { mode };
  try {
    fs.mkdirSync(dir, options);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST" && isDirectory(dir)) return;
    const parent = path.dirname(path.resolve(dir));
    if (code !== "ENOENT" || parent === path.resolve(dir)) throw e;
    makeDirs(parent, mode);
  }
  // The parent is there now: an ENOENT this time is final (another thread may have made the folder meanwhile).
  try {
    fs.mkdirSync(dir, options);
  } catch (e) {
    if (!((e as NodeJS.ErrnoException).code === "EEXIST" && isDirectory(dir))) throw e;
  }
}
