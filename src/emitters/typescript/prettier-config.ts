/**
 * Whether prettier could find a configuration for a file, told without prettier. Resolving one
 * needs prettier's whole package (its CommonJS entry imports the ES module that holds the config
 * search, some 50 ms of loading and compiling that no code cache covers), where formatting needs
 * only its core. Most outputs are written where no configuration exists; this walk finds that
 * out from the folder listings and leaves the search to prettier whenever one might exist.
 *
 * It errs one way only: a name prettier might read (any `.prettierrc…`, `prettier.config.…`,
 * `package.yaml`, `.editorconfig`, a `package.json` with a `prettier` key or that cannot be
 * read) in the file's folder or any above it means "ask prettier". So a configuration format a
 * later prettier learns is still found, and the answer "none" is one prettier would give too.
 */
import fs from "node:fs";
import path from "node:path";

export function mayHaveConfig(file: string): boolean {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    let names: string[] | undefined;
    try {
      names = fs.readdirSync(dir);
    } catch (e) {
      // A folder not made yet (the output's) has nothing in it; one that cannot be read might.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") return true;
    }
    for (const n of names ?? []) {
      if (n.startsWith(".prettierrc") || n.startsWith("prettier.config.") || n === ".editorconfig" || n === "package.yaml") return true;
      if (n === "package.json" && packageMayConfigure(path.join(dir, n))) return true;
    }
    if (dir === path.dirname(dir)) return false;
  }
}

/** A `package.json` prettier reads a configuration from (its `prettier` key), or one it cannot be sure of. */
function packageMayConfigure(file: string): boolean {
  try {
    const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof json !== "object" || json === null || "prettier" in json;
  } catch {
    return true;
  }
}
