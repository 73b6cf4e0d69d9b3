import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../src/index.js";
import { MAX_SYNTAX_ERRORS } from "../src/parsers/terraform/index.js";
import { CLI } from "./helpers/fixtures.js";

const cli = (file: string) => spawnSync(process.execPath, [CLI, "convert", file], { encoding: "utf8" });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-text-"));
const located = (ds: readonly { code: string; severity: string; location?: { line: number; column: number } }[]) => ds.map((d) => `${d.location?.line}:${d.location?.column} ${d.severity} ${d.code}`);

describe("files that are not UTF-8 text", () => {
  it("a .tf saved as UTF-16 is one located error, not one syntax error a character", () => {
    const dir = tmp();
    const file = path.join(dir, "main.tf");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n', "utf16le")]));
    const r = cli(file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([`${file}:1:4: error: not a text file: it holds NUL bytes (a binary file, or text saved as UTF-16; save it as UTF-8); nothing of it is converted [PG1005]`]);
  });

  it("a template with a NUL byte is refused at it", async () => {
    const r = await convert([{ path: "t.yaml", text: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "a\0b"\n' }], { prettier: false });
    expect(located(r.diagnostics)).toEqual(["6:20 error PG1005"]);
  });

  it("a Latin-1 file converts with a warning at its first byte that is not UTF-8", () => {
    const dir = tmp();
    const file = path.join(dir, "main.tf");
    fs.writeFileSync(file, Buffer.from('resource "aws_sqs_queue" "q" {\n  name = "caf\xe9 cr\xe8me"\n}\n', "latin1"));
    const r = cli(file);
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe(`${file}:2:14: warning: 2 bytes that are not UTF-8, read as U+FFFD (�), which the program now carries: save the file as UTF-8 and convert it again [PG1005]`);
    expect(r.stdout).toContain('name: "caf� cr�me"');
  });

  it("a file of garbage gets its first syntax errors and a count of the rest", async () => {
    const text = "§".repeat(400);
    const r = await convert([{ path: "junk.tf", text }], { prettier: false });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    expect(r.diagnostics.every((d) => d.code === "PG1001")).toBe(true);
    expect(r.diagnostics.at(-1)!.message).toMatch(/^and \d+ more syntax errors from here on$/);
  });

  it("a .yaml that is no template is reported as a template, not read as HCL", async () => {
    const r = await convert([{ path: "notes.yaml", text: "just: some\nnotes: here\n" }], { prettier: false });
    expect(r.format).toBe("cloudformation");
    expect(r.diagnostics.map((d) => d.message)).toContain("a CloudFormation template needs a Resources section");
    expect(r.diagnostics.every((d) => d.code !== "PG1001")).toBe(true);
  });
});

describe("nesting", () => {
  it("brackets nested thousands deep are one located error, not an internal one", async () => {
    const n = 5000;
    const r = await convert([{ path: "deep.tf", text: `resource "aws_sqs_queue" "q" {\n  tags = { a = jsonencode(${"[".repeat(n)}${"]".repeat(n)}) }\n}\n` }], { prettier: false });
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["PG1001 expressions nested too deep for the HCL parser (it ran out of stack); nothing of the file is converted"]);
    const y = await convert([{ path: "deep.yaml", text: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      x: ${"[".repeat(n)}${"]".repeat(n)}\n` }], { prettier: false });
    expect(y.diagnostics.map((d) => d.code)).toEqual(["PG1001"]);
    expect(y.diagnostics[0]!.location?.line).toBe(6);
  });
});

describe("Terraform's JSON syntax", () => {
  it("a .tf.json beside .tf files is a located warning that its declarations are missing; one given alone is an error", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "main.tf"), 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n');
    fs.writeFileSync(path.join(dir, "extra.tf.json"), '{"resource": {"aws_sns_topic": {"t": {"name": "t"}}}}\n');
    const { convertProject } = await import("../src/project/index.js");
    const r = await convertProject(dir, { prettier: false });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => `${path.basename(d.location!.file)}:${d.location!.line} ${d.severity} ${d.code}`)).toEqual(["extra.tf.json:1 warning PG2004"]);
    const alone = await convert([{ path: path.join(dir, "extra.tf.json"), text: fs.readFileSync(path.join(dir, "extra.tf.json"), "utf8") }], { prettier: false });
    expect(alone.ok).toBe(false);
    expect(alone.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual(["error PG2004 Terraform's JSON syntax (.tf.json) is not converted: nothing of the file is in the program"]);
  });
});
