import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedFormat, FORMAT_ENTRIES, MAX_ENTRY, useFormatCache } from "../src/emitters/typescript/format-cache.js";
import { convert } from "../src/index.js";
import { CLI, ROOT } from "./helpers/fixtures.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-format-cache-"));
const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith("format-")) : []);

/** A formatter that counts its calls. */
function counting(answer: (text: string) => string) {
  const calls: string[] = [];
  return { calls, run: (text: string) => () => (calls.push(text), Promise.resolve(answer(text))) };
}

afterEach(() => useFormatCache(undefined));

describe("format cache", () => {
  it("formats a text once: the next call answers from the entry without formatting", async () => {
    const dir = path.join(tmp(), "cache");
    useFormatCache(dir);
    const f = counting((t) => t.toUpperCase());
    expect(await cachedFormat("const a = 1", {}, f.run("const a = 1"))).toBe("CONST A = 1");
    expect(entries(dir)).toHaveLength(1);
    expect(await cachedFormat("const a = 1", {}, f.run("const a = 1"))).toBe("CONST A = 1");
    expect(f.calls).toEqual(["const a = 1"]);
  });

  it("another text or other options never meet an entry made for one", async () => {
    const dir = path.join(tmp(), "cache");
    useFormatCache(dir);
    const f = counting((t) => `[${t}]`);
    await cachedFormat("x", {}, f.run("x"));
    expect(await cachedFormat("y", {}, f.run("y"))).toBe("[y]");
    expect(await cachedFormat("x", { singleQuote: true }, f.run("x"))).toBe("[x]");
    expect(f.calls).toEqual(["x", "y", "x"]);
    expect(entries(dir)).toHaveLength(3);
  });

  it("a damaged entry is not believed: the text is formatted again and the entry written again", async () => {
    const dir = path.join(tmp(), "cache");
    useFormatCache(dir);
    const f = counting((t) => `<${t}>`);
    await cachedFormat("x", {}, f.run("x"));
    const [entry] = entries(dir);
    const file = path.join(dir, entry!);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("<x>", "<z>"));
    expect(await cachedFormat("x", {}, f.run("x"))).toBe("<x>");
    expect(f.calls).toHaveLength(2);
    expect(await cachedFormat("x", {}, f.run("x"))).toBe("<x>");
    expect(f.calls).toHaveLength(2);
  });

  it("keeps a bounded number of entries, the most recently used among them", async () => {
    const dir = path.join(tmp(), "cache");
    useFormatCache(dir);
    const f = counting((t) => t);
    await cachedFormat("kept", {}, f.run("kept"));
    for (let i = 1; i < 2 * FORMAT_ENTRIES; i++) await cachedFormat(`t${i}`, {}, f.run(`t${i}`));
    expect(entries(dir)).toHaveLength(2 * FORMAT_ENTRIES);
    // All written a minute ago; then "kept" is used again, and one more entry passes the bound.
    const past = new Date(Date.now() - 60_000);
    for (const e of entries(dir)) fs.utimesSync(path.join(dir, e), past, past);
    await cachedFormat("kept", {}, f.run("kept"));
    await cachedFormat("one more", {}, f.run("one more"));
    expect(entries(dir)).toHaveLength(FORMAT_ENTRIES);
    const calls = f.calls.length;
    await cachedFormat("kept", {}, f.run("kept"));
    await cachedFormat("one more", {}, f.run("one more"));
    expect(f.calls).toHaveLength(calls);
  });

  it("keeps no answer larger than the bound", async () => {
    const dir = path.join(tmp(), "cache");
    useFormatCache(dir);
    const f = counting((t) => t.repeat(MAX_ENTRY));
    await cachedFormat("xy", {}, f.run("xy"));
    await cachedFormat("xy", {}, f.run("xy"));
    expect(f.calls).toHaveLength(2);
    expect(entries(dir)).toEqual([]);
  });

  it("is off unless turned on: the library writes nothing", async () => {
    const f = counting((t) => t);
    await cachedFormat("x", {}, f.run("x"));
    await cachedFormat("x", {}, f.run("x"));
    expect(f.calls).toHaveLength(2);
  });

  it("the command line prints the same program from the cache as prettier does, and a repository run leaves none", async () => {
    const cache = path.join(tmp(), "cache");
    const template = path.join(ROOT, "tests", "fixtures", "cfn_iam_role", "template.yaml");
    const env = { ...process.env, PULUMIGRATE_CACHE_DIR: cache };
    const run = () => spawnSync(process.execPath, [CLI, "convert", template], { encoding: "utf8", env });
    const first = run();
    expect(first.status).toBe(0);
    expect(entries(cache)).toHaveLength(1);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    const expected = await convert([{ path: template, text: fs.readFileSync(template, "utf8") }]);
    expect(second.stdout).toBe(expected.code);

    const repo = tmp();
    fs.copyFileSync(template, path.join(repo, "api.yaml"));
    const other = path.join(tmp(), "cache");
    const bulk = spawnSync(process.execPath, [CLI, "convert", repo, "--recursive", "-o", path.join(tmp(), "out")], { encoding: "utf8", env: { ...env, PULUMIGRATE_CACHE_DIR: other } });
    expect(bulk.status).toBe(0);
    expect(entries(other)).toEqual([]);
  });
});
