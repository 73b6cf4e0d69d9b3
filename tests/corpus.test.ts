/**
 * The shared corpora, converted the ways users convert them: every Terraform file on its own
 * (`convert file.tf`), every directory of the Terraform corpus as one module (`convert dir/`),
 * every CloudFormation template. No crash; every error located; every output parses, is what
 * prettier prints, and type-checks (one compiler run for all).
 */
import fs from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { convert, type ConvertResult } from "../src/index.js";
import { convertProject, type ProjectResult } from "../src/project/index.js";
import { hclBlockLines, hclComments, holds, yamlBlockLines, yamlComments } from "./helpers/comments.js";
import { MODULE_ROOTS, ROOT, SHARED, walk } from "./helpers/fixtures.js";
import { syntaxErrors } from "./helpers/syntax.js";
import { typecheck } from "./helpers/typecheck.js";

const OUT = path.join(ROOT, ".vitest-tmp", "corpus");

interface Unit {
  readonly group: "file" | "directory" | "template";
  readonly name: string;
  readonly files: readonly string[];
  result?: ConvertResult;
  out?: string;
}

function units(): Unit[] {
  const tf = ["terraform", "terraform-docs"].flatMap((c) => walk(path.join(SHARED, "corpus", c), (f) => f.endsWith(".tf")));
  const dirs = new Map<string, string[]>();
  for (const f of tf.filter((f) => f.includes(`${path.sep}terraform${path.sep}`))) dirs.set(path.dirname(f), [...(dirs.get(path.dirname(f)) ?? []), f]);
  const templates = walk(path.join(SHARED, "corpus", "cloudformation"), (f) => /\.(ya?ml|json)$/.test(f));
  const rel = (f: string) => path.relative(SHARED, f);
  return [
    ...tf.map((f): Unit => ({ group: "file", name: rel(f), files: [f] })),
    ...[...dirs].map(([d, fs]): Unit => ({ group: "directory", name: rel(d), files: fs })),
    ...templates.map((f): Unit => ({ group: "template", name: rel(f), files: [f] })),
  ];
}

