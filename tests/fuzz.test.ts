/**
 * Every program parses, and bad or odd input never crashes the converter: each Terraform file
 * of the shared corpora is converted again with its literal values swapped between strings,
 * numbers and booleans (seeded, so every run tries the same variants). Each variant converts
 * without a crash, every output parses (TypeScript's parser), and every output type-checks in
 * one compiler run unless a diagnostic explains what Terraform itself would reject.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../src/index.js";
import { fixtures, ROOT, SHARED, walk } from "./helpers/fixtures.js";
import { random } from "./helpers/random.js";
import { syntaxErrors } from "./helpers/syntax.js";
import { typecheck } from "./helpers/typecheck.js";

/** The file with some attribute values (`= "x"`, `= 3`, `= true`) of another literal kind. */
export function swapLiterals(text: string, seed: number): string {
  const next = random(seed);
  return text.replace(/(=[ \t]*)("[^"\\$%\n]*"|-?\d+(?:\.\d+)?|true|false)([ \t]*(?:#.*)?)$/gm, (all, eq: string, value: string, rest: string) => {
    if (next() > 0.3) return all;
    const choice = next();
    let swapped: string;
    if (value.startsWith('"')) swapped = choice < 0.5 ? "7" : "true";
    else if (value === "true" || value === "false") swapped = choice < 0.5 ? `"${value}"` : "1";
    else swapped = choice < 0.5 ? `"${value}"` : "false";
    return `${eq}${swapped}${rest}`;
  });
}

const OUT = path.join(ROOT, ".vitest-tmp", "fuzz");

describe("robustness", () => {
  it("every golden program parses", () => {
    const errors = fixtures().flatMap((f) => syntaxErrors(fs.readFileSync(path.join(f.dir, "expected", "index.ts"), "utf8"), `${f.name}/expected/index.ts`));
    expect(errors).toEqual([]);
  });

  it("corpus files with swapped literal values convert without a crash into programs that parse and type-check", async () => {
    const files = ["terraform", "terraform-docs"].flatMap((c) => walk(path.join(SHARED, "corpus", c), (f) => f.endsWith(".tf")));
    expect(files.length).toBeGreaterThan(150);
    fs.rmSync(OUT, { recursive: true, force: true });
    const outputs: { file: string; out: string; explained: boolean }[] = [];
    const syntax: string[] = [];
    for (const [i, file] of files.entries()) {
      const text = fs.readFileSync(file, "utf8");
      for (const seed of [1, 2]) {
        const mutated = swapLiterals(text, i * 7919 + seed);
        const result = await convert([{ path: path.relative(SHARED, file), text: mutated }]);
        syntax.push(...syntaxErrors(result.code, `${path.relative(SHARED, file)} (seed ${seed})`));
        const out = path.join(OUT, `${i}-${seed}`, "index.ts");
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, result.code);
        outputs.push({ file: `${path.relative(SHARED, file)} (seed ${seed})`, out, explained: result.diagnostics.some((d) => d.severity !== "info" && d.location) });
      }
    }
    expect(syntax).toEqual([]);
    const tc = typecheck(outputs.map((o) => o.out), "fuzz");
    const failing = outputs.filter((o) => tc.errors.has(path.resolve(o.out)));
    const unexplained = failing.filter((o) => !o.explained).map((o) => `${o.file}: ${tc.errors.get(path.resolve(o.out))![0]}`);
    console.log(`fuzz: ${outputs.length} variants, ${outputs.length - failing.length} type-check, ${failing.length - unexplained.length} others carry a located diagnostic`);
    expect(unexplained).toEqual([]);
  });
});
