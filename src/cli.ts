#!/usr/bin/env node
/**
 * The `pulumigrate` command. What it runs is the command line of src/commands, which the build
 * also bundles, with yargs and js-yaml, into one file (`cli.bundle.cjs`, scripts/bundle.mjs).
 * That file is run through V8's code cache (emitters/typescript/code-cache.ts): a later run
 * starts from the bytecode of an earlier one instead of resolving, reading, parsing and
 * compiling some 110 modules again, ~150 ms of every conversion. Without the bundle (a build
 * that did not make it, or `PULUMIGRATE_NO_BUNDLE=1`) the same modules are imported one by one;
 * either way the command line is the same code. The package's `bin` is this file bundled with
 * the few modules it imports into one CommonJS file (`dist/cli.cjs`), which starts without
 * node's ES module loader.
 */
import { fileURLToPath } from "node:url";
import { tuneRepositoryRun } from "./bulk/jit.js";
import { hclInputBytes, isRepositoryRun } from "./commands/input-size.js";
import { loadBundle } from "./emitters/typescript/code-cache.js";
import { tuneParserRuntime } from "./parsers/terraform/hcl2json.js";

interface Commands {
  run(args: string[]): void;
}

// V8 flags first: the code cache keys its entries by them, and the parser's WASM compiles under them.
const args = process.argv.slice(2);
tuneParserRuntime(process.execArgv, hclInputBytes(args));
if (isRepositoryRun(args)) tuneRepositoryRun();
const loaded = loadBundle(fileURLToPath(new URL("./cli.bundle.cjs", import.meta.url)));
if (loaded) {
  // Written as the process ends, so that the entry holds every function this run compiled.
  process.once("exit", () => loaded.save());
  (loaded.exports as Commands).run(args);
} else {
  void import("./commands/index.js").then((m: Commands) => m.run(args));
}
