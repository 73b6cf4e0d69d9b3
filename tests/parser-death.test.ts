/**
 * The HCL parser's Go runtime dying mid-run: the conversion restarts it and gives the same
 * program; when it dies again, the file is a located error and the result is not ok, never a
 * degraded program that claims success.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../src/index.js";
import { killParserForTesting } from "../src/parsers/terraform/hcl2json.js";
import { ROOT } from "./helpers/fixtures.js";

const text = fs.readFileSync(path.join(ROOT, "samples", "lambda-integration", "main.tf"), "utf8");
// Each conversion reads a text of its own (blank lines added at the end, which change nothing
// converted), so that none is answered from the parse of a file read before.
let reads = 0;
const sample = () => ({ path: "main.tf", text: text + "\n".repeat(++reads) });

describe("a parser runtime that dies", () => {
  it("is restarted, and the conversion is what it would have been", async () => {
    const before = await convert([sample()]);
    expect(before.ok).toBe(true);
    killParserForTesting();
    const after = await convert([sample()]);
    expect(after.code).toBe(before.code);
    expect(after.diagnostics).toEqual(before.diagnostics);
    expect(after.ok).toBe(true);
  });

  it("twice on one file: a located error, ok false, no program claiming success", async () => {
    killParserForTesting(2);
    const r = await convert([sample()]);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: "PG1002", severity: "error", location: { file: "main.tf", line: 1, column: 1 }, message: expect.stringMatching(/runtime died twice/) }),
    ]);
    expect(r.code).not.toContain("aws.apigateway");
    // And the next file converts again, on a fresh runtime.
    expect((await convert([sample()])).ok).toBe(true);
  });
});
