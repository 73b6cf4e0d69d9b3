import { describe, expect, it } from "vitest";
import { lexExpression, scanHcl, ScanError, type ScannedAttribute, type ScannedBlock } from "../src/parsers/terraform/scanner.js";

const attr = (text: string, a: ScannedAttribute) => text.slice(a.valueStart, a.valueEnd);

describe("HCL scanner", () => {
  it("keeps source order, positions and the value spans", () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  zeta = 1\n  alpha = "a"\n}\n';
    const [block] = scanHcl(text).items as ScannedBlock[];
    expect(block!.type).toBe("resource");
    expect(block!.labels).toEqual(["aws_sqs_queue", "q"]);
    const items = block!.body.items as ScannedAttribute[];
    expect(items.map((i) => i.name)).toEqual(["zeta", "alpha"]);
    expect(items.map((i) => [i.line, i.column])).toEqual([[2, 3], [3, 3]]);
    expect(items.map((i) => attr(text, i))).toEqual(["1", '"a"']);
  });

  it("attaches leading, trailing and dangling comments", () => {
    const text = "# lead 1\n// lead 2\nx = 1 # trail\n/* block\n   two */\ny = 2\n# end\n";
    const body = scanHcl(text);
    const [x, y] = body.items as ScannedAttribute[];
    expect(x!.leading).toEqual(["lead 1", "lead 2"]);
    expect(x!.trailing).toBe("trail");
    expect(y!.leading).toEqual(["block", "two */".replace(" */", "")]);
    expect(body.dangling).toEqual(["end"]);
  });

  it("keeps the comments inside a value, each as its lines", () => {
    const text = "tags = { # first\n  a = 1 /* one\n  two */\n  // last\n}\nb = 2 # not inside\n";
    const [tags, b] = scanHcl(text).items as ScannedAttribute[];
    expect(tags!.inner).toEqual([["first"], ["one", "two"], ["last"]]);
    expect(b!.inner).toBeUndefined();
    expect(b!.trailing).toBe("not inside");
  });

  it("lexes an expression's comments and brackets, strings and heredocs skipped, by byte offset", () => {
    const text = '{\n  k = "# no // no ${ {a = 1} }" # yes\n  h = <<EOT\n# no\nEOT\n  é = [1] // oui\n}';
    const bytes = Buffer.from(text);
    const lx = lexExpression(bytes.toString("latin1"), (a, z) => bytes.subarray(a, z).toString("utf8"))!;
    expect(lx.comments.map((c) => c.lines)).toEqual([["yes"], ["oui"]]);
    expect(bytes.subarray(lx.comments[1]!.start, lx.comments[1]!.end).toString("utf8")).toBe("// oui");
    expect(lx.closers.get(0)).toBe(bytes.length - 1);
    expect(lexExpression('"unclosed')).toBeUndefined();
  });

  it("skips strings, interpolations with braces and quotes, heredocs and brackets", () => {
    const text = [
      'a = "x ${jsonencode({ k = "}" })} y"',
      "b = <<-EOT",
      "    not = an attribute",
      "    }",
      "    EOT",
      "c = [",
      "  1, # inside",
      "  2,",
      "]",
      'd = "$${literal} %%{too}"',
      "",
    ].join("\n");
    const items = scanHcl(text).items as ScannedAttribute[];
    expect(items.map((i) => i.name)).toEqual(["a", "b", "c", "d"]);
    expect(attr(text, items[1]!)).toBe("<<-EOT\n    not = an attribute\n    }\n    EOT");
    expect(attr(text, items[2]!)).toBe("[\n  1, # inside\n  2,\n]");
  });

  it("reads CRLF files, unquoted labels and one-line blocks", () => {
    const text = "resource aws_sns_topic t { name = \"x\" }\r\nvariable v {\r\n  default = 1\r\n}\r\n";
    const [r, v] = scanHcl(text).items as ScannedBlock[];
    expect(r!.labels).toEqual(["aws_sns_topic", "t"]);
    expect((r!.body.items[0] as ScannedAttribute).name).toBe("name");
    expect(attr(text, r!.body.items[0] as ScannedAttribute)).toBe('"x"');
    expect(attr(text, v!.body.items[0] as ScannedAttribute)).toBe("1");
  });

  it("reports an unclosed block with its position", () => {
    expect(() => scanHcl('resource "a" "b" {\n  x = 1\n')).toThrow(ScanError);
    try {
      scanHcl('x = "unterminated\n');
    } catch (e) {
      expect(e).toMatchObject({ line: 1, column: 5 });
    }
  });
});
