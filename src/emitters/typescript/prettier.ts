/**
 * Prettier, in two forms. Its core (`prettier/standalone` with the babel and estree plugins,
 * which print TypeScript) formats every program whose options are prettier's own layout options;
 * it is loaded through V8's code cache (code-cache.ts) on first use, or early, in the background,
 * by a caller that knows formatting is coming. The whole package (its import alone costs tens of
 * milliseconds more) is loaded only to resolve a team's configuration (where one may exist,
 * prettier-config.ts) and to format under options the core does not know (plugins).
 */
import { createRequire } from "node:module";
import type { Options, Plugin } from "prettier";
import { loadCached, type CachedModule } from "./code-cache.js";

const require = createRequire(import.meta.url);
let loaded: Promise<typeof import("prettier")> | undefined;

/** The whole package, through its CommonJS entry (the same functions; the bundled command line has no dynamic import). */
export function prettierModule(): Promise<typeof import("prettier")> {
  loaded ??= Promise.resolve().then(() => require("prettier") as typeof import("prettier"));
  return loaded;
}

interface Core {
  readonly format: (code: string, options: Options) => Promise<string>;
  readonly plugins: Plugin[];
  readonly modules: readonly CachedModule[];
}

let core: Core | undefined;
let saved = false;

function loadCore(): Core {
  if (!core) {
    const modules = ["prettier/standalone", "prettier/plugins/babel", "prettier/plugins/estree"].map((id) => loadCached(require.resolve(id), require));
    const [standalone, babel, estree] = modules.map((m) => m.exports) as [{ format: Core["format"] }, Plugin, Plugin];
    core = { format: standalone.format, plugins: [babel, estree], modules };
  }
  return core;
}

/**
 * Formats with prettier's core (babel-ts: it prints what the typescript parser prints for the
 * code we emit, and loads and runs faster; the corpus test checks every output against the
 * typescript parser). After the first program, the cache entries are written where they were
 * missing, with the functions that formatting compiled.
 */
export async function formatWithCore(code: string, options: Options): Promise<string> {
  const c = loadCore();
  const text = await c.format(code, { ...options, parser: "babel-ts", plugins: c.plugins });
  if (!saved) {
    saved = true;
    for (const m of c.modules) m.save();
  }
  return text;
}

/** Starts loading prettier's core (and compiling what formatting needs), without waiting for it. */
export function startFormatter(): void {
  setImmediate(() => {
    try {
      const c = loadCore();
      c.format(";", { parser: "babel-ts", plugins: c.plugins }).catch(() => undefined);
    } catch {
      // Loading fails again, and is reported, when a program is formatted.
    }
  });
}
