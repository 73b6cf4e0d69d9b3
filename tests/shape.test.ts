import fs from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { formatStatements, type FormatOptions } from "../src/emitters/typescript/format.js";
import { splitStatements, STATEMENT_BREAK, trimBlankLines } from "../src/emitters/typescript/program.js";
import { fillShape, shapeOf } from "../src/emitters/typescript/shape.js";
import { fixtures } from "./helpers/fixtures.js";

/**
 * The formatter lays out each statement by its shape (names and plain strings replaced by
 * placeholders of the same width); these tests hold that to prettier's own output, statement by
 * statement and on whole programs, on the cases where prettier reads names or contents.
 */
const pairs: readonly (readonly [string, string])[] = [
  ['const usersGetMethod = new aws.apigateway.Method("users_get", { restApi: api.id, resourceId: users.id, httpMethod: "GET", authorization: "NONE" });', 'const itemsGetMethod = new aws.apigateway.Method("items_get", { restApi: api.id, resourceId: items.id, httpMethod: "PUT", authorization: "NONE" });'],
  ['describe("a test that reads well", () => { it("does one thing and then another thing", async () => { await run(); }); });', 'describx("a test that reads well", () => { itx("does one thing and then another thing", async () => { await run(); }); });'],
  ["const a = Foo.bar().baz().qux(function () { return 1; }).quux().corge();", "const a = foo.bar().baz().qux(function () { return 1; }).quux().corge();"],
  ["const a = $.bar().baz().qux(function () { return 1; }).quux().corge().grault();", "const a = x.bar().baz().qux(function () { return 1; }).quux().corge().grault();"],
  ['const o = { "a": 1, "b-c": 2, "d": x };', 'const p = { "e": 1, "f": 2, "h": y };'],
  ["const t = `line\\n${a}` + `x ${b.c} y` + `multi\nline ${d}\n  text`;", "const u = `lime\\n${e}` + `y ${f.g} z` + `mulsi\nlime ${h}\n  test`;"],
  ['const s = "héllo wörld" + "日本語のテキストはとても幅が広いので行が折り返されるかもしれない" + x;', 'const s = "hello world" + "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghi" + x;'],
  ["const r = /a\\/b/.test(x) ? y / 2 : z;", "const r = /a\\/c/.test(x) ? y / 3 : w;"],
  ["// prettier-ignore\nconst m = [1,0,0,\n  0,1,0];", "// prettier-ignore\nconst n = [1,0,0,\n  0,1,0];"],
  ["// A comment that says what the next declaration is for, long enough to matter\nconst v = a?.b?.c ?? d;", "// Another comment that says what the next one is for, long enough to matter\nconst w = e?.f?.g ?? h;"],
  ['const bucket = new aws.s3.Bucket("my-bucket-with-a-long-name", { bucket: someVeryLongVariableName, tags: { Name: "x" } }, { dependsOn: [other] });', 'const bucket = new aws.s3.Bucket("my-bucket-with-a-long-nome", { bucket: someVeryLongVariableNome, tags: { Name: "y" } }, { dependsOn: [othar] });'],
  ["export const total = pulumi.all([first.arn, second.arn, third.arn]).apply(([x, y, z]) => `${x}/${y}/${z}`);", "export const totel = pulumi.all([fisst.arn, secund.arn, thlrd.arn]).apply(([a, b, c]) => `${a}/${b}/${c}`);"],
  ["const q = 'it\\'s' + \"say \\\"hi\\\"\" + '\"';", "const q = 'is\\'s' + \"say \\\"ho\\\"\" + '\"';"],
  ['const fs = require("fs"); const path = require("node:path/with/a/long/name/that/goes/on/and/on/and/on");', 'const fx = requirx("fs"); const path = requirx("node:path/with/a/long/name/that/goes/on/and/on/and/on");'],
  ["class Api extends pulumi.ComponentResource { constructor(name: string, args: ApiArgs, opts?: pulumi.ComponentResourceOptions) { super(\"pkg:index:Api\", name, {}, opts); this.url = args.url; } }", "class Apx extends pulumi.ComponentResource { constructor(nome: string, args: ApxArgs, opts?: pulumi.ComponentResourceOptions) { super(\"pkg:index:Apx\", nome, {}, opts); this.url = args.url; } }"],
  ["const n = 1.50 + 0XAB + .5 + 1e+10;", "const m = 1.50 + 0XAB + .5 + 1e+10;"],
  ['const c = enabled ? "a-value-when-on" : "a-value-when-off-which-is-a-fair-bit-longer-than-the-other";', 'const d = disabld ? "b-value-when-on" : "b-value-when-off-which-is-a-fair-bit-longer-than-the-other";'],
  ["const styled1 = css`a { color: red; }` + html`<p>${x}</p>` + graphql`query { a }`;", "const styled2 = css`b { color: red; }` + html`<q>${y}</q>` + graphql`query { b }`;"],
];

const optionSets: readonly FormatOptions[] = [{}, { singleQuote: true, printWidth: 40, trailingComma: "none" }, { quoteProps: "consistent", tabWidth: 4 }];

