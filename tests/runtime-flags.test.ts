import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/fixtures.js";

/** Calls tuneParserRuntime in a process of its own (V8 flags are process-wide) and prints the flags the process recorded. */
function tuned(nodeArgs: string[], before = ""): string {
  const url = pathToFileURL(path.join(ROOT, "dist", "parsers", "terraform", "hcl2json.js")).href;
  const script = `const h = await import(${JSON.stringify(url)});${before} h.tuneParserRuntime(); const { v8Flags } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "dist", "model", "v8-flags.js")).href)}); console.log(JSON.stringify({ recorded: process.env.PULUMIGRATE_V8_FLAGS ?? null, flags: v8Flags() }));`;
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
});