describe("the shared corpora", () => {
  const all = units();
  const outputs: string[] = [];

  it("convert without a crash, every error located, every output parsing and prettier-clean", async () => {
    expect(all.filter((u) => u.group === "file").length).toBeGreaterThan(150);
    expect(all.filter((u) => u.group === "template").length).toBeGreaterThanOrEqual(19);
    fs.rmSync(OUT, { recursive: true, force: true });
    const unlocated: string[] = [];
    const syntax: string[] = [];
    const unformatted: string[] = [];
    for (const [i, u] of all.entries()) {
      u.result = await convert(u.files.map((file) => ({ path: path.relative(SHARED, file), text: fs.readFileSync(file, "utf8") })));
      if (u.group === "template") expect(u.result.format, u.name).toBe("cloudformation");
      for (const d of u.result.diagnostics) if (d.severity === "error" && !d.location) unlocated.push(`${u.name}: ${d.message}`);
      syntax.push(...syntaxErrors(u.result.code, u.name));
      if ((await prettier.format(u.result.code, { parser: "typescript" })) !== u.result.code) unformatted.push(u.name);
      u.out = path.join(OUT, `${u.group}-${i}`, "index.ts");
      fs.mkdirSync(path.dirname(u.out), { recursive: true });
      fs.writeFileSync(u.out, u.result.code);
      outputs.push(u.out);
    }
    expect(unlocated).toEqual([]);
    expect(syntax).toEqual([]);
    expect(unformatted).toEqual([]);
  });

  it("keep every comment of a template: each is in its program, but inside a resource that is not converted (and reported)", () => {
    const lost: string[] = [];
    let kept = 0;
    for (const u of all.filter((u) => u.group === "template")) {
      const text = fs.readFileSync(u.files[0]!, "utf8");
      if (u.result!.diagnostics.some((d) => d.code === "PG1001")) continue;
      const skipped = u.result!.diagnostics.filter((d) => d.code === "PG2001" && d.location).map((d) => yamlBlockLines(text, d.location!.line));
      for (const c of yamlComments(text)) {
        if (holds(u.result!.code, c)) kept++;
        else if (!skipped.some((s) => c.line >= s.from && c.line <= s.to)) lost.push(`${u.name}:${c.line}: ${c.text}`);
      }
    }
    expect(lost).toEqual([]);
    expect(kept).toBeGreaterThan(150);
  });

  it("keep every comment of a .tf file: each is in its program, but inside a block reported as not converted", () => {
    const lost: string[] = [];
    let kept = 0;
    for (const u of all.filter((u) => u.group === "file")) {
      const text = fs.readFileSync(u.files[0]!, "utf8");
      if (u.result!.diagnostics.some((d) => d.code === "PG1001")) continue;
      const skipped = u.result!.diagnostics.filter((d) => / is not converted/.test(d.message) && d.location).map((d) => hclBlockLines(text, d.location!.line));
      for (const c of hclComments(text)) {
        if (holds(u.result!.code, c)) kept++;
        else if (!skipped.some((s) => c.line >= s.from && c.line <= s.to)) lost.push(`${u.name}:${c.line}: ${c.text}`);
      }
    }
    expect(lost).toEqual([]);
    expect(kept).toBeGreaterThan(450);
  });

  const projects: { root: string; result?: ProjectResult; out?: string }[] = MODULE_ROOTS.map((root) => ({ root }));
  it("module repositories convert as projects: every local module a component, no PG2007 left for one", async () => {
    for (const [i, p] of projects.entries()) {
      p.result = await convertProject(path.join(SHARED, "corpus", "terraform", p.root), { name: `project-${i}` });
      const dir = path.join(OUT, `project-${i}`);
      for (const f of p.result.files) {
        fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.content);
        if (f.path.endsWith(".ts")) {
          expect(syntaxErrors(f.content, `${p.root}/${f.path}`)).toEqual([]);
          expect(await prettier.format(f.content, { parser: "typescript" }), `${p.root}/${f.path}`).toBe(f.content);
        }
      }
      p.out = path.join(dir, "index.ts");
      outputs.push(p.out);
      expect(p.result.components.length, p.root).toBeGreaterThan(0);
      const local = p.result.diagnostics.filter((d) => d.code === "PG2007" && !/is not local/.test(d.message));
      expect(local, p.root).toEqual([]);
    }
  });

  it("type-check at the floors", () => {
    const tc = typecheck(outputs, "corpus");
    const projectsClean = projects.filter((p) => p.result!.ok).length;
    // A project type-checks when no file of it has an error (its components come in through index.ts).
    const failingProjects = projects.filter((p) => [...tc.errors.keys()].some((f) => f.startsWith(path.dirname(path.resolve(p.out!)) + path.sep)));
    console.log(`corpus module projects: ${projects.length}, ${projectsClean} without error diagnostics, ${projects.length - failingProjects.length} type-check`);
    expect(failingProjects.map((p) => p.root)).toEqual([]);
    const report: Record<string, { units: number; clean: number; typecheck: number; failing: string[] }> = {};
    for (const u of all) {
      const r = (report[u.group] ??= { units: 0, clean: 0, typecheck: 0, failing: [] });
      r.units++;
      if (u.result!.ok) r.clean++;
      const errors = tc.errors.get(path.resolve(u.out!));
      if (!errors) r.typecheck++;
      else r.failing.push(`${u.name}: ${errors[0]}`);
    }
    fs.writeFileSync(path.join(OUT, "report.json"), JSON.stringify(report, null, 2));
    for (const [group, r] of Object.entries(report)) console.log(`corpus ${group}s: ${r.units}, ${r.clean} without error diagnostics, ${r.typecheck} type-check`);
    // Every Terraform file and directory and every template of the corpus type-checks.
    expect(report.file!.failing).toEqual([]);
    expect(report.directory!.failing).toEqual([]);
    expect(report.template!.failing).toEqual([]);
  });
});
