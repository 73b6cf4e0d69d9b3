import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { cacheDirectory, ENTRIES_PER_FILE } from "../src/emitters/typescript/code-cache.js";
import { CLI, ROOT } from "./helpers/fixtures.js";

/**
 * Loads `file` through the cache in a process of its own (within one process V8 answers a second
 * compilation of the same text from memory, whatever the cache holds), saves the entry, and
 * prints what happened and what the file's function answers.
 */
function load(file: string, cache: string): { outcome: string; answer: string } {
  const script = `import { createRequire } from "node:module";
import { loadCached } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "dist", "emitters", "typescript", "code-cache.js")).href)};
const m = loadCached(${JSON.stringify(file)}, createRequire(import.meta.url), ${JSON.stringify(cache)});
m.save();
console.log(JSON.stringify({ outcome: m.outcome, answer: m.exports.answer() }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as { outcome: string; answer: string };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-cache-"));
}

/** A CommonJS file whose function returns `value`; the values the tests give have the same length. */
function write(dir: string, value: string): string {
  const file = path.join(dir, "mod.js");
  fs.writeFileSync(file, `module.exports = { answer() { return ${JSON.stringify(value)}; } };\n`);
  return file;
}

const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".bin")) : []);

describe("code cache", () => {
  it("compiles a file once: the next process starts from the entry and behaves the same", () => {
    const cache = path.join(tmp(), "cache");
    const file = write(tmp(), "first");
    expect(load(file, cache)).toEqual({ outcome: "missing", answer: "first" });
    expect(entries(cache)).toHaveLength(1);
    expect(load(file, cache)).toEqual({ outcome: "hit", answer: "first" });
  });

  it("a changed file of the same length never runs the old bytecode (V8 alone would accept it)", () => {
    const cache = path.join(tmp(), "cache");
    const dir = tmp();
    const file = write(dir, "first");
    load(file, cache);
    write(dir, "other");
    expect(load(file, cache)).toEqual({ outcome: "missing", answer: "other" });
  });

  it("a damaged entry is rejected, the file compiles as usual, and the entry is written again", () => {
    const cache = path.join(tmp(), "cache");
    const file = write(tmp(), "first");
    load(file, cache);
    const [entry] = entries(cache);
    fs.writeFileSync(path.join(cache, entry!), Buffer.alloc(4096, 7));
    expect(load(file, cache)).toEqual({ outcome: "rejected", answer: "first" });
    expect(load(file, cache)).toEqual({ outcome: "hit", answer: "first" });
  });

  it("keeps a bounded number of entries a file (a new Node, another set of flags or another version of the file each makes one)", () => {
    const cache = path.join(tmp(), "cache");
    const dir = tmp();
    for (let i = 0; i < ENTRIES_PER_FILE + 3; i++) {
      const file = write(dir, `v${String(i).padStart(4, "0")}`);
      expect(load(file, cache).outcome).toBe("missing");
    }
    expect(entries(cache)).toHaveLength(ENTRIES_PER_FILE);
    // The newest version is among those kept.
    expect(load(path.join(dir, "mod.js"), cache).outcome).toBe("hit");
  });

  it.skipIf(typeof process.getuid !== "function")("a folder others can write to is never used; the switch turns the cache off", () => {
    const shared = tmp();
    fs.chmodSync(shared, 0o777);
    expect(cacheDirectory({ PULUMIGRATE_CACHE_DIR: shared })).toBeUndefined();
    fs.chmodSync(shared, 0o700);
    expect(cacheDirectory({ PULUMIGRATE_CACHE_DIR: shared })).toBe(shared);
    expect(cacheDirectory({ PULUMIGRATE_CACHE_DIR: shared, PULUMIGRATE_NO_CODE_CACHE: "1" })).toBeUndefined();
  });

  it("the CLI formats the same with prettier's core from the cache, compiled afresh, and with no cache", () => {
    const cache = path.join(tmp(), "cache");
    const sample = path.join(ROOT, "samples", "lambda-integration", "main.tf");
    const cli = (env: Record<string, string>) => spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "convert", sample], { encoding: "utf8", env: { ...process.env, ...env } });
    const first = cli({ PULUMIGRATE_CACHE_DIR: cache });
    expect(first.status).toBe(0);
    // prettier's standalone core and its babel and estree plugins, and the command line's bundle
    expect(entries(cache).map((e) => e.replace(/-[0-9a-f]+\.bin$/, "")).sort()).toEqual(["babel.js", "cli.bundle.cjs", "estree.js", "standalone.js"]);
    const written = entries(cache).map((e) => fs.statSync(path.join(cache, e)).mtimeMs);
    const second = cli({ PULUMIGRATE_CACHE_DIR: cache });
    const none = cli({ PULUMIGRATE_NO_CODE_CACHE: "1" });
    expect(second.stdout).toBe(first.stdout);
    expect(none.stdout).toBe(first.stdout);
    // A hit is not written again.
    expect(entries(cache).map((e) => fs.statSync(path.join(cache, e)).mtimeMs)).toEqual(written);
  });
});

describe("the bundled command line", () => {
  const cli = (launcher: string, args: string[], env: Record<string, string>, cwd = ROOT) => {
    const r = spawnSync(process.execPath, [launcher, ...args], { encoding: "utf8", cwd, env: { ...process.env, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("is built, and answers as the modules it was made from do: conversions, a project, a repository run, help, version, usage and input errors", () => {
    expect(fs.existsSync(path.join(ROOT, "dist", "cli.bundle.cjs"))).toBe(true);
    expect(CLI).toBe(path.join(ROOT, "dist", "cli.cjs"));
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "bad.tf"), 'resource "aws_sqs_queue" "q" {\n  name = "broken\n}\n');
    const template = path.join(ROOT, "samples", "lambda-integration-cfn", "template.yaml");
    const cases: string[][] = [
      ["convert", path.join(ROOT, "samples", "lambda-integration", "main.tf")],
      ["convert", template, "--json"],
      ["convert", path.join(ROOT, "samples", "module-tree"), "-o", "OUT/"],
      // A repository run: the workers start from a bundle of their own.
      ["migrate", path.join(ROOT, "samples"), "-o", "OUT"],
      ["--help"],
      ["convert", "--help"],
      ["--version"],
      ["convert", "bad.tf"],
      ["convert", "nope.tf"],
      ["convert", template, "--bogus"],
      [],
    ];
    const cache = path.join(tmp(), "cache");
    const seen: { status: number | null; stdout: string; stderr: string; written: Record<string, string> }[] = [];
    for (const args of cases) {
      // The package's bin (the launcher bundled into one CommonJS file) and the launcher module it is made from, each with the bundle; the launcher module with the modules.
      const forms = [[CLI, ""], [path.join(ROOT, "dist", "cli.js"), ""], [path.join(ROOT, "dist", "cli.js"), "1"]] as const;
      const answers = forms.map(([launcher, noBundle]) => {
        const out = path.join(tmp(), "project");
        const a = cli(launcher, args.map((x) => x.replace("OUT", out)), { PULUMIGRATE_CACHE_DIR: cache, PULUMIGRATE_NO_BUNDLE: noBundle }, dir);
        // The repository report's timings differ from run to run; the projects may not.
        const files = fs.existsSync(out) ? fs.readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => !f.startsWith("pulumigrate-report.")) : [];
        const written = Object.fromEntries(files.sort().map((f) => [f, fs.statSync(path.join(out, f)).isFile() ? fs.readFileSync(path.join(out, f), "utf8") : "(folder)"]));
        // …nor the order projects finish in, nor how long each took.
        const stdout = args[0] === "migrate" ? a.stdout.replaceAll(out, "OUT").replace(/^\[\d+\/\d+\] /gm, "").replace(/\b\d+(?:\.\d+)? m?s\b/g, "? ms").replace(/peak \d+ MB/, "peak ? MB").split("\n").sort().join("\n") : a.stdout;
        return { ...a, stdout, stderr: a.stderr.replaceAll(out, "OUT"), written };
      });
      expect(answers[0], args.join(" ")).toEqual(answers[1]);
      expect(answers[0], args.join(" ")).toEqual(answers[2]);
      seen.push(answers[0]!);
    }
    // What they agree on is the command line working, and failing, as it should.
    expect(seen.map((a) => a.status)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2]);
    expect(seen[0]!.stdout).toContain('new aws.apigateway.Integration("integration", {');
    expect(JSON.parse(seen[1]!.stdout).format).toBe("cloudformation");
    expect(Object.keys(seen[2]!.written)).toContain("index.ts");
    expect(Object.keys(seen[3]!.written)).toEqual(expect.arrayContaining(["lambda-integration/index.ts", "module-tree/components/lambdaEndpoint.ts"]));
    expect(seen[4]!.stdout).toContain("migrate <input>");
    expect(seen[7]!.stderr).toMatch(/^bad\.tf:2:\d+: error: .+ \[PG1001\]$/m);
    // Later bundled runs start from the cache entries the first ones wrote.
    expect(entries(cache).some((e) => e.startsWith("cli.bundle.cjs-"))).toBe(true);
    expect(entries(cache).some((e) => e.startsWith("worker.bundle.cjs-"))).toBe(true);
  });
});
