import fs from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { fixtures } from "./helpers/fixtures.js";

describe("output is finished code: prettier leaves every expected program unchanged", () => {
  for (const f of fixtures()) {
    it(f.name, async () => {
      const file = path.join(f.dir, "expected", "index.ts");
      const code = fs.readFileSync(file, "utf8");
      const formatted = await prettier.format(code, { parser: "typescript", filepath: file });
      expect(code).toBe(formatted);
    });
  }
});
