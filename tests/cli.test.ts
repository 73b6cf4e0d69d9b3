import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, ROOT } from "./helpers/fixtures.js";

const sample = path.join(ROOT, "samples", "lambda-integration", "main.tf");

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-"));
}

describe("CLI", () => {
  it("prints the program on stdout and exits 0", () => {
    const r = run(["convert", sample]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('new aws.apigateway.Integration("integration", {');
    expect(r.err).toBe("");
  });

  it("reports a syntax error with its place and code, exit 1, no stack trace", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "bad.tf"), 'resource "aws_sqs_queue" "q" {\n  name = "broken\n}\n');
    const r = run(["convert", "bad.tf"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bad\.tf:2:\d+: error: .+ \[PG1001\]$/m);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("usage errors exit 2: a missing input, an unknown option, no command", () => {
    expect(run(["convert", "nope.tf"]).code).toBe(2);
    expect(run(["convert", sample, "--bogus"]).code).toBe(2);
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("pulumigrate: error:");
  });

  it("never overwrites an existing file without --force", () => {
    const dir = tmp();
    const out = path.join(dir, "index.ts");
    fs.writeFileSync(out, "// mine\n");
    const refused = run(["convert", sample, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--force");
    expect(fs.readFileSync(out, "utf8")).toBe("// mine\n");
    expect(run(["convert", sample, "-o", out, "--force"]).code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain("aws.lambda.Function");
  });

  it("never writes over a file the conversion reads, even with --force", () => {
    const dir = tmp();
    const tf = path.join(dir, "main.tf");
    const tfvars = path.join(dir, "terraform.tfvars");
    const state = path.join(dir, "terraform.tfstate");
    const source = 'variable "name" {}\nresource "aws_sqs_queue" "q" {\n  name = var.name\n}\n';
    fs.writeFileSync(tf, source);
    fs.writeFileSync(tfvars, 'name = "q"\n');
    fs.writeFileSync(state, '{"version": 4, "resources": []}\n');
    const cases = [
      ["convert", "main.tf", "-o", "main.tf", "--force"],
      ["convert", ".", "-o", "main.tf", "--force"],
      ["convert", ".", "-o", "terraform.tfvars", "--force"],
      ["import", "terraform.tfstate", "--program", ".", "-o", "terraform.tfstate", "--force"],
    ];
    for (const args of cases) {
      const r = run(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(/is a file this conversion reads; pulumigrate never writes over its input, --force or not/);
    }
    // Nor when the input is named through a link to its folder and the output by the folder's own path.
    const link = path.join(tmp(), "linked");
    fs.symlinkSync(dir, link);
    const linked = run(["convert", path.join(link, "main.tf"), "-o", tf, "--force"]);
    expect(linked.code).toBe(2);
    expect(fs.readFileSync(tf, "utf8")).toBe(source);
    expect(fs.readFileSync(tfvars, "utf8")).toBe('name = "q"\n');
    expect(fs.readFileSync(state, "utf8")).toBe('{"version": 4, "resources": []}\n');
    expect(fs.readdirSync(dir).sort()).toEqual(["main.tf", "terraform.tfstate", "terraform.tfvars"]);
  });

  it("an output below a file, or a project folder that is a file, is a usage error before any work", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "main.tf"), 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n');
    fs.writeFileSync(path.join(dir, "notes"), "mine\n");
    for (const [args, message] of [
      [["convert", "main.tf", "-o", "notes/index.ts"], `-o notes/index.ts: ${path.join(fs.realpathSync(dir), "notes")} is a file, so nothing can be written below it`],
      [["convert", ".", "-o", "notes/"], "-o notes/: a file, not a folder to write projects into"],
      [["migrate", ".", "-o", "notes"], "-o notes: a file, not a folder to write projects into"],
    ] as const) {
      const r = run([...args], fs.realpathSync(dir));
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.trim()).toBe(`pulumigrate: error: ${message}`);
    }
    expect(fs.readFileSync(path.join(dir, "notes"), "utf8")).toBe("mine\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["main.tf", "notes"]);
  });

  // procfs answers ENOENT for a folder made under it, which Node's recursive mkdir reads as a missing parent and retries forever.
  it.skipIf(!fs.existsSync("/proc/self"))("an output the file system cannot hold (under /proc) is an error naming it, not a hang", () => {
    const timed = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT, timeout: 30_000, env });
      return { code: r.status, err: r.stderr, signal: r.signal };
    };
    const repo = path.join(ROOT, "samples", "lambda-integration");
    for (const [args, target] of [
      [["convert", sample, "-o", "/proc/pulumigrate-out/index.ts"], "/proc/pulumigrate-out/index.ts"],
      [["convert", repo, "-o", "/proc/pulumigrate-out"], "/proc/pulumigrate-out"],
      [["migrate", repo, "-o", "/proc/pulumigrate-out"], "/proc/pulumigrate-out"],
    ] as const) {
      const r = timed([...args]);
      expect(r.signal, args.join(" ")).toBeNull();
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.err.trim().split("\n").at(-1)).toMatch(new RegExp(`^pulumigrate: error: ${target.replace(/[.]/g, "\\.")}: cannot be written: ENOENT`));
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    // A cache folder that cannot be made only costs speed.
    const cached = timed(["convert", sample], { ...process.env, PULUMIGRATE_CACHE_DIR: "/proc/pulumigrate-cache" });
    expect(cached.signal).toBeNull();
    expect(cached.code).toBe(0);
  });

  it("a --stack that is not a stack name is a usage error, not a path to write", () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "infra"));
    fs.writeFileSync(path.join(dir, "infra", "main.tf"), 'variable "name" {}\nresource "aws_sqs_queue" "q" {\n  name = var.name\n}\n');
    fs.writeFileSync(path.join(dir, "infra", "terraform.tfvars"), 'name = "q"\n');
    fs.writeFileSync(path.join(dir, "terraform.tfstate"), '{"version": 4, "resources": []}\n');
    for (const [args, stack] of [
      [["convert", "infra", "-o", "out/"], "../../evil"],
      [["migrate", ".", "-o", `../${path.basename(dir)}-out`], "org/dev"],
      [["import", "terraform.tfstate", "--program", "infra", "-o", "import.json"], ""],
    ] as const) {
      const r = run([...args, "--stack", stack], dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toContain(`--stack ${JSON.stringify(stack)}: a stack name is letters, digits, '-', '_' and '.'`);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["infra", "terraform.tfstate"]);
    expect(fs.existsSync(`${dir}-out`)).toBe(false);
    expect(run(["convert", "infra", "-o", "out/", "--stack", "prod.eu-1_x"], dir).code).toBe(0);
    expect(fs.existsSync(path.join(dir, "out", "Pulumi.prod.eu-1_x.yaml"))).toBe(true);
  });

  it("-o dir/ writes a Pulumi project with only the packages the program uses", () => {
    const dir = path.join(tmp(), "project") + "/";
    const r = run(["convert", path.join(ROOT, "samples", "mock-integration"), "-o", dir]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(["Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies)).toEqual(["@pulumi/aws"]);
    expect(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")).toContain("runtime:\n  name: nodejs");
    expect(run(["convert", path.join(ROOT, "samples", "mock-integration"), "-o", dir]).code).toBe(2);
  });

  it("formats as the team's prettier configuration where the output goes says, and as prettier's defaults where there is none", () => {
    const plain = path.join(tmp(), "index.ts");
    const styled = tmp();
    fs.writeFileSync(path.join(styled, ".prettierrc.json"), '{ "singleQuote": true, "semi": false }');
    const template = path.join(ROOT, "samples", "lambda-integration-cfn", "template.yaml");
    expect(run(["convert", template, "-o", plain]).code).toBe(0);
    expect(run(["convert", template, "-o", path.join(styled, "index.ts")]).code).toBe(0);
    const a = fs.readFileSync(plain, "utf8");
    const b = fs.readFileSync(path.join(styled, "index.ts"), "utf8");
    expect(a).toContain('import * as aws from "@pulumi/aws";');
    expect(b).toContain("import * as aws from '@pulumi/aws'\n");
    expect(b).not.toMatch(/;\n/);
  });

  it("a CloudFormation template is told by its content; one with aws-native types makes a project that depends on it", () => {
    const dir = tmp();
    const template = path.join(dir, "stack.cfn");
    fs.copyFileSync(path.join(ROOT, "tests", "fixtures", "cfn_deletion_policies", "template.yaml"), template);
    const out = path.join(dir, "project") + "/";
    const r = run(["convert", template, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("stack.cfn:12:3: info: Table: AWS::DynamoDB::Table has no curated classic mapping");
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toContain('new aws_native.dynamodb.Table("Table", {');
    const pkg = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies)).toEqual(["@pulumi/aws", "@pulumi/aws-native"]);
  });

  it("a template or a file converted into a project folder carries the files its program reads", () => {
    const out = path.join(tmp(), "cfn");
    const r = run(["convert", path.join(ROOT, "samples", "lambda-integration-cfn", "template.yaml"), "-o", out + "/"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toContain('new pulumi.asset.FileArchive("lambda.zip")');
    expect(fs.readFileSync(path.join(out, "lambda.zip")).equals(fs.readFileSync(path.join(ROOT, "samples", "lambda-integration-cfn", "lambda.zip")))).toBe(true);
    expect(r.err).toContain(`wrote ${path.join(out, "lambda.zip")}`);
    // A single .tf file: its file() read comes along; one that is not there is a located warning.
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "policies"));
    fs.writeFileSync(path.join(dir, "policies", "queue.json"), '{"Version":"2012-10-17"}\n');
    fs.writeFileSync(path.join(dir, "main.tf"), 'resource "aws_sqs_queue" "q" {\n  policy = file("policies/queue.json")\n}\n\nresource "aws_sqs_queue" "r" {\n  policy = file("missing.json")\n}\n');
    const tf = path.join(tmp(), "tf");
    const t = run(["convert", path.join(dir, "main.tf"), "-o", tf + "/"]);
    expect(t.code).toBe(0);
    expect(fs.readFileSync(path.join(tf, "policies", "queue.json"), "utf8")).toBe('{"Version":"2012-10-17"}\n');
    expect(t.err).toMatch(/main\.tf:5:1: warning: the program reads missing\.json, which is not in the file's folder.*\[PG2010\]/);
    // A program file (not a folder) copies nothing.
    const one = path.join(tmp(), "index.ts");
    expect(run(["convert", path.join(dir, "main.tf"), "-o", one]).code).toBe(0);
    expect(fs.readdirSync(path.dirname(one))).toEqual(["index.ts"]);
  });

  it("a bad template is a located error with exit 1", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "t.yaml"), "Resources:\n  Fn:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Rain::Embed x.txt\n");
    const r = run(["convert", path.join(dir, "t.yaml")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/t\.yaml:5:\d+: error: unknown tag !Rain::Embed: not a CloudFormation intrinsic function \[PG1001\]/);
    expect(r.err).not.toContain("    at ");
  });

  it("--json reports diagnostics for machines", () => {
    const r = run(["convert", path.join(ROOT, "samples", "vpc-link", "main.tf"), "--json"]);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(true);
    expect(report.code).toContain("aws.apigateway.VpcLink");
    expect(Array.isArray(report.diagnostics)).toBe(true);
  });
});

describe("CLI: module trees", () => {
  const credentials = path.join(ROOT, "tests", "projects", "project_credentials", "input");
  const SECRETS = [
    "AKIAFIXTUREACCESSKEY1",
    "fixture/secret/KEY+do-not-leak-1",
    "fixture-session-token-do-not-leak-2",
    "fixture-default-secret-do-not-leak-3",
    "AKIAFIXTURETFVARS0004",
    "fixture-tfvars-secret-do-not-leak-5",
    "fixture-db-password-do-not-leak-6",
  ];

  it("the fixture really holds every secret the test looks for", () => {
    const input = fs.readdirSync(credentials).map((f) => fs.readFileSync(path.join(credentials, f), "utf8")).join("\n");
    for (const s of SECRETS) expect(input).toContain(s);
  });

  for (const json of [false, true]) {
    it(`no credential or secret value reaches a written file, stdout or stderr${json ? " (--json)" : ""}`, () => {
      const out = path.join(tmp(), "project");
      const r = run(["convert", credentials, "-o", out, "--stack", "prod", ...(json ? ["--json"] : [])]);
      expect(r.code).toBe(0);
      const written = readTreeText(out);
      expect(Object.keys(written).sort()).toEqual(["Pulumi.prod.yaml", "Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
      for (const s of SECRETS) {
        for (const [f, text] of Object.entries(written)) expect(text, `${s} in ${f}`).not.toContain(s);
        expect(r.out).not.toContain(s);
        expect(r.err).not.toContain(s);
      }
      const report = json ? (JSON.parse(r.out) as { diagnostics: { code: string; location: { line: number } }[]; secrets: string[] }) : undefined;
      const diagnostics = report ? report.diagnostics.filter((d) => d.code === "PG2014").map((d) => d.location.line) : [];
      if (report) {
        // Where each was: the provider's three literal credentials, the default, the three tfvars values.
        expect(diagnostics.sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6, 14, 21]);
        expect(report.secrets).toEqual(["audit_access_key", "audit_secret_key", "db_password"]);
      } else {
        expect(r.err).toMatch(/main\.tf:6:3: warning: provider "aws": credentials \(secret_key\) are left out .* \[PG2014\]/);
        expect(r.err).toContain("secret left out: pulumi config set --secret db_password");
      }
      expect(written["Pulumi.prod.yaml"]).toContain("project:instance_count: '2'");
    });
  }

  it("writes the project whole: a module tree into components/, and refuses to overwrite without --force", () => {
    const out = path.join(tmp(), "tc");
    const src = path.join(ROOT, "tests", "projects", "modules_basic", "input");
    const r = run(["convert", src, "-o", out]);
    expect(r.code).toBe(0);
    expect(Object.keys(readTreeText(out)).sort()).toEqual(["Pulumi.dev.yaml", "Pulumi.yaml", "components/queue.ts", "index.ts", "package.json", "tsconfig.json"]);
    fs.writeFileSync(path.join(out, "index.ts"), "// mine\n");
    const again = run(["convert", src, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists; use --force to overwrite it/);
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toBe("// mine\n");
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.includes("pulumigrate"))).toEqual([]);
    expect(run(["convert", src, "-o", out, "--force"]).code).toBe(0);
    expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toContain('new Queue("orders_queue"');
  });

  it("refuses an output that is there before it reads the input", () => {
    const dir = tmp();
    // A FIFO with no writer: reading it would block the process until spawnSync's limit kills it.
    const input = path.join(dir, "main.tf");
    expect(spawnSync("mkfifo", [input]).status).toBe(0);
    fs.writeFileSync(path.join(dir, "index.ts"), "// mine\n");
    const file = spawnSync(process.execPath, [CLI, "convert", input, "-o", path.join(dir, "index.ts")], { encoding: "utf8", timeout: 20_000 });
    expect(file.status).toBe(2);
    expect(file.stderr).toBe(`pulumigrate: error: ${path.join(dir, "index.ts")} exists; use --force to overwrite it\n`);
    expect(fs.readFileSync(path.join(dir, "index.ts"), "utf8")).toBe("// mine\n");
    // A project folder: the files every project writes.
    const out = path.join(dir, "proj");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "Pulumi.yaml"), "name: mine\n");
    const folder = spawnSync(process.execPath, [CLI, "convert", input, "-o", out], { encoding: "utf8", timeout: 20_000 });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain(`${path.join(out, "Pulumi.yaml")} exists; use --force to overwrite it`);
    // The output that is the input itself is still named as the input (the write's own check).
    const self = path.join(dir, "self.tf");
    fs.writeFileSync(self, 'resource "aws_sqs_queue" "q" {}\n');
    const same = run(["convert", self, "-o", self]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/is a file this conversion reads/);
  });

  it("a directory that calls modules needs a project folder to write components into", () => {
    const r = run(["convert", path.join(ROOT, "tests", "projects", "modules_basic", "input")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/calls modules.*-o <folder>\//);
  });
});

function readTreeText(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join("/")] = fs.readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("a template with nested templates, into a folder and to one file", () => {
  const input = path.join(ROOT, "tests", "projects", "cfn_nested_stacks", "input", "template.yaml");
  const expected = path.join(ROOT, "tests", "projects", "cfn_nested_stacks", "expected");

  it("into a folder: the project with a component per nested template, listed in --json", () => {
    const out = path.join(tmp(), "app");
    const r = run(["convert", input, "-o", `${out}/`, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { written: string[]; components: { className: string }[] };
    expect(report.components.map((c) => c.className)).toEqual(["Storage", "Network"]);
    expect(report.written.map((w) => path.relative(out, w)).sort()).toEqual(["Pulumi.yaml", "components/network.ts", "components/storage.ts", "index.ts", "package.json", "tsconfig.json"]);
    for (const f of ["index.ts", "components/network.ts", "components/storage.ts"]) expect(fs.readFileSync(path.join(out, f), "utf8"), f).toBe(fs.readFileSync(path.join(expected, f), "utf8"));
  });

  it("to one file: the nested stacks stay aws-native Stacks, and the warning says how to get the components", () => {
    const r = run(["convert", input]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('new aws_native.cloudformation.Stack("Network", {');
    expect(r.err).toContain("template.yaml:15:7: warning: Network: TemplateURL stacks/network.yaml is a local path, which `aws cloudformation package` uploads to S3 before deploying; the nested stack needs that URL (or convert the template into a project folder, -o <folder>/, to convert stacks/network.yaml with it as a component) [PG2010]");
  });
});

describe("import with nested stacks", () => {
  it("the stack's JSON then a nested stack's: one import file; a Terraform state takes one file", () => {
    const dir = tmp();
    const all = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "state", "cfn_nested_stacks", "stack-resources.json"), "utf8")) as { StackResources: { StackId: string }[] };
    const app = all.StackResources[0]!.StackId;
    fs.writeFileSync(path.join(dir, "stack.json"), JSON.stringify({ StackResources: all.StackResources.filter((x) => x.StackId === app) }, null, 2));
    fs.writeFileSync(path.join(dir, "nested.json"), JSON.stringify({ StackResources: all.StackResources.filter((x) => x.StackId !== app) }, null, 2));
    const template = path.join(ROOT, "tests", "projects", "cfn_nested_stacks", "input", "template.yaml");
    const r = run(["import", path.join(dir, "stack.json"), path.join(dir, "nested.json"), "--program", template, "--project", "project"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "state", "cfn_nested_stacks", "expected", "import.json"), "utf8")));
    const notNested = run(["import", path.join(dir, "stack.json"), template, "--program", template]);
    expect(notNested.code).toBe(2);
    expect(notNested.err).toContain("each further file is a nested stack's (it holds no StackResources list)");
    fs.writeFileSync(path.join(dir, "terraform.tfstate"), JSON.stringify({ version: 4, resources: [] }));
    const tf = run(["import", path.join(dir, "terraform.tfstate"), path.join(dir, "terraform.tfstate"), "--program", dir]);
    expect(tf.code).toBe(2);
    expect(tf.err).toContain("one state file per root module (got 2)");
  });
});