describe("statements are laid out as prettier lays them out, by shape", () => {
  for (const options of optionSets) {
    it(`pairs of one shape, options ${JSON.stringify(options)}`, async () => {
      const chunks = pairs.flat();
      const out = (await formatStatements(chunks.join(`\n${STATEMENT_BREAK}\n`), options)).split(`\n${STATEMENT_BREAK}\n`);
      expect(out).toHaveLength(chunks.length);
      for (let i = 0; i < chunks.length; i++) {
        const direct = (await prettier.format(chunks[i]!, { ...options, parser: "babel-ts" })).replace(/\n+$/, "");
        expect(out[i]!.replace(/\n+$/, ""), chunks[i]).toBe(direct);
      }
    });
  }

  it("names, plain strings and template texts are placeholders; what prettier reads stays", () => {
    const s = shapeOf('// Answer with a body\nconst usersGet = new aws.apigateway.Integration("users_get", { "application/json": `x ${a.b}`, it: describe, type: "MOCK" });')!;
    expect(s.text).toBe('// xxxxxx xxxx x xxxx\nconst aaaaaAaa = new aaa.apigateway.Integration("xxxxxxxxx", { "application/json": `x ${a.b}`, it: describe, type: "xxxx" });');
    expect(fillShape(s.text, s)).toBe('// Answer with a body\nconst usersGet = new aws.apigateway.Integration("users_get", { "application/json": `x ${a.b}`, it: describe, type: "MOCK" });');
    expect(shapeOf("const r = /x/.test(y);")).toBeUndefined();
    expect(fillShape("const b = 1;", { text: "const a = a;", originals: ["x", "y"], placeholders: ["a", "a"] })).toBeUndefined();
  });

  it("every expected program formats from its shape to what prettier prints for it", async () => {
    let checked = 0;
    for (const f of fixtures()) {
      const file = path.join(f.dir, "expected", "index.ts");
      const code = fs.readFileSync(file, "utf8");
      const shape = shapeOf(code);
      if (!shape) continue;
      const viaShape = fillShape(await prettier.format(shape.text, { parser: "babel-ts" }), shape);
      expect(viaShape, f.name).toBe(await prettier.format(code, { parser: "babel-ts" }));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe("statements are split at marker lines as a line-by-line reading would split them", () => {
  it("on every arrangement of marker, blank, indented and ordinary lines tried", () => {
    const byLines = (code: string) => {
      const chunks: string[] = [];
      let current: string[] = [];
      for (const line of code.split("\n")) {
        if (line.trim() === STATEMENT_BREAK) {
          chunks.push(current.join("\n"));
          current = [];
        } else current.push(line);
      }
      chunks.push(current.join("\n"));
      return chunks;
    };
    const trimByLines = (c: string) => {
      const l = c.split("\n");
      while (l.length && l[0]!.trim() === "") l.shift();
      while (l.length && l[l.length - 1]!.trim() === "") l.pop();
      return l.join("\n");
    };
    const atoms = ["a", "", " ", STATEMENT_BREAK, `  ${STATEMENT_BREAK}`, `${STATEMENT_BREAK}x`, "\t", "b c", `x${STATEMENT_BREAK}`];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % atoms.length;
    for (let n = 0; n < 20000; n++) {
      const text = Array.from({ length: n % 7 }, () => atoms[next()]!).join("\n");
      const expected = byLines(text);
      expect(splitStatements(text), JSON.stringify(text)).toEqual(expected);
      for (const c of expected) expect(trimBlankLines(c), JSON.stringify(c)).toBe(trimByLines(c));
    }
  });
});

describe("shapes are used only under prettier's own layout options", () => {
  it("a configuration with a plugin or an unknown option formats each statement as it is", async () => {
    const { formatsByShape } = await import("../src/emitters/typescript/format.js");
    expect(formatsByShape({})).toBe(true);
    expect(formatsByShape({ singleQuote: true, printWidth: 100, trailingComma: "none", quoteProps: "consistent", semi: false })).toBe(true);
    // A plugin may sort keys or imports: names would no longer come back in order.
    expect(formatsByShape({ plugins: ["prettier-plugin-sort-keys"] })).toBe(false);
    expect(formatsByShape({ someOptionOfANewerPrettier: 1 })).toBe(false);
    // Under such a configuration the statements still come out as prettier prints them.
    const options = { singleQuote: true, plugins: [] as string[] } as FormatOptions;
    const chunks = pairs.slice(0, 3).flat();
    const out = (await formatStatements(chunks.join(`\n${STATEMENT_BREAK}\n`), options)).split(`\n${STATEMENT_BREAK}\n`);
    for (let i = 0; i < chunks.length; i++) expect(out[i]!.replace(/\n+$/, "")).toBe((await prettier.format(chunks[i]!, { ...options, parser: "babel-ts" })).replace(/\n+$/, ""));
  });
});

describe("the corpus converts to the same text by shape as statement by statement", () => {
  it("every Terraform file and CloudFormation template of the shared corpus", { timeout: 120_000 }, async () => {
    const { convert } = await import("../src/index.js");
    const { SHARED, walk } = await import("./helpers/fixtures.js");
    const files = [
      ...walk(path.join(SHARED, "corpus"), (f) => f.endsWith(".tf")),
      ...walk(path.join(SHARED, "corpus", "cloudformation"), (f) => /\.(ya?ml|json)$/.test(f)),
    ];
    expect(files.length).toBeGreaterThan(150);
    const differ: string[] = [];
    for (const file of files) {
      const input = [{ path: file, text: fs.readFileSync(file, "utf8") }];
      const byShape = await convert(input, { prettier: {} });
      // `plugins` is not a layout option: statements are formatted as they are, no shapes.
      const direct = await convert(input, { prettier: { plugins: [] } as FormatOptions });
      if (byShape.code !== direct.code) differ.push(file);
    }
    expect(differ).toEqual([]);
  });
});
