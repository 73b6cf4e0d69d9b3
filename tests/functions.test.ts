/**
 * Terraform's functions mean what Terraform means: each `docs_functions_<family>` fixture holds
 * the examples of Terraform's function documentation as outputs, and running its converted
 * program under Pulumi's mocks must export the documented results (`expected/values.json`).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { camelCase } from "../src/model/names.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { runProgramExports } from "./helpers/mocks.js";

const families = fs.readdirSync(FIXTURES).filter((d) => d.startsWith("docs_functions_")).sort();

/** undefined and null are both Terraform's null. */
const normal = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null, (_, x) => (x === undefined ? null : x)));

describe("Terraform's documented function examples, run under mocks", () => {
  const tally = { examples: 0, reproduced: 0 };
  for (const family of families) {
    it(family.replace("docs_functions_", ""), async () => {
      const dir = path.join(FIXTURES, family, "expected");
      const expected = JSON.parse(fs.readFileSync(path.join(dir, "values.json"), "utf8")) as Record<string, unknown>;
      const { exports } = await runProgramExports(path.join(dir, "index.ts"));
      const wrong: string[] = [];
      for (const [name, value] of Object.entries(expected)) {
        const got = normal(exports[camelCase(name)]);
        if (!name.startsWith("extra_")) tally.examples++;
        if (JSON.stringify(got) === JSON.stringify(normal(value))) {
          if (!name.startsWith("extra_")) tally.reproduced++;
        } else wrong.push(`${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
      }
      expect(Object.keys(exports).length, "every output is checked").toBe(Object.keys(expected).length);
      expect(wrong).toEqual([]);
    });
  }
  it("reproduces every documented result", () => {
    console.log(`Terraform function documentation: ${tally.reproduced} of ${tally.examples} examples reproduced`);
    expect(tally.examples).toBeGreaterThanOrEqual(220);
    expect(tally.reproduced).toBe(tally.examples);
  });
});
