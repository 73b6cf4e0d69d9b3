import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { hclInputBytes } from "../src/commands/input-size.js";
import { ROOT } from "./helpers/fixtures.js";

/** Calls tuneParserRuntime in a process of its own (V8 flags are process-wide) and prints the flags the process recorded. */
function tuned(nodeArgs: string[], before = "", call = "h.tuneParserRuntime();"): string {
  const url = pathToFileURL(path.join(ROOT, "dist", "parsers", "terraform", "hcl2json.js")).href;
  const script = `const h = await import(${JSON.stringify(url)});${before} ${call} const { v8Flags } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "dist", "model", "v8-flags.js")).href)}); console.log(JSON.stringify({ recorded: process.env.PULUMIGRATE_V8_FLAGS ?? null, flags: v8Flags() }));`;
  // A script file, not -e: node lists an -e script among its execArgv.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-flags-")), "tune.mjs");
  fs.writeFileSync(file, script);
  const r = spawnSync(process.execPath, [...nodeArgs, file], { encoding: "utf8", env: { ...process.env, PULUMIGRATE_V8_FLAGS: "" } });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

describe("the parser runtime's V8 tiering budget", () => {
  it("is raised and recorded (the code cache keys by it; worker threads inherit the record)", () => {
    expect(JSON.parse(tuned([]))).toEqual({ recorded: "--wasm-tiering-budget=180000000", flags: "--wasm-tiering-budget=180000000" });
  });

  it("is left as node was given it", () => {
    expect(JSON.parse(tuned(["--wasm-tiering-budget=5000000"]))).toEqual({ recorded: "", flags: "--wasm-tiering-budget=5000000" });
  });

  it("is left alone once the parser has loaded (its WASM compiled under the old budget)", () => {
    expect(JSON.parse(tuned([], " h.startParser();"))).toEqual({ recorded: "", flags: "" });
  });

  it("a small input runs without the optimizing tier, a large one under the raised budget; tiering flags given to node are kept", () => {
    const below = `h.tuneParserRuntime(process.execArgv, h.LIFTOFF_ONLY_BELOW - 1);`;
    const above = `h.tuneParserRuntime(process.execArgv, h.LIFTOFF_ONLY_BELOW);`;
    expect(JSON.parse(tuned([], "", below))).toEqual({ recorded: "--liftoff-only", flags: "--liftoff-only" });
    expect(JSON.parse(tuned([], "", above))).toEqual({ recorded: "--wasm-tiering-budget=180000000", flags: "--wasm-tiering-budget=180000000" });
    expect(JSON.parse(tuned(["--no-liftoff"], "", below))).toEqual({ recorded: "", flags: "--no-liftoff" });
    expect(JSON.parse(tuned(["--wasm-dynamic-tiering"], "", below))).toEqual({ recorded: "", flags: "--wasm-dynamic-tiering" });
  });
});

describe("a repository run's JavaScript interrupt budget", () => {
  const jit = JSON.stringify(pathToFileURL(path.join(ROOT, "dist", "bulk", "jit.js")).href);
  it("is raised and recorded for the process its workers share", () => {
    expect(JSON.parse(tuned([], "", `(await import(${jit})).tuneRepositoryRun();`))).toEqual({ recorded: "--interrupt-budget=1000000", flags: "--interrupt-budget=1000000" });
  });

  it("is left as node was given it", () => {
    expect(JSON.parse(tuned(["--interrupt-budget=200000"], "", `(await import(${jit})).tuneRepositoryRun();`))).toEqual({ recorded: "", flags: "--interrupt-budget=200000" });
  });

  it("is set by the command line for a repository run only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-jit-"));
    fs.mkdirSync(path.join(dir, "repo"));
    fs.writeFileSync(path.join(dir, "main.tf"), 'resource "aws_sqs_queue" "q" {}\n');
    // The flags each run recorded, read back where its process ends (a preloaded probe prints them to stderr).
    const probe = path.join(dir, "probe.cjs");
    fs.writeFileSync(probe, 'process.on("exit", () => process.stderr.write("FLAGS " + (process.env.PULUMIGRATE_V8_FLAGS ?? "") + "\\n"));');
    const flags = (args: string[]) => {
      const r = spawnSync(process.execPath, ["--require", probe, path.join(ROOT, "dist", "cli.cjs"), ...args], { encoding: "utf8", env: { ...process.env, PULUMIGRATE_V8_FLAGS: "" } });
      return /FLAGS (.*)/.exec(r.stderr)?.[1] ?? "no probe output";
    };
    expect(flags(["migrate", path.join(dir, "repo"), "-o", path.join(dir, "out")])).toContain("--interrupt-budget=1000000");
    expect(flags(["convert", path.join(dir, "main.tf"), "--no-format"])).not.toContain("--interrupt-budget");
  });
});

describe("the HCL a command line names, told before it loads", () => {
  it("counts the .tf files named and those directly inside a folder named; a repository run is unknown", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-size-"));
    fs.writeFileSync(path.join(dir, "a.tf"), "x".repeat(100));
    fs.writeFileSync(path.join(dir, "b.tf.json"), "y".repeat(50));
    fs.writeFileSync(path.join(dir, "notes.md"), "z".repeat(1000));
    fs.mkdirSync(path.join(dir, "modules"));
    fs.writeFileSync(path.join(dir, "modules", "c.tf"), "w".repeat(7));
    expect(hclInputBytes(["convert", path.join(dir, "a.tf"), "-o", path.join(dir, "out.ts")])).toBe(100);
    expect(hclInputBytes(["convert", dir, "--no-format"])).toBe(150);
    expect(hclInputBytes(["convert", path.join(dir, "missing.tf")])).toBe(0);
    expect(hclInputBytes(["convert", dir, "--recursive", "-o", "x"])).toBeUndefined();
    expect(hclInputBytes(["migrate", dir, "-o", "x"])).toBeUndefined();
  });
});
