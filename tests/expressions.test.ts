/**
 * Every expression kind prints, over plain values and over Outputs alike: the matrix of
 * tests/helpers/matrix.ts is a golden fixture (so its program is type-checked with the others),
 * and under Pulumi's mocks each case exports the same value with any of its operands an Output
 * as with all of them plain.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { camelCase } from "../src/model/names.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { CASES, combinations, matrixTerraform } from "./helpers/matrix.js";
import { runProgramExports } from "./helpers/mocks.js";

const dir = path.join(FIXTURES, "expression_matrix");

describe("the expression matrix", () => {
  it("is the fixture tests/helpers/matrix.ts generates", () => {
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(path.join(dir, "main.tf"), matrixTerraform());
    expect(fs.readFileSync(path.join(dir, "main.tf"), "utf8")).toBe(matrixTerraform());
  });

  it("evaluates every case with Output operands as with plain ones", async () => {
    const { exports } = await runProgramExports(path.join(dir, "expected", "index.ts"));
    const differ: string[] = [];
    let cases = 0;
    for (const [name, expr] of Object.entries(CASES)) {
      const [plain, ...others] = combinations(expr);
      const expected = JSON.stringify(exports[camelCase(`${name}_${plain}`)]);
      expect(expected, `${name}_${plain} has a value`).toBeDefined();
      for (const combo of others) {
        cases++;
        const got = JSON.stringify(exports[camelCase(`${name}_${combo}`)]);
        if (got !== expected) differ.push(`${name}_${combo}: ${got} (plain: ${expected})`);
      }
    }
    expect(cases).toBeGreaterThan(80);
    expect(differ).toEqual([]);
  });

  it("a list's index as an object key is its text, as Terraform's object keys are strings (grouped too)", async () => {
    const { exports } = await runProgramExports(path.join(dir, "expected", "index.ts"));
    expect(exports.forIndexKeyP).toEqual({ "0": "x", "1": "b", "2": "z" });
    expect(exports.forGroupIndexP).toEqual({ "0": ["x"], "1": ["b"], "2": ["z"] });
  });
});
