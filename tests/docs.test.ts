/** Documentation that must follow the implementation. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRINTERS } from "../src/emitters/typescript/functions/index.js";
import { SIGNATURES } from "../src/typing/functions.js";
import { ROOT } from "./helpers/fixtures.js";
import { functionsSection } from "./helpers/readme.js";

describe("the function vocabulary", () => {
  it("has a printer for every signature and a signature for every printer", () => {
    expect(Object.keys(PRINTERS).sort()).toEqual(Object.keys(SIGNATURES).sort());
  });

  it("is the README's list of supported functions", () => {
    const readme = path.join(ROOT, "README.md");
    const text = fs.readFileSync(readme, "utf8");
    const section = /<!-- functions: generated[\s\S]*?<!-- functions: end -->/;
    expect(text).toMatch(section);
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(readme, text.replace(section, functionsSection()));
    expect(fs.readFileSync(readme, "utf8").match(section)![0]).toBe(functionsSection());
  });
});
