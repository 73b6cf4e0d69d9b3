/**
 * Every Terraform file of the shared corpora converts without a crash; every error carries a
 * location; the outputs are type-checked in one run. The counts are printed and held to a
 * floor, so that a regression shows.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../src/index.js";
import { ROOT, SHARED, walk } from "./helpers/fixtures.js";
import { typecheck } from "./helpers/typecheck.js";

const CORPORA = ["terraform", "terraform-docs"].map((c) => path.join(SHARED, "corpus", c));
const OUT = path.join(ROOT, ".vitest-tmp", "corpus");

describe("Terraform corpora", () => {
  it("convert without a crash, errors located, outputs type-checked", async () => {
    // A module directory converts as a unit (as `pulumigrate convert dir/` would); the provider
    // docs' examples are independent snippets, one file each.
    const [modules, docs] = CORPORA.map((dir) => walk(dir, (f) => f.endsWith(".tf")));
    const byDir = new Map<string, string[]>();
    for (const f of modules!) byDir.set(path.dirname(f), [...(byDir.get(path.dirname(f)) ?? []), f]);
    const units = [...byDir.values(), ...docs!.map((f) => [f])];
    const files = units.map((u) => u[0]!);
    expect(modules!.length + docs!.length).toBeGreaterThan(150);
    fs.rmSync(OUT, { recursive: true, force: true });
    let clean = 0;
    const outputs: string[] = [];
    const unlocated: string[] = [];
    for (const [i, unit] of units.entries()) {
      const result = await convert(unit.map((file) => ({ path: path.relative(SHARED, file), text: fs.readFileSync(file, "utf8") })));
      if (result.ok) clean++;
      for (const d of result.diagnostics) if (d.severity === "error" && !d.location) unlocated.push(`${unit[0]}: ${d.message}`);
      const out = path.join(OUT, String(i), "index.ts");
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, result.code);
      outputs.push(out);
    }
    const tc = typecheck(outputs, "corpus");
    const failing = new Set([...tc.errors.keys()]);
    const typechecked = outputs.filter((o) => !failing.has(o)).length;
    const report = {
      units: units.length,
      files: modules!.length + docs!.length,
      withoutErrors: clean,
      typecheck: typechecked,
      failingTypecheck: [...failing].map((f) => files[Number(path.basename(path.dirname(f)))]!.replace(SHARED + "/", "")),
    };
    fs.writeFileSync(path.join(OUT, "report.json"), JSON.stringify({ ...report, errors: Object.fromEntries(tc.errors) }, null, 2));
    console.log(`corpus: ${report.files} files in ${report.units} units (module directories and doc snippets): ${report.withoutErrors} units without error diagnostics, ${report.typecheck} outputs type-check`);
    expect(unlocated).toEqual([]);
    expect(clean / units.length).toBeGreaterThanOrEqual(0.9);
    expect(typechecked / units.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe("CloudFormation corpus", () => {
  it("every template converts without a crash, errors located, outputs type-checked", async () => {
    const root = path.join(SHARED, "corpus", "cloudformation");
    const templates = walk(root, (f) => /\.(ya?ml|json)$/.test(f));
    expect(templates.length).toBeGreaterThanOrEqual(19);
    const out = path.join(ROOT, ".vitest-tmp", "corpus-cfn");
    fs.rmSync(out, { recursive: true, force: true });
    let clean = 0;
    const outputs: string[] = [];
    const unlocated: string[] = [];
    for (const [i, file] of templates.entries()) {
      const result = await convert([{ path: path.relative(SHARED, file), text: fs.readFileSync(file, "utf8") }]);
      expect(result.format, file).toBe("cloudformation");
      if (result.ok) clean++;
      for (const d of result.diagnostics) if (d.severity === "error" && !d.location) unlocated.push(`${file}: ${d.message}`);
      const o = path.join(out, String(i), "index.ts");
      fs.mkdirSync(path.dirname(o), { recursive: true });
      fs.writeFileSync(o, result.code);
      outputs.push(o);
    }
    const tc = typecheck(outputs, "corpus-cfn");
    const failing = new Set([...tc.errors.keys()]);
    const typechecked = outputs.filter((o) => !failing.has(o)).length;
    const report = {
      templates: templates.length,
      withoutErrors: clean,
      typecheck: typechecked,
      failingTypecheck: [...failing].map((f) => templates[Number(path.basename(path.dirname(f)))]!.replace(SHARED + "/", "")),
    };
    fs.writeFileSync(path.join(out, "report.json"), JSON.stringify({ ...report, errors: Object.fromEntries(tc.errors) }, null, 2));
    console.log(`cloudformation corpus: ${report.templates} templates: ${report.withoutErrors} without error diagnostics, ${report.typecheck} outputs type-check`);
    expect(unlocated).toEqual([]);
    // The one template with an error uses `!Rain::Embed`, a preprocessor tag (located error).
    expect(clean).toBeGreaterThanOrEqual(templates.length - 1);
    expect(typechecked / templates.length).toBeGreaterThanOrEqual(0.75);
  });
});
