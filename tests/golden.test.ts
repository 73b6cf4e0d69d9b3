import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertDir, fixtures } from "./helpers/fixtures.js";

const update = process.env.UPDATE_GOLDEN === "1";

describe("golden fixtures", () => {
  const all = fixtures();
  it("there are at least 40 of them, 30 of them CloudFormation templates", () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((f) => f.inputs.some((i) => /\.(ya?ml|json)$/.test(i))).length).toBeGreaterThanOrEqual(30);
  });
  for (const f of all) {
    it(f.name, async () => {
      expect(f.inputs.length, "a fixture needs an input file").toBeGreaterThan(0);
      const result = await convertDir(f.dir, f.inputs);
      const expectedDir = path.join(f.dir, "expected");
      const codeFile = path.join(expectedDir, "index.ts");
      const diagFile = path.join(expectedDir, "diagnostics.json");
      const diags = JSON.stringify(result.diagnostics, null, 2) + "\n";
      if (update) {
        fs.mkdirSync(expectedDir, { recursive: true });
        fs.writeFileSync(codeFile, result.code);
        fs.writeFileSync(diagFile, diags);
      }
      expect(result.code).toBe(fs.readFileSync(codeFile, "utf8"));
      expect(diags).toBe(fs.readFileSync(diagFile, "utf8"));
    });
  }
});
