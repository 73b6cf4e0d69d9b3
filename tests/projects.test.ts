/**
 * Project fixtures: a root module with the modules it calls (or a template with the nested
 * templates it names, `input/template.yaml`) → the whole project folder
 * (Pulumi.yaml, package.json, tsconfig.json, Pulumi.<stack>.yaml, index.ts, components/*.ts)
 * and the diagnostics, file for file. `UPDATE_GOLDEN=1` rewrites `expected/`.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertProject, convertTemplateProject } from "../src/project/index.js";
import { projectFixtures, readTree, ROOT } from "./helpers/fixtures.js";

const update = process.env.UPDATE_GOLDEN === "1";

describe("project fixtures", () => {
  // The shipped module-tree sample is one too.
  const sample = { name: "module-tree", input: path.join(ROOT, "samples", "module-tree"), expected: path.join(ROOT, "samples", "module-tree", "expected") };
  for (const f of [...projectFixtures(), sample]) {
    it(f.name, async () => {
      // A folder with a template converts it (and the nested templates it names); one of .tf files is a root module.
      const template = fs.existsSync(path.join(f.input, "template.yaml")) ? path.join(f.input, "template.yaml") : undefined;
      const result = template ? await convertTemplateProject(template, fs.readFileSync(template, "utf8"), { name: f.name }) : await convertProject(f.input, { name: f.name });
      const produced = new Map(result.files.map((x) => [x.path, x.content]));
      const relative = result.diagnostics.map((d) => (d.location ? { ...d, location: { ...d.location, file: path.relative(f.input, d.location.file).split(path.sep).join("/") } } : d));
      produced.set("diagnostics.json", JSON.stringify(relative, null, 2) + "\n");
      if (update) {
        fs.rmSync(f.expected, { recursive: true, force: true });
        for (const [p, content] of produced) {
          fs.mkdirSync(path.dirname(path.join(f.expected, p)), { recursive: true });
          fs.writeFileSync(path.join(f.expected, p), content);
        }
      }
      const expected = readTree(f.expected);
      expect([...produced.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [p, content] of produced) expect(Buffer.from(content).equals(expected.get(p) ?? Buffer.alloc(0)), p).toBe(true);
      // Text files compared as text too, so that a difference shows.
      for (const [p, content] of produced) if (typeof content === "string") expect(content, p).toBe(expected.get(p)!.toString("utf8"));
    });
  }

  it("converting the same tree twice gives byte-identical files", async () => {
    const f = projectFixtures()[0]!;
    const [a, b] = [await convertProject(f.input, { name: f.name }), await convertProject(f.input, { name: f.name })];
    expect(b.files).toEqual(a.files);
  });
});
