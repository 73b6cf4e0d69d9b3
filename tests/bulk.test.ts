/**
 * Bulk migration through the CLI: the shared corpus and a generated tree with a broken file, a
 * file that outlasts the time limit and a template with an unusual name; identical files on a
 * second run; a run killed mid-way leaves only whole projects and a rerun finishes the rest;
 * progress on a terminal and on a pipe.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { apiGatewayTemplate, writeRepository } from "../bench/generate.mjs";
import { CLI, ROOT, SHARED, walk } from "./helpers/fixtures.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-bulk-"));
const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd, maxBuffer: 64 * 1024 * 1024 });

interface Report {
  totals: { projects: number; withErrors: number; failed: number; timedOut: number; verified?: { typecheck: number; runs: number; of: number } };
  modules: string[];
  projects: { name: string; kind: string; out: string; status: string; ok: boolean; error?: string; verification?: { typecheck: string; run: string; registered?: number; declared: number } }[];
}

/** Every file of a folder, relative path → content, without the run's reports (their timings differ run to run). */
function files(dir: string): Map<string, string> {
  return new Map(walk(dir, (f) => !/pulumigrate-report\.(json|md)$/.test(f)).map((f) => [path.relative(dir, f), fs.readFileSync(f, "utf8")]));
}

/** A project folder is whole when it has every file a project has. */
function incomplete(out: string): string[] {
  const bad: string[] = [];
  for (const f of walk(out, (x) => x.endsWith("Pulumi.yaml") || x.endsWith("index.ts"))) {
    const dir = path.dirname(f);
    if (path.basename(path.dirname(f)) === "components") continue;
    for (const need of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts"]) if (!fs.existsSync(path.join(dir, need))) bad.push(path.join(dir, need));
  }
  return bad;
}

describe("migrate a repository", () => {
  it("the shared corpus: every root module and template a project, verified, no stack trace, the same files twice", () => {
    const out = path.join(tmp(), "out");
    const r = cli(["migrate", path.join(SHARED, "corpus"), "-o", out, "--verify", "--json"]);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    const report = JSON.parse(r.stdout) as Report;
    expect(r.status).toBe(report.totals.withErrors > 0 ? 1 : 0);
    // Every directory of .tf files is a project or a module some project calls; every template a project.
    const corpus = path.join(SHARED, "corpus");
    const tfDirs = new Set(walk(corpus, (f) => f.endsWith(".tf")).map((f) => path.relative(corpus, path.dirname(f))));
    const names = new Set(report.projects.map((p) => p.name));
    for (const d of tfDirs) expect(names.has(d) || report.modules.includes(d), d).toBe(true);
    const templates = walk(path.join(corpus, "cloudformation"), (f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.relative(corpus, f));
    for (const t of templates) expect(names.has(t), t).toBe(true);
    expect(report.projects.filter((p) => p.kind === "cloudformation").length).toBe(templates.length);
    // Each project was verified, and most of them pass.
    for (const p of report.projects) expect(p.verification, p.name).toBeDefined();
    expect(report.totals.verified!.of).toBe(report.projects.length);
    expect(report.totals.verified!.typecheck / report.totals.verified!.of).toBeGreaterThan(0.85);
    const tonatiuh = report.projects.find((p) => p.name === "terraform/TonatiuhChong__api-gateway-example")!;
    expect(tonatiuh.verification).toMatchObject({ typecheck: "passed", run: "passed" });
    expect(tonatiuh.verification!.registered).toBeGreaterThan(30);
    expect(fs.readFileSync(path.join(out, "pulumigrate-report.md"), "utf8")).toMatch(/^# pulumigrate report\n[\s\S]*## Needs a person[\s\S]*## Projects/);
    // A second run into another folder writes the same files, byte for byte.
    const again = path.join(tmp(), "out");
    expect(cli(["migrate", path.join(SHARED, "corpus"), "-o", again]).stderr).toBe("");
    expect(files(again)).toEqual(files(out));
  });

  it("a broken file, a file that outlasts the limit and a template named oddly: each reported, none stopping the others", () => {
    const repo = tmp();
    writeRepository(repo, 3, 1);
    fs.mkdirSync(path.join(repo, "broken"));
    fs.writeFileSync(path.join(repo, "broken", "main.tf"), 'resource "aws_sqs_queue" "q" {\n  name = "unterminated\n}\n');
    fs.mkdirSync(path.join(repo, "huge"));
    // Large enough to take longer than the one second it is given.
    fs.writeFileSync(path.join(repo, "huge", "main.tf"), Array.from({ length: 8000 }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "q-${i}-\${var.suffix}"\n}\n`).join("\n") + 'variable "suffix" {\n  type = string\n}\n');
    fs.writeFileSync(path.join(repo, "templates", "stack.cfn"), apiGatewayTemplate(99));
    fs.writeFileSync(path.join(repo, "README.md"), "Resources:\n  X:\n    Type: AWS::SQS::Queue\n");
    const out = path.join(tmp(), "out");
    const r = cli(["migrate", repo, "-o", out, "--json", "--timeout", "1", "--jobs", "2"]);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    const status = Object.fromEntries(report.projects.map((p) => [p.name, p.status]));
    expect(status).toEqual({
      broken: "converted",
      "envs/env-0000": "converted",
      "envs/env-0001": "converted",
      "envs/env-0002": "converted",
      huge: "timed out",
      "templates/api-0.yaml": "converted",
      "templates/stack.cfn": "converted",
    });
    expect(report.projects.find((p) => p.name === "broken")!.ok).toBe(false);
    expect(report.modules).toEqual(["modules/queue"]);
    expect(fs.existsSync(path.join(out, "huge"))).toBe(false);
    expect(fs.existsSync(path.join(out, "templates", "stack", "index.ts"))).toBe(true);
    expect(fs.readFileSync(path.join(out, "envs", "env-0000", "components", "queue.ts"), "utf8")).toContain("class Queue extends pulumi.ComponentResource");
    expect(incomplete(out)).toEqual([]);
  });

  it("a template another one nests by a local path is converted with it, as a component, not as a project of its own", () => {
    const repo = tmp();
    const fixture = path.join(ROOT, "tests", "projects", "cfn_nested_stacks", "input");
    fs.cpSync(fixture, path.join(repo, "app"), { recursive: true });
    // A template no one nests stays a project.
    fs.writeFileSync(path.join(repo, "app", "stacks", "standalone.yaml"), apiGatewayTemplate(0));
    const out = path.join(tmp(), "out");
    const r = cli(["migrate", repo, "-o", out, "--json"]);
    const report = JSON.parse(r.stdout) as Report & { nestedTemplates: string[]; projects: { name: string; sources: string[]; components: { className: string; origin: string; calls: number }[] }[] };
    expect(report.projects.map((p) => p.name)).toEqual(["app/stacks/standalone.yaml", "app/template.yaml"]);
    expect(report.nestedTemplates).toEqual(["app/stacks/network.yaml", "app/stacks/storage.yaml"]);
    const app = report.projects.find((p) => p.name === "app/template.yaml")!;
    expect(app.sources).toEqual(["app/stacks/network.yaml", "app/stacks/storage.yaml", "app/template.yaml"]);
    expect(app.components.map((c) => [c.className, c.origin, c.calls])).toEqual([
      ["Storage", "stacks/storage.yaml", 3],
      ["Network", "stacks/network.yaml", 1],
    ]);
    // The project is the one `convert template.yaml -o <folder>/` writes.
    const expected = path.join(ROOT, "tests", "projects", "cfn_nested_stacks", "expected");
    for (const f of ["index.ts", "components/network.ts", "components/storage.ts"]) expect(fs.readFileSync(path.join(out, "app", "template", f), "utf8"), f).toBe(fs.readFileSync(path.join(expected, f), "utf8"));
    expect(fs.readFileSync(path.join(out, "pulumigrate-report.md"), "utf8")).toContain("| nested templates converted as components | 2 |");
  });

  it("a run killed mid-way leaves only whole projects, and a rerun finishes the rest", async () => {
    const repo = tmp();
    writeRepository(repo, 40, 4);
    const out = path.join(tmp(), "out");
    const child = spawn(process.execPath, [CLI, "migrate", repo, "-o", out, "--jobs", "2"], { stdio: ["ignore", "pipe", "pipe"] });
    let lines = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        lines += chunk.toString().split("\n").filter((l) => /^\[\d+\/\d+\]/.test(l)).length;
        if (lines >= 8 && !child.killed) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => resolve());
    });
    await new Promise((r) => setTimeout(r, 100));
    const present = walk(out, (f) => f.endsWith("Pulumi.yaml")).length;
    expect(present).toBeGreaterThan(0);
    expect(present).toBeLessThan(44);
    expect(incomplete(out)).toEqual([]);
    const rerun = cli(["migrate", repo, "-o", out, "--json"]);
    const report = JSON.parse(rerun.stdout) as Report;
    expect(report.projects.length).toBe(44);
    expect(report.projects.filter((p) => p.status === "kept").length).toBeGreaterThanOrEqual(present - 2);
    expect(report.projects.every((p) => p.status === "kept" || p.status === "converted")).toBe(true);
    expect(walk(out, (f) => f.endsWith("Pulumi.yaml")).length).toBe(44);
    expect(incomplete(out)).toEqual([]);
    // No staging folder is left behind.
    expect(walk(out, (f) => f.includes(".pulumigrate-"))).toEqual([]);
  });

  it("root modules inside each other's folders: each project whole inside the one that holds it", () => {
    const repo = tmp();
    const queue = 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n';
    for (const dir of ["", "envs/prod", "envs/prod/deep", "envs/dev"]) {
      fs.mkdirSync(path.join(repo, dir), { recursive: true });
      fs.writeFileSync(path.join(repo, dir, "main.tf"), queue);
    }
    const out = path.join(tmp(), "out");
    const r = cli(["migrate", repo, "-o", out, "--json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.projects.map((p) => [p.out, p.status]).sort()).toEqual([[".", "converted"], ["envs/dev", "converted"], ["envs/prod", "converted"], ["envs/prod/deep", "converted"]]);
    for (const dir of ["", "envs/prod", "envs/prod/deep", "envs/dev"]) expect(fs.readFileSync(path.join(out, dir, "index.ts"), "utf8")).toContain('new aws.sqs.Queue("q"');
    expect(incomplete(out)).toEqual([]);
  });

  it("verification stands in for required config the stack does not set, shaped as the program reads it, and says so", () => {
    const repo = tmp();
    fs.mkdirSync(path.join(repo, "app"));
    fs.writeFileSync(
      path.join(repo, "app", "main.tf"),
      [
        'variable "prefix" {}',
        'variable "settings" {',
        "  type = object({ name = string, retention = number, tags = map(string), subnets = list(string) })",
        "}",
        'resource "aws_sqs_queue" "q" {',
        '  name                      = format("%s-%s", var.prefix, var.settings.name)',
        "  message_retention_seconds = var.settings.retention",
        "  tags                      = merge(var.settings.tags, { count = length(var.settings.subnets) })",
        "}",
        "",
      ].join("\n"),
    );
    const out = path.join(tmp(), "out");
    const r = cli(["migrate", repo, "-o", out, "--verify", "--json"]);
    const report = JSON.parse(r.stdout) as Report & { projects: { verification?: { note?: string } }[] };
    expect(report.projects[0]!.verification).toMatchObject({ typecheck: "passed", run: "passed", registered: 1, declared: 1 });
    expect(report.projects[0]!.verification!.note).toBe("required config not set, stand-ins used: prefix, settings");
  });

  it("a run that fails on a stand-in keeps the note, in both reports", () => {
    const repo = tmp();
    fs.mkdirSync(path.join(repo, "app"));
    // A variable the module does not declare is read as untyped config, which stands in as {}: format's %s rejects it, as Terraform would.
    fs.writeFileSync(path.join(repo, "app", "main.tf"), ['resource "aws_sqs_queue" "q" {', '  name = format("%s-queue", var.prefix)', "}", ""].join("\n"));
    const out = path.join(tmp(), "out");
    const r = cli(["migrate", repo, "-o", out, "--verify", "--json"]);
    const report = JSON.parse(r.stdout) as Report & { projects: { verification?: { note?: string; run?: string; error?: string } }[] };
    expect(report.projects[0]!.verification).toMatchObject({ typecheck: "passed", run: "failed", error: "format: %s needs a string", note: "required config not set, stand-ins used: prefix" });
    const md = fs.readFileSync(path.join(out, "pulumigrate-report.md"), "utf8");
    expect(md).toContain("- **app**: run failed: format: %s needs a string (required config not set, stand-ins used: prefix)");
    expect(md).toContain("- verification: type-check passed, run failed (0 resources registered, 1 declared): format: %s needs a string (required config not set, stand-ins used: prefix)");
  });

  it("verification answers list outputs as the provider would and other stacks' outputs with stand-ins, and a program that throws in an apply fails at once with its error", () => {
    const repo = tmp();
    // Reads an ACM certificate's validation options (the mocks answer one per domain) and a
    // bucket's replication rules (a list output the mocks answer empty).
    fs.mkdirSync(path.join(repo, "acm"));
    fs.copyFileSync(path.join(ROOT, "tests", "fixtures", "acm_dns_validation", "main.tf"), path.join(repo, "acm", "main.tf"));
    // Reads another stack's outputs (a remote state): they stand in, and the note says which.
    fs.mkdirSync(path.join(repo, "remote"));
    fs.copyFileSync(path.join(ROOT, "tests", "fixtures", "remote_state", "main.tf"), path.join(repo, "remote", "main.tf"));
    fs.mkdirSync(path.join(repo, "throws"));
    fs.writeFileSync(
      path.join(repo, "throws", "main.tf"),
      ['resource "aws_s3_bucket" "b" {}', 'resource "aws_sqs_queue" "q" {', '  name = [for s in aws_s3_bucket.b.server_side_encryption_configuration : s.rule][0].no_such_field', "}", ""].join("\n"),
    );
    const out = path.join(tmp(), "out");
    const started = Date.now();
    const r = cli(["migrate", repo, "-o", out, "--verify", "--json"]);
    const report = JSON.parse(r.stdout) as Report;
    const [acm, throws] = ["acm", "throws"].map((n) => report.projects.find((p) => p.name === n)!.verification!);
    // The zone, the certificate, a record per domain (3) and the validation.
    expect(acm).toMatchObject({ typecheck: "passed", run: "passed", registered: 6 });
    expect(report.projects.find((p) => p.name === "remote")!.verification).toMatchObject({ typecheck: "passed", run: "passed", registered: 5, note: "other stacks' outputs stood in: vpcId, privateSubnetIds, environment, zoneId" });
    expect(throws).toMatchObject({ run: "failed" });
    expect((throws as { error?: string }).error).toMatch(/error serializing property "name": .*undefined/);
    // The report's "needs a person" section lists it (and only it).
    const md = fs.readFileSync(path.join(out, "pulumigrate-report.md"), "utf8");
    expect(md).toContain("### Verification failed (1)\n\n- **throws**: run failed: error serializing property");
    expect(md).not.toContain("Nothing: every project converted without warnings.");
    // Not the 60 s a run may take: the failed program is not waited on.
    expect(Date.now() - started).toBeLessThan(45_000);
  });

  it("a terraform.tfstate beside a root module gives its project an import.json, counted in the report", () => {
    const repo = tmp();
    fs.mkdirSync(path.join(repo, "queues"));
    fs.copyFileSync(path.join(ROOT, "tests", "fixtures", "count_loop", "main.tf"), path.join(repo, "queues", "main.tf"));
    fs.copyFileSync(path.join(ROOT, "tests", "state", "count", "terraform.tfstate"), path.join(repo, "queues", "terraform.tfstate"));
    const out = path.join(tmp(), "out");
    const r = cli(["migrate", repo, "-o", out, "--json"]);
    const report = JSON.parse(r.stdout) as Report & { totals: { imported: number; notImported: number } };
    expect(report.totals).toMatchObject({ imported: 3, notImported: 0 });
    const file = JSON.parse(fs.readFileSync(path.join(out, "queues", "import.json"), "utf8")) as { resources: { name: string }[] };
    expect(file.resources.map((e) => e.name)).toEqual(["q-0", "q-1", "t"]);
  });

  it("progress: one plain line per project on a pipe, a live line redrawn in place on a terminal", () => {
    const repo = tmp();
    writeRepository(repo, 3, 1);
    const piped = cli(["migrate", repo, "-o", path.join(tmp(), "out")]);
    const lines = piped.stdout.split("\n");
    expect(lines.filter((l) => /^\[\d\/4\] .+: converted/.test(l)).length).toBe(4);
    expect(piped.stdout).not.toContain("\r");
    expect(piped.stdout).toMatch(/^projects +4 \(3 Terraform, 1 CloudFormation\)$/m);
    // A pseudo-terminal through script(1).
    const out = path.join(tmp(), "out");
    const tty = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} migrate ${JSON.stringify(repo)} -o ${JSON.stringify(out)}`, "/dev/null"], { encoding: "utf8", env: { ...process.env, COLUMNS: "120" } });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\r\x1b\[2K\[0\/4\] 0%/);
    expect(tty.stdout).toMatch(/\r\x1b\[2K\[\d\/4\] \d+% [\d.]+ m?s/);
    expect(tty.stdout).not.toMatch(/^\[\d\/4\] .+: converted/m);
    expect(tty.stdout).toMatch(/projects +4 \(3 Terraform, 1 CloudFormation\)/);
  });
});

describe("where a repository run may write", () => {
  it("never into the repository itself, nor into a folder that holds it: a usage error, nothing written", () => {
    const dir = tmp();
    const repo = path.join(dir, "repo");
    writeRepository(repo, 2, 1);
    const before = files(repo);
    for (const out of [repo, dir]) {
      const r = cli(["migrate", repo, "-o", out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^pulumigrate: error: ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: the output folder (is the repository itself|holds the repository), so the projects would be written among its files`));
    }
    expect(files(repo)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(["repo"]);
  });

  it("a time limit or a worker count that is no number of them is a usage error, before anything is written", () => {
    const dir = tmp();
    const repo = path.join(dir, "repo");
    writeRepository(repo, 1, 0);
    for (const [flag, value, message] of [
      ["--timeout", "-1", "--timeout: the seconds one project may take, a number above 0"],
      ["--timeout", "soon", "--timeout: the seconds one project may take, a number above 0"],
      ["--jobs", "0", "--jobs: a number of worker threads, 1 or more"],
      ["--jobs", "2.5", "--jobs: a number of worker threads, 1 or more"],
    ] as const) {
      const r = cli(["migrate", repo, "-o", path.join(dir, "out"), flag, value]);
      expect(r.status, `${flag} ${value}`).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(fs.readdirSync(dir)).toEqual(["repo"]);
  });
});

describe("the worker pool started ahead of a run", () => {
  it("migrate takes the pool the command line started if it has the same number of workers, once; otherwise a new one", async () => {
    const { startPoolEarly, takePool } = (await import(pathToFileURL(path.join(ROOT, "dist", "bulk", "pool.js")).href)) as typeof import("../src/bulk/pool.js");
    const early = startPoolEarly(1);
    expect(startPoolEarly(1)).toBe(early);
    await early.warm;
    const taken = takePool(1);
    expect(taken).toBe(early);
    const again = takePool(1);
    expect(again).not.toBe(early);
    const other = startPoolEarly(1);
    const bigger = takePool(2);
    expect(bigger).not.toBe(other);
    expect(bigger.jobs).toBe(2);
    await Promise.all([taken, again, bigger].map((p) => p.pool.destroy()));
  });

  it("has one worker per core unless told otherwise, never fewer than one nor more than four per core", async () => {
    const { workerCount } = (await import(pathToFileURL(path.join(ROOT, "dist", "bulk", "pool.js")).href)) as typeof import("../src/bulk/pool.js");
    const cores = os.availableParallelism();
    expect([workerCount(), workerCount(3), workerCount(0), workerCount(-2), workerCount(1000)]).toEqual([cores, Math.min(3, 4 * cores), 1, 1, 4 * cores]);
  });
});


describe("discovery", () => {
  it("gives each root module's directory as the walk listed it, so that its conversion does not list it again", async () => {
    const { discover } = await import("../src/bulk/discover.js");
    const repo = tmp();
    writeRepository(repo, 2, 1);
    fs.writeFileSync(path.join(repo, "envs", "env-0000", "terraform.tfvars"), "");
    const found = discover(repo);
    expect([...found.listings.keys()]).toEqual([...found.roots]);
    for (const r of found.roots) expect(found.listings.get(r)).toEqual(fs.readdirSync(path.join(repo, r)).sort());
    expect(found.listings.get("envs/env-0000")).toContain("terraform.tfvars");
    expect(found.modules.some((m) => found.listings.has(m))).toBe(false);
  });
});

describe("links and special files in a repository", () => {
  it("a .tf file linked in is part of its module, a root of linked files is found, a dangling link fails its root; a FIFO or a folder named .tf is not read", () => {
    const repo = tmp();
    const queue = (name: string) => `resource "aws_sqs_queue" "${name}" {\n  name = "${name}"\n}\n`;
    fs.mkdirSync(path.join(repo, "shared"));
    fs.writeFileSync(path.join(repo, "shared", "providers.tf.txt"), queue("linked"));
    for (const d of ["app", "broken", "links-only"]) fs.mkdirSync(path.join(repo, d));
    fs.writeFileSync(path.join(repo, "app", "main.tf"), queue("own"));
    fs.symlinkSync(path.join("..", "shared", "providers.tf.txt"), path.join(repo, "app", "providers.tf"));
    fs.symlinkSync(path.join(repo, "gone.tf"), path.join(repo, "broken", "main.tf"));
    fs.mkdirSync(path.join(repo, "app", "folder.tf"));
    fs.symlinkSync(path.join("..", "shared", "providers.tf.txt"), path.join(repo, "links-only", "main.tf"));
    const fifo = spawnSync("mkfifo", [path.join(repo, "app", "pipe.tf")]);
    const out = path.join(tmp(), "out");
    // A FIFO with no writer would hold a read of it forever: the run is given a limit it must finish well within.
    const r = spawnSync(process.execPath, [CLI, "migrate", repo, "-o", out, "--json"], { encoding: "utf8", timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.projects.map((p) => [p.name, p.status])).toEqual([["app", "converted"], ["broken", "failed"], ["links-only", "converted"]]);
    // A link to nothing is not dropped without a word: its root fails, naming it.
    expect(report.projects[1]!.error).toMatch(/ENOENT.*broken[\\/]main\.tf/);
    const app = fs.readFileSync(path.join(out, "app", "index.ts"), "utf8");
    expect(app).toContain('new aws.sqs.Queue("own"');
    expect(app).toContain('new aws.sqs.Queue("linked"');
    expect(fs.readFileSync(path.join(out, "links-only", "index.ts"), "utf8")).toContain('new aws.sqs.Queue("linked"');
    if (fifo.status === 0) expect(fs.statSync(path.join(repo, "app", "pipe.tf")).isFIFO()).toBe(true);
  });
});

describe("the library's migrate()", () => {
  it("writes what the command line writes, and returns the report", async () => {
    const repo = path.join(tmp(), "repo");
    writeRepository(repo, 3, 1);
    const [viaCli, viaApi] = [path.join(tmp(), "out"), path.join(tmp(), "out")];
    expect(cli(["migrate", repo, "-o", viaCli]).status).toBe(0);
    const { migrate } = (await import(pathToFileURL(path.join(ROOT, "dist", "index.js")).href)) as typeof import("../src/index.js");
    const report = await migrate(repo, { out: viaApi, jobs: 2 });
    expect(report.totals.projects).toBe(4);
    expect(report.projects.every((p) => p.status === "converted")).toBe(true);
    expect(files(viaApi)).toEqual(files(viaCli));
    expect(JSON.parse(fs.readFileSync(path.join(viaApi, "pulumigrate-report.json"), "utf8")).totals).toEqual(report.totals);
  });
});
