import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { resolveFormatOptions } from "../src/emitters/typescript/format.js";
import { mayHaveConfig } from "../src/emitters/typescript/prettier-config.js";

/** A folder tree: relative path → contents. The output file is `out/deep/index.ts` inside it. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-prettier-config-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

// Above the test's folders (the temporary folder and its parents) this machine may hold a configuration of its own; the checks below hold either way.
const above = mayHaveConfig(path.join(os.tmpdir(), "pulumigrate-probe", "index.ts"));

const layouts: Record<string, Record<string, string>> = {
  "nothing anywhere": {},
  "a package.json without a prettier key": { "package.json": '{ "name": "x" }' },
  "a .prettierrc in the output folder": { "out/deep/.prettierrc": '{ "singleQuote": true }' },
  "a TOML configuration two folders up": { ".prettierrc.toml": "printWidth = 40\n" },
  "prettier.config.cjs above": { "out/prettier.config.cjs": "module.exports = { semi: false };\n" },
  "a package.json prettier key": { "out/package.json": '{ "name": "x", "prettier": { "tabWidth": 4 } }' },
  "an .editorconfig": { ".editorconfig": "root = true\n[*]\nindent_style = tab\n", ".git/HEAD": "ref: refs/heads/main\n" },
  "a package.json that does not parse": { "package.json": "{ nope" },
};

describe("prettier's configuration search is skipped only where prettier would find none", () => {
  for (const [name, files] of Object.entries(layouts)) {
    it(name, async () => {
      const root = tree(files);
      // The output folder need not exist yet.
      const file = path.join(root, "out", "deep", "index.ts");
      const found = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
      expect(await resolveFormatOptions(file)).toEqual(found);
      // Each configuration written here is one prettier reads (so the comparison above is not of two empty answers), and the walk saw that it might.
      const configures = !["nothing anywhere", "a package.json without a prettier key", "a package.json that does not parse"].includes(name);
      if (configures) expect(Object.keys(found).length, name).toBeGreaterThan(0);
      if (Object.keys(found).length > 0) expect(mayHaveConfig(file)).toBe(true);
      // Nothing written here that prettier could read: the answer is the one for the folders above.
      if (name === "nothing anywhere" || name === "a package.json without a prettier key") expect(mayHaveConfig(file)).toBe(above);
    });
  }

  it("what the walk does not know (a configuration file named as a later prettier might) makes it ask prettier", () => {
    const root = tree({ ".prettierrc.future": "{}" });
    expect(mayHaveConfig(path.join(root, "index.ts"))).toBe(true);
  });
});
