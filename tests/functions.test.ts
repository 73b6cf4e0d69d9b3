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

describe("file functions and the home folder", () => {
  it("read a path that starts with ~ from the home folder, as Terraform expands it", async () => {
    const { convert } = await import("../src/index.js");
    const home = fs.mkdtempSync(path.join((await import("node:os")).tmpdir(), "pulumigrate-home-"));
    fs.mkdirSync(path.join(home, ".ssh"));
    fs.writeFileSync(path.join(home, ".ssh", "id.pub"), "ssh-ed25519 AAAA");
    const text = 'output "key" {\n  value = file("~/.ssh/id.pub")\n}\noutput "b64" {\n  value = filebase64("~/.ssh/id.pub")\n}\noutput "there" {\n  value = fileexists("~/.ssh/missing")\n}\n';
    const r = await convert([{ path: "main.tf", text }]);
    const program = path.join(home, "index.ts");
    fs.writeFileSync(program, r.code);
    const before = process.env.HOME;
    process.env.HOME = home;
    try {
      const { exports } = await runProgramExports(program);
      expect(exports).toEqual({ key: "ssh-ed25519 AAAA", b64: Buffer.from("ssh-ed25519 AAAA").toString("base64"), there: false });
    } finally {
      process.env.HOME = before;
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe("lookup() with a key Terraform rejects", () => {
  it("is a located warning that names the null key, with a placeholder", async () => {
    const { convert } = await import("../src/index.js");
    const text = 'variable "s" {\n  type = map(string)\n}\noutput "level" {\n  value = lookup(var.s, null)\n}\n';
    const r = await convert([{ path: "main.tf", text }]);
    const warnings = r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.location?.line}: ${d.message}`);
    // At the output's value (line 5), not its block.
    expect(warnings).toContain("5: lookup() is given a null key, which Terraform rejects where the call is evaluated (its key is a string, never null)");
    expect(r.code).toContain("notImplemented");
  });
  it("in a resource's argument, points at the argument, not at the resource", async () => {
    const { convert } = await import("../src/index.js");
    const text = 'variable "s" {\n  type = map(string)\n}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n\n  tags = {\n    level = lookup(var.s, null)\n  }\n}\n';
    const r = await convert([{ path: "main.tf", text }]);
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.location?.line}:${d.location?.column} ${d.message.slice(0, 40)}`)).toEqual(["7:3 lookup() is given a null key, which Terr", "7:3 function 'lookup' is not converted; a pl"]);
    expect(r.summary.placeholders.map((p) => p.location?.line)).toEqual([7]);
  });
});
