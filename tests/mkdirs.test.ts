import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeDirs } from "../src/model/mkdirs.js";

describe("makeDirs (mkdir -p without Node's endless retry)", () => {
  it("makes the missing folders with the mode asked for, and leaves a folder that exists", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-mkdirs-"));
    const deep = path.join(dir, "a", "b", "c");
    makeDirs(deep, 0o700);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    expect(fs.statSync(path.join(dir, "a")).mode & 0o777).toBe(0o700);
    fs.writeFileSync(path.join(deep, "kept"), "x");
    makeDirs(deep);
    makeDirs(path.join(dir, "a"));
    expect(fs.readFileSync(path.join(deep, "kept"), "utf8")).toBe("x");
  });

  it("a file in the way is EEXIST (or ENOTDIR below it), as mkdir -p says", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-mkdirs-"));
    fs.writeFileSync(path.join(dir, "file"), "x");
    expect(() => makeDirs(path.join(dir, "file"))).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(() => makeDirs(path.join(dir, "file", "below"))).toThrow(expect.objectContaining({ code: "ENOTDIR" }));
    expect(fs.readFileSync(path.join(dir, "file"), "utf8")).toBe("x");
  });

  it("a dangling link in the path is an error, not a loop", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-mkdirs-"));
    fs.symlinkSync(path.join(dir, "gone"), path.join(dir, "link"));
    expect(() => makeDirs(path.join(dir, "link", "out"))).toThrow(expect.objectContaining({ code: expect.stringMatching(/^E(EXIST|NOENT)$/) }));
  });

  it.skipIf(!fs.existsSync("/proc/self"))("a folder procfs cannot hold is ENOENT at once (Node's recursive mkdir spins forever on it)", () => {
    expect(() => makeDirs("/proc/pulumigrate-test/deeper")).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });
});
