import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtures, projectFixtures } from "./helpers/fixtures.js";
import { typecheck } from "./helpers/typecheck.js";

describe("every expected program type-checks against @pulumi/aws", () => {
  it("in one compiler run", () => {
    // Project fixtures: index.ts brings its components in through its imports.
    const files = [...fixtures().map((f) => path.join(f.dir, "expected", "index.ts")), ...projectFixtures().map((f) => path.join(f.expected, "index.ts"))];
    const r = typecheck(files, "golden");
    expect(r.output).toBe("");
    expect(r.exitCode).toBe(0);
  });

  it("and the checker does fail on a broken program", () => {
    const r = typecheck([path.join(__dirname, "helpers", "broken-program.ts")], "broken");
    expect(r.exitCode).not.toBe(0);
  });
});
