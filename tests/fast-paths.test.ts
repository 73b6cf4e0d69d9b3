import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseExpressions } from "../src/parsers/terraform/hcl2json.js";
import { lowerExpr, lowerSimpleTemplate, lowerSimpleTraversal } from "../src/parsers/terraform/lower-expr.js";
import { scanHcl, type ScannedBody } from "../src/parsers/terraform/scanner.js";

/**
 * Plain traversals and quoted strings that interpolate only plain traversals are read without
 * the WASM expression parser; here every such value of the Terraform corpus (and of a list of
 * near misses) is held to what hcl2json's syntax tree for it lowers to.
 */
const corpus = path.resolve(import.meta.dirname, "..", "..", "shared", "corpus");

function tfFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tfFiles(path.join(dir, e.name)) : e.name.endsWith(".tf") ? [path.join(dir, e.name)] : []));
}

function values(text: string): string[] {
  const out: string[] = [];
  const visit = (b: ScannedBody) => {
    for (const it of b.items) {
      if (it.kind === "block") visit(it.body);
      else out.push(text.slice(it.valueStart, it.valueEnd));
    }
  };
  try {
    visit(scanHcl(text));
  } catch {
    // A file the scanner rejects is not converted at all.
  }
  return out;
}

const nearMisses = [
  '"${var.a}"', '"${ var.a }"', '"x-${var.a}-${local.b["k"]}"', '"${aws_s3_bucket.b.id}/*"', '"arn:aws:s3:::${aws_s3_bucket.b.bucket}/${count.index}"',
  '"${var.list[0]}${var.list[1]}"', '"pre ${each.value.name} post"', '"${path.module}/files/x.json"', '"${var.a}${var.b}"',
  // Not for the fast path: escapes, directives, strip markers, function calls, arithmetic, a `$${` escape, a `%`.
  '"${~var.a}"', '"${upper(var.a)}"', '"${var.a + 1}"', '"$${var.a}"', '"100% ${var.a}"', '"a\\n${var.a}"', '"%{if var.a}x%{endif}"', '"${var.a ? "x" : "y"}"', '"${ {a = 1}.a }"',
];

describe("values read without the expression parser are what the parser's tree gives", () => {
  it("every plain traversal and simple template of the corpus, and the near misses", async () => {
    const sources = [...new Set([...tfFiles(path.join(corpus, "terraform")).flatMap((f) => values(fs.readFileSync(f, "utf8"))), ...nearMisses])];
    const fast = sources.map((s) => ({ s, e: lowerSimpleTraversal(s) ?? lowerSimpleTemplate(s) })).filter((x) => x.e !== undefined);
    expect(fast.length).toBeGreaterThan(500);
    expect(fast.filter((x) => x.s.startsWith('"')).length).toBeGreaterThan(100);
    console.log(`fast path: ${fast.length} of ${sources.length} distinct values (${fast.filter((x) => x.s.startsWith('"')).length} templates)`);
    const parsed = await parseExpressions("fast.tf", fast.map((x) => x.s));
    if (!("asts" in parsed)) throw new Error(parsed.error.message);
    fast.forEach((x, i) => expect(x.e, x.s).toEqual(lowerExpr(parsed.asts[i]!, { source: parsed.tuple })));
    // The near misses the fast path declines are still read, by the parser.
    for (const s of ['"${~var.a}"', '"${upper(var.a)}"', '"$${var.a}"', '"100% ${var.a}"', '"a\\n${var.a}"']) expect(lowerSimpleTemplate(s), s).toBeUndefined();
  });
});

describe("an expression text met again is not parsed again, and each occurrence is its own tree", () => {
  it("within one file and across files", async () => {
    const { parseTerraform } = await import("../src/parsers/terraform/index.js");
    const body = (n: string) => `resource "aws_sqs_queue" "${n}" {\n  for_each = toset(["a"])\n  name     = upper(each.value)\n  policy   = <<EOF\n{ "v": 1 }\nEOF\n}\n`;
    const { program, diagnostics } = await parseTerraform([
      { path: "a.tf", text: body("a") + body("b") },
      { path: "b.tf", text: body("c") },
    ]);
    expect(diagnostics).toEqual([]);
    const values = program.items.flatMap((it) => (it.kind === "resource" ? it.body.filter((b) => b.kind === "attribute" && b.name === "name").map((b) => (b as { value: unknown }).value) : []));
    expect(values).toHaveLength(3);
    expect(values[0]).toEqual({ kind: "call", name: "upper", args: [expect.objectContaining({ kind: "ref" })] });
    expect(values[1]).toEqual(values[0]);
    expect(values[2]).toEqual(values[0]);
    expect(values[1]).not.toBe(values[0]);
    expect(values[2]).not.toBe(values[0]);
    expect(values[2]).not.toBe(values[1]);
  });
});

describe("a file read again in the process (a module every root calls) is parsed once", () => {
  it("gives the same items and the same diagnostics on every read", async () => {
    const { parseTerraform } = await import("../src/parsers/terraform/index.js");
    const good = { path: "modules/q/main.tf", text: 'variable "name" {}\nresource "aws_sqs_queue" "q" {\n  name = "${var.name}-q"\n  policy = jsonencode({ a = 1 })\n}\n' };
    const bad = { path: "modules/b/main.tf", text: 'resource "aws_sqs_queue" {\n' };
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push(await parseTerraform([good, bad]));
    for (const r of reads) {
      expect(r.program.items).toEqual(reads[0]!.program.items);
      expect(r.diagnostics).toEqual(reads[0]!.diagnostics);
      expect(r.diagnostics).toEqual([expect.objectContaining({ code: "PG1001", severity: "error", location: expect.objectContaining({ file: "modules/b/main.tf" }) })]);
    }
    expect(reads[0]!.program.items.length).toBe(2);
    // The kept result is shared, so it is frozen: nothing downstream can change it for the next root.
    expect(Object.isFrozen(reads[2]!.program.items[1])).toBe(true);
  });
});
