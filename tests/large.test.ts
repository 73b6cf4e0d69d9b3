import { describe, expect, it } from "vitest";
import { Writer } from "../src/emitters/typescript/writer.js";
import { append } from "../src/model/append.js";
import { memo } from "../src/model/memo.js";

/**
 * Sizes past what a call's argument list holds: `push(...xs)` with a few hundred thousand
 * elements overflows the stack (a 2 MB template's program has that many lines).
 */
describe("large programs", () => {
  it("a section of 400,000 lines follows another whole and in order", () => {
    const section = new Writer();
    for (let i = 0; i < 400_000; i++) section.line(`const x${i} = ${i};`);
    const program = new Writer();
    program.line("// head");
    const lines = program.textWith(section.text()).split("\n");
    expect(lines).toHaveLength(400_002);
    expect(lines[1]).toBe("const x0 = 0;");
    expect(lines[400_000]).toBe("const x399999 = 399999;");
  });

  it("one section's text followed by another's is both sections' lines, trailing blank lines dropped", () => {
    const writer = (...lines: string[]) => {
      const w = new Writer();
      for (const l of lines) w.line(l);
      return w;
    };
    const cases: [string[], string[], string][] = [
      [["import a;", ""], ["const b = 1;", "", ""], "import a;\n\nconst b = 1;\n"],
      [[], ["const b = 1;"], "const b = 1;\n"],
      [["import a;", ""], [], "import a;\n"],
      [["import a;", ""], ["", ""], "import a;\n"],
      [[], [], "\n"],
    ];
    for (const [head, body, text] of cases) {
      const b = writer(...body);
      expect(writer(...head).textWith(b.text())).toBe(text);
      // What one writer holding both sections' lines prints.
      expect(writer(...head, ...body).text()).toBe(text);
    }
  });

  it("memo works a key out once, an undefined answer too, and stops growing at its limit", () => {
    const table = new Map<string, string | undefined>();
    let calls = 0;
    const f = (k: string) => (calls++, k === "none" ? undefined : k.toUpperCase());
    expect([memo(table, "a", f), memo(table, "a", f), memo(table, "none", f), memo(table, "none", f)]).toEqual(["A", "A", undefined, undefined]);
    expect(calls).toBe(2);
    for (let i = 0; i < 10; i++) memo(table, `k${i}`, f, 5);
    expect(table.size).toBe(5);
    expect(memo(table, "k9", f, 5)).toBe("K9");
    expect(calls).toBe(13);
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
