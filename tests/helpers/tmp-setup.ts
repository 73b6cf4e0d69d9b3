/**
 * vitest's global setup: every test run gets a temporary folder of its own (TMPDIR, which
 * `os.tmpdir()` reads, in the test processes and in every command they start), removed when the
 * run ends, so that the folders tests make (projects, repositories, caches) do not pile up.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-tests-"));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
