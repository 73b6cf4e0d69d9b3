import { describe, expect, it } from "vitest";
import { Writer } from "../src/emitters/typescript/writer.js";
import { append } from "../src/model/append.js";

/**
 * Sizes past what a call's argument list holds: `push(...xs)` with a few hundred thousand
 * elements overflows the stack (a 2 MB template's program has that many lines).
 */
describe("large programs", () => {
  it("a section of 400,000 lines is appended to another whole and in order", () => {
    const section = new Writer();
    for (let i = 0; i < 400_000; i++) section.line(`const x${i} = ${i};`);
    const program = new Writer();
    program.line("// head");
    program.append(section);
    const lines = program.text().split("\n");
    expect(lines).toHaveLength(400_002);
    expect(lines[1]).toBe("const x0 = 0;");
    expect(lines[400_000]).toBe("const x399999 = 399999;");
  });

  it("append keeps order and takes any iterable", () => {
    const into = [1];
    append(into, Array.from({ length: 300_000 }, (_, i) => i + 2));
    append(into, new Set([0]));
    expect(into).toHaveLength(300_002);
    expect(into[300_000]).toBe(300_001);
    expect(into[300_001]).toBe(0);
  });
});
