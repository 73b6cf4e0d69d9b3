/**
 * State migration: hand-made Terraform states (format 4) and a CloudFormation stack's
 * describe-stack-resources JSON give the expected `pulumi import` files; each converted program,
 * run under Pulumi's mocks, registers exactly the (type, name, parent) set its import file
 * names; and the import IDs of the API Gateway REST family, Lambda and IAM classes are the
 * formats the @pulumi/aws declarations document.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diskLoader } from "../src/project/index.js";
import { cloudFormationImports, terraformImports, type ImportFile, type StateImportResult } from "../src/state/index.js";
import { identityOf } from "../src/state/imports.js";
import { convertTree } from "../src/tree/index.js";
import type { MovedBlock, RemovedBlock } from "../src/model/program.js";
import { ROOT } from "./helpers/fixtures.js";
import { runProgram } from "./helpers/mocks.js";

const STATE = path.join(ROOT, "tests", "state");
const update = process.env.UPDATE_GOLDEN === "1";
const options = { project: "project", stack: "dev" };

/** Each case: where its converted program is, and the config that makes it declare what the state holds. */
const CASES: Record<string, { program: string; cwd?: string; config?: Record<string, string> }> = {
  sample_lambda_integration: { program: "samples/lambda-integration/expected/index.ts", cwd: "samples/lambda-integration", config: { myregion: "us-east-1", accountId: "123456789012" } },
  sample_mock_integration: { program: "samples/mock-integration/expected/index.ts" },
  sample_vpc_link: { program: "samples/vpc-link/expected/index.ts", config: { name: "test", subnet_id: "subnet-123" } },
  count: { program: "tests/fixtures/count_loop/expected/index.ts", config: { n: "2" } },
  for_each: { program: "tests/fixtures/for_each_map/expected/index.ts" },
  conditional: { program: "tests/fixtures/count_conditional/expected/index.ts" },
  deployment_stage: { program: "tests/fixtures/deployment_stage_name/expected/index.ts" },
  modules_and_provider_alias: { program: "tests/projects/modules_basic/expected/index.ts" },
  cfn_method_split: { program: "tests/fixtures/cfn_method_split/expected/index.ts" },
  // A queue policy of two queues: each QueuePolicy imported by its queue's URL, not the policy's physical id.
  cfn_queue_policy: { program: "tests/fixtures/cfn_queue_policy/expected/index.ts" },
  // A stack's rows and its nested stacks' (describe-stack-resources of each, concatenated): the nested templates' resources imported into their components.
  // A function's runtime setting and a project's webhook, resources of their own beside them: imported by the function's name and $LATEST, and by the project's name.
  cfn_companions: { program: "tests/fixtures/cfn_companions/expected/index.ts" },
  cfn_nested_stacks: { program: "tests/projects/cfn_nested_stacks/expected/index.ts", config: { Env: "prod" } },
};

/** One row of `aws cloudformation describe-stack-resources`. */
const row = (id: string, physical: string, type: string) => ({ LogicalResourceId: id, PhysicalResourceId: physical, ResourceType: type, ResourceStatus: "CREATE_COMPLETE" });

async function imports(name: string): Promise<StateImportResult> {
  const dir = path.join(STATE, name);
  const source = fs.readFileSync(path.join(dir, "source"), "utf8").trim();
  const rel = (p: string) => path.relative(ROOT, p);
  if (fs.existsSync(path.join(dir, "terraform.tfstate"))) {
    const tree = await convertTree(path.join(ROOT, source), diskLoader, { prettier: false });
    const file = path.join(dir, "terraform.tfstate");
    return terraformImports({ path: rel(file), text: fs.readFileSync(file, "utf8") }, tree, options);
  }
  const file = path.join(dir, "stack-resources.json");
  return cloudFormationImports({ path: rel(file), text: fs.readFileSync(file, "utf8") }, { path: source, text: fs.readFileSync(path.join(ROOT, source), "utf8") }, options);
}

describe("state → pulumi import file", () => {
  it("every state fixture has a case", () => {
    expect(fs.readdirSync(STATE).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: the expected import file, and the program registers exactly what it names`, async () => {
      const r = await imports(name);
      const expected = path.join(STATE, name, "expected");
      const text = JSON.stringify(r.file, null, 2) + "\n";
      const diags = JSON.stringify(r.diagnostics, null, 2) + "\n";
      if (update) {
        fs.mkdirSync(expected, { recursive: true });
        fs.writeFileSync(path.join(expected, "import.json"), text);
        fs.writeFileSync(path.join(expected, "diagnostics.json"), diags);
      }
      expect(text).toBe(fs.readFileSync(path.join(expected, "import.json"), "utf8"));
      expect(diags).toBe(fs.readFileSync(path.join(expected, "diagnostics.json"), "utf8"));
      // Every entry but the components has an ID; no resource is left out without a warning.
      for (const e of r.file.resources) expect(e.component === true || typeof e.id === "string", e.name).toBe(true);
      expect(r.skipped.length).toBe(r.diagnostics.filter((d) => d.code === "PG4001").length);
      const registered = await runProgram(path.join(ROOT, c.program), c.config ?? {}, c.cwd ? { cwd: path.join(ROOT, c.cwd) } : {});
      const key = (type: string, n: string, parent?: string) => `${type} ${n} ${parent ?? ""}`;
      const program = registered.filter((x) => !x.type.startsWith("pulumi:providers:")).map((x) => key(x.type, x.name, x.parent)).sort();
      const file = (r.file as ImportFile).resources.map((e) => key(e.type, e.name, e.parent)).sort();
      expect(file).toEqual(program);
    });
  }

  it("an aliased provider is named by its URN in the name table", async () => {
    const r = await imports("modules_and_provider_alias");
    expect(r.file.nameTable).toEqual({ west: "urn:pulumi:dev::project::pulumi:providers:aws::west" });
    expect(r.file.resources.filter((e) => e.provider === "west").map((e) => e.name)).toEqual(["payments_queue-this", "payments_queue-this"]);
    expect(r.skipped).toEqual([{ address: "aws_sqs_queue.legacy", reason: "the converted program declares no such resource" }]);
  });
});

describe("import IDs are the formats @pulumi/aws documents", () => {
  // Class → the identity its declaration's import section gives (separator first when several).
  const FORMATS: Record<string, readonly string[]> = {
    "aws.apigateway.RestApi": ["id"],
    "aws.apigateway.Resource": ["/", "restApiId", "id"],
    "aws.apigateway.Method": ["/", "restApiId", "resourceId", "httpMethod"],
    "aws.apigateway.Integration": ["/", "restApiId", "resourceId", "httpMethod"],
    "aws.apigateway.MethodResponse": ["/", "restApiId", "resourceId", "httpMethod", "statusCode"],
    "aws.apigateway.IntegrationResponse": ["/", "restApiId", "resourceId", "httpMethod", "statusCode"],
    "aws.apigateway.Deployment": ["/", "restApiId", "id"],
    "aws.apigateway.Stage": ["/", "restApiId", "stageName"],
    "aws.apigateway.Authorizer": ["/", "restApiId", "id"],
    "aws.apigateway.Model": ["/", "restApiId", "name"],
    "aws.apigateway.RequestValidator": ["/", "restApiId", "id"],
    "aws.apigateway.Response": ["/", "restApiId", "responseType"],
    "aws.apigateway.UsagePlan": ["id"],
    "aws.apigateway.UsagePlanKey": ["/", "usagePlanId", "id"],
    "aws.apigateway.ApiKey": ["id"],
    "aws.apigateway.BasePathMapping": ["id"],
    "aws.apigateway.DomainName": ["domainName"],
    "aws.apigateway.VpcLink": ["id"],
    "aws.apigateway.MethodSettings": ["/", "restApiId", "stageName", "methodPath"],
    "aws.lambda.Function": ["functionName"],
    "aws.lambda.Permission": ["/", "functionName", "statementId"],
    "aws.lambda.RuntimeManagementConfig": [",", "functionName", "qualifier"],
    "aws.codebuild.Webhook": ["id"],
    "aws.iam.Role": ["name"],
    "aws.iam.RolePolicy": [":", "role", "name"],
    "aws.iam.RolePolicyAttachment": ["/", "role", "policyArn"],
  };
  for (const [className, format] of Object.entries(FORMATS)) {
    it(className, () => {
      const identity = identityOf(className)!;
      expect(identity.sep ? [identity.sep, ...identity.attrs] : identity.attrs).toEqual(format);
      // The declaration's own example splits into the identity's attributes (its last may hold the separator: `test/GET`, an ARN).
      const [, module, cls] = /^aws\.(\w+)\.(\w+)$/.exec(className)!;
      const dts = fs.readFileSync(path.join(ROOT, "node_modules", "@pulumi", "aws", module!, `${cls![0]!.toLowerCase()}${cls!.slice(1)}.d.ts`), "utf8");
      const example = new RegExp(`\\$ pulumi import ${identity.token.replace(/[/$]/g, "\\$&")} \\S+ (\\S+)`).exec(dts)?.[1];
      expect(example, `an example in ${className}'s declaration`).toBeDefined();
      if (identity.sep) expect(example!.split(identity.sep).length).toBeGreaterThanOrEqual(identity.attrs.length);
      else expect(example).not.toBe("");
    });
  }
});

describe("import blocks → pulumi import file", () => {
  it("a root's import blocks are entries of its project's import.json, under the names the program gives; what cannot be adopted says why", async () => {
    const { convertProject } = await import("../src/project/index.js");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-import-blocks-"));
    fs.cpSync(path.join(ROOT, "tests", "projects", "modules_basic", "input"), dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "imports.tf"),
      [
        "import {",
        "  to = aws_sns_topic.alerts",
        '  id = "arn:aws:sns:eu-west-1:123456789012:alerts-dev"',
        "}",
        "import {",
        "  to = module.payments_queue.aws_sqs_queue.this",
        '  id = "https://sqs.eu-west-1.amazonaws.com/123456789012/payments-dev"',
        "}",
        "import {",
        "  to = aws_sns_topic_subscription.orders",
        '  id = "${var.env}-subscription"',
        "}",
        "import {",
        '  for_each = toset(["a", "b"])',
        "  to       = aws_sns_topic.alerts",
        "  id       = each.value",
        "}",
        "import {",
        "  to = aws_sqs_queue.nowhere",
        '  id = "x"',
        "}",
        "import {",
        "  to = aws_sns_topic.alerts",
        '  id = "arn:aws:sns:eu-west-1:123456789012:alerts-old"',
        "}",
        "",
      ].join("\n"),
    );
    const r = await convertProject(dir, { name: "project", stack: "dev", prettier: false });
    const file = JSON.parse(r.files.find((f) => f.path === "import.json")!.content) as ImportFile;
    expect(file.resources).toEqual([
      { type: "aws:sns/topic:Topic", name: "alerts", id: "arn:aws:sns:eu-west-1:123456789012:alerts-dev" },
      { type: "pulumigrate:components:Queue", name: "payments_queue", component: true },
      // Inside the component instance, with the provider it was passed.
      { type: "aws:sqs/queue:Queue", name: "payments_queue-this", id: "https://sqs.eu-west-1.amazonaws.com/123456789012/payments-dev", parent: "payments_queue", provider: "west" },
    ]);
    expect(file.nameTable).toEqual({ west: "urn:pulumi:dev::project::pulumi:providers:aws::west" });
    // The for_each block's two elements both name the one topic an earlier block imports (Terraform rejects that too).
    expect(r.imports?.skipped.map((s) => s.address)).toEqual(["aws_sns_topic_subscription.orders", "aws_sns_topic.alerts", "aws_sns_topic.alerts", "aws_sqs_queue.nowhere", "aws_sns_topic.alerts"]);
    expect(r.imports?.skipped[1]!.reason).toMatch(/^an earlier import block \(.*imports\.tf:1:1\) imports it; this one is left out$/);
    expect(r.imports?.skipped[4]!.reason).toMatch(/^an earlier import block \(.*imports\.tf:1:1\) imports it; this one is left out$/);
    const warned = r.diagnostics.filter((d) => d.code === "PG4001").map((d) => `${d.location?.file.endsWith("imports.tf")} ${d.location?.line}`);
    expect(warned).toEqual(["true 9", "true 13", "true 13", "true 18", "true 22"]);
    // Every entry names a resource the program registers.
    const registered = await runProgram(path.join(ROOT, "tests", "projects", "modules_basic", "expected", "index.ts"));
    const names = new Set(registered.map((x) => `${x.type} ${x.name} ${x.parent ?? ""}`));
    for (const e of file.resources) expect(names.has(`${e.type} ${e.name} ${e.parent ?? ""}`), e.name).toBe(true);
  });

  it("an import block's for_each written out is one import per element, each.key and each.value put in; one over a variable says why it is left out", async () => {
    const { convertProject } = await import("../src/project/index.js");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-import-for-each-"));
    fs.copyFileSync(path.join(ROOT, "tests", "fixtures", "for_each_map", "main.tf"), path.join(dir, "main.tf"));
    const url = (n: string) => `https://sqs.us-east-1.amazonaws.com/123456789012/${n}`;
    fs.writeFileSync(
      path.join(dir, "imports.tf"),
      [
        "import {",
        `  for_each = { fast = "${url("fast")}", slow = "${url("slow")}" }`,
        "  to       = aws_sqs_queue.q[each.key]",
        "  id       = each.value",
        "}",
        "import {",
        "  for_each = var.queues",
        "  to       = aws_sqs_queue.q[each.key]",
        '  id       = "https://sqs.us-east-1.amazonaws.com/123456789012/${each.key}"',
        "}",
        "",
      ].join("\n"),
    );
    const r = await convertProject(dir, { name: "project", stack: "dev", prettier: false });
    const file = JSON.parse(r.files.find((f) => f.path === "import.json")!.content) as ImportFile;
    expect(file.resources).toEqual([
      { type: "aws:sqs/queue:Queue", name: "q-fast", id: url("fast") },
      { type: "aws:sqs/queue:Queue", name: "q-slow", id: url("slow") },
    ]);
    expect(r.imports?.skipped).toEqual([{ address: "aws_sqs_queue.q[each.key]", reason: expect.stringMatching(/^its for_each is not written out .*a variable's value is known only when Terraform plans/) }]);
    const registered = await runProgram(path.join(ROOT, "tests", "fixtures", "for_each_map", "expected", "index.ts"));
    for (const e of file.resources) expect(registered.some((x) => x.type === e.type && x.name === e.name), e.name).toBe(true);
  });

  it("a time_sleep is left out, saying its wait runs once on the first update; what it waits for is adopted", async () => {
    const tree = await convertTree(path.join(ROOT, "tests", "fixtures", "time_sleep"), diskLoader, { prettier: false });
    const row = (type: string, name: string, attributes: Record<string, unknown>) => ({ mode: "managed", type, name, instances: [{ schema_version: 0, attributes }] });
    const state = JSON.stringify({ version: 4, resources: [row("aws_iam_role", "fn", { id: "fn", name: "fn" }), row("time_sleep", "iam", { id: "2026-01-01T00:00:00Z", create_duration: "10s" }), row("aws_lambda_function", "fn", { id: "fn", function_name: "fn" })] });
    const r = terraformImports({ path: "terraform.tfstate", text: state }, tree, options);
    expect(r.file.resources.map((e) => `${e.type} ${e.name} ${e.id}`)).toEqual(["aws:iam/role:Role fn fn", "aws:lambda/function:Function fn fn"]);
    expect(r.skipped).toEqual([{ address: "time_sleep.iam", reason: "a wait has nothing in the cloud to adopt: its command waits once, on the first update" }]);
  });

  it("a null_resource run as commands is left out, saying its commands run once on the first update", async () => {
    const tree = await convertTree(path.join(ROOT, "tests", "fixtures", "null_resource_commands"), diskLoader, { prettier: false });
    const state = JSON.stringify({
      version: 4,
      resources: [
        { mode: "managed", type: "aws_s3_bucket", name: "site", provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ attributes: { id: "site-dev", bucket: "site-dev" } }] },
        { mode: "managed", type: "null_resource", name: "sync", provider: 'provider["registry.terraform.io/hashicorp/null"]', instances: [{ attributes: { id: "1234" } }] },
      ],
    });
    const r = terraformImports({ path: "terraform.tfstate", text: state }, tree, options);
    expect(r.file.resources.map((e) => [e.type, e.name, e.id])).toEqual([["aws:s3/bucket:Bucket", "site", "site-dev"]]);
    expect(r.skipped).toEqual([{ address: "null_resource.sync", reason: "its commands (command.local.Command) have nothing in the cloud to adopt: they run once when the first update creates them, as the provisioners ran when Terraform created it" }]);
  });

  it("an instance with provisioners is adopted, with a warning that its commands run on the first update", async () => {
    const tree = await convertTree(path.join(ROOT, "tests", "fixtures", "provisioners_remote"), diskLoader, { prettier: false });
    const state = JSON.stringify({ version: 4, resources: [{ mode: "managed", type: "aws_instance", name: "web", provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ index_key: 0, attributes: { id: "i-0abc" } }] }] });
    const r = terraformImports({ path: "terraform.tfstate", text: state }, tree, options);
    expect(r.file.resources.map((e) => [e.type, e.name, e.id])).toEqual([["aws:ec2/instance:Instance", "web-0", "i-0abc"]]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "aws_instance.web[0]: its provisioners are commands after it, which the first update runs against the resource adopted (Terraform ran them when it created it); remove them from the program if they must not run again",
    ]);
  });

  it("a resource the state holds is adopted from the state, not twice", async () => {
    const tree = await convertTree(path.join(ROOT, "tests", "fixtures", "count_loop"), diskLoader, { prettier: false });
    const state = path.join(STATE, "count", "terraform.tfstate");
    const withState = terraformImports({ path: state, text: fs.readFileSync(state, "utf8") }, tree, options);
    const to = withState.file.resources[0]!;
    const lowered = (await import("../src/parsers/terraform/index.js")) as { parseTerraform: (files: { path: string; text: string }[]) => Promise<{ program: { items: { kind: string }[] } }> };
    const parsed = await lowered.parseTerraform([{ path: "imports.tf", text: `import {\n  to = aws_sqs_queue.q[0]\n  id = "other"\n}\n` }]);
    const blocks = parsed.program.items.filter((i) => i.kind === "import") as never[];
    expect(blocks.length).toBe(1);
    const both = terraformImports({ path: state, text: fs.readFileSync(state, "utf8") }, tree, { ...options, blocks });
    expect(both.file).toEqual(withState.file);
    expect(to.id).not.toBe("other");
  });
});

describe("moved and removed blocks → pulumi import file", () => {
  const state = path.join(STATE, "count", "terraform.tfstate");
  const stateFile = () => ({ path: state, text: fs.readFileSync(state, "utf8") });

  it("a state that still holds a moved resource's old address adopts it under the new one; a removed one is left out", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumigrate-moved-"));
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      [
        'variable "n" {',
        "  type    = number",
        "  default = 2",
        "}",
        'resource "aws_sqs_queue" "jobs" {',
        "  count = var.n",
        '  name  = "queue-${count.index}"',
        "}",
        "moved {",
        "  from = aws_sqs_queue.q",
        "  to   = aws_sqs_queue.jobs",
        "}",
        "removed {",
        "  from = aws_sns_topic.t",
        "  lifecycle {",
        "    destroy = false",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    const { convertProject } = await import("../src/project/index.js");
    const r = await convertProject(dir, { name: "project", stack: "dev", prettier: false, state: state });
    const file = JSON.parse(r.files.find((f) => f.path === "import.json")!.content) as ImportFile;
    expect(file.resources).toEqual([
      { type: "aws:sqs/queue:Queue", name: "jobs-0", id: "https://sqs.us-east-1.amazonaws.com/123456789012/queue-0" },
      { type: "aws:sqs/queue:Queue", name: "jobs-1", id: "https://sqs.us-east-1.amazonaws.com/123456789012/queue-1" },
    ]);
    // The topic is no longer managed: left out without a warning (the block's info says so).
    expect(r.imports?.skipped).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(r.files.find((f) => f.path === "index.ts")!.content).not.toMatch(/TODO|sns/);
  });

  it("one instance moved to a resource without count; a removed block that destroys says the resource stays", async () => {
    const tree = await convertTree(path.join(ROOT, "tests", "fixtures", "count_loop"), diskLoader, { prettier: false });
    const { parseTerraform } = await import("../src/parsers/terraform/index.js");
    const parsed = await parseTerraform([
      { path: "refactor.tf", text: "moved {\n  from = aws_sqs_queue.q[1]\n  to   = aws_sqs_queue.q[2]\n}\nremoved {\n  from = aws_sns_topic.t\n}\n" },
    ]);
    const refactors = parsed.program.items.filter((i): i is MovedBlock | RemovedBlock => i.kind === "moved" || i.kind === "removed");
    expect(refactors.map((x) => x.kind)).toEqual(["moved", "removed"]);
    const r = terraformImports(stateFile(), tree, { ...options, refactors });
    expect(r.file.resources.map((e) => e.name)).toEqual(["q-0", "q-2"]);
    expect(r.skipped).toEqual([{ address: "aws_sns_topic.t", reason: "a removed block (refactor.tf:5:1) takes it out of management with destroy = true: apply with Terraform to destroy it" }]);
  });

  it("a nested stack converted as a component whose own resources are not given is left out, saying which JSON to add; given as a second file they are imported", () => {
    const template = "tests/projects/cfn_nested_stacks/input/template.yaml";
    const all = JSON.parse(fs.readFileSync(path.join(STATE, "cfn_nested_stacks", "stack-resources.json"), "utf8")) as { StackResources: { StackId: string }[] };
    const app = all.StackResources[0]!.StackId;
    const parent = { StackResources: all.StackResources.filter((x) => x.StackId === app) };
    const nested = { StackResources: all.StackResources.filter((x) => x.StackId !== app) };
    const source = { path: template, text: fs.readFileSync(path.join(ROOT, template), "utf8") };
    const alone = cloudFormationImports({ path: "stack.json", text: JSON.stringify(parent, null, 2) }, source, options);
    expect(alone.skipped.map((x) => x.address)).toEqual(["Network", "Logs", "Archive"]);
    expect(alone.skipped[0]!.reason).toBe("the nested stack is converted as the component Network, whose resources are the nested stack's own: add its describe-stack-resources JSON (aws cloudformation describe-stack-resources --stack-name arn:aws:cloudformation:us-east-1:123456789012:stack/app-Network-1ABC/0a000000-0000-11ef-0000-000000000002) to import them");
    // No component entry without children, nothing of the nested stacks guessed.
    expect(alone.file.resources.map((e) => e.name)).toEqual(["Monitoring", "Missing", "AppSecurityGroup"]);
    const both = cloudFormationImports([{ path: "stack.json", text: JSON.stringify(parent) }, { path: "nested.json", text: JSON.stringify(nested) }], source, options);
    expect(both.file).toEqual(JSON.parse(fs.readFileSync(path.join(STATE, "cfn_nested_stacks", "expected", "import.json"), "utf8")));
    // Rows of a stack that is neither this one nor one of its nested stacks are never matched by logical id.
    const other = { StackResources: [{ ...all.StackResources[0]!, StackId: "arn:aws:cloudformation:us-east-1:123456789012:stack/unrelated/1", LogicalResourceId: "AppSecurityGroup", PhysicalResourceId: "sg-0ther", ResourceType: "AWS::EC2::SecurityGroup" }] };
    const mixed = cloudFormationImports([{ path: "stack.json", text: JSON.stringify(parent) }, { path: "other.json", text: JSON.stringify(other) }], source, options);
    expect(mixed.file.resources.filter((e) => e.name === "AppSecurityGroup").map((e) => e.id)).toEqual(["sg-0abc1234def567890"]);
    expect(mixed.skipped.at(-1)!.reason).toContain("which is neither the stack of the first file");
  });

  it("a group addition is left out of a stack's import file, saying that adding the users again changes nothing", () => {
    const template = "tests/fixtures/cfn_registry_gaps/template.yaml";
    const resources = { StackResources: [row("User", "ci-user", "AWS::IAM::User"), row("Admins", "admins", "AWS::IAM::Group"), row("AddAdmins", "stack-AddAdmins-1ABC", "AWS::IAM::UserToGroupAddition")] };
    const r = cloudFormationImports({ path: "stack.json", text: JSON.stringify(resources) }, { path: template, text: fs.readFileSync(path.join(ROOT, template), "utf8") }, options);
    expect(r.file.resources.map((e) => e.name)).not.toContain("AddAdmins");
    expect(r.skipped.find((x) => x.address === "AddAdmins")!.reason).toContain("added again on the first update");
  });

  it("a custom resource is left out of a stack's import file, saying that it is created afresh; what it calls is imported", () => {
    const template = "tests/fixtures/cfn_custom_resource/template.yaml";
    const resources = {
      StackResources: [
        row("SeederRole", "seeder-role", "AWS::IAM::Role"),
        row("SeederFunction", "seeder-fn", "AWS::Lambda::Function"),
        row("Seed", "seed-2026", "Custom::TableSeeder"),
        row("Lookup", "lookup-2026", "AWS::CloudFormation::CustomResource"),
      ],
    };
    const r = cloudFormationImports({ path: "stack.json", text: JSON.stringify(resources) }, { path: template, text: fs.readFileSync(path.join(ROOT, template), "utf8") }, options);
    expect(r.file.resources.map((e) => [e.type, e.name, e.id])).toEqual([
      ["aws:iam/role:Role", "SeederRole", "seeder-role"],
      ["aws:lambda/function:Function", "SeederFunction", "seeder-fn"],
    ]);
    expect(r.skipped.map((x) => x.address)).toEqual(["Seed", "Lookup"]);
    expect(r.skipped[0]!.reason).toBe("a custom resource (Custom::TableSeeder) is emulated, not imported: the first update creates it afresh, which invokes its Lambda's Create");
  });

  it("a SAM stack's resources are adopted under the expanded template's names, the hashed deployment and layer version too", () => {
    const template = "tests/fixtures/cfn_sam_functions/template.yaml";
    const layerArn = "arn:aws:lambda:us-east-1:123456789012:layer:DepsLayer:3";
    const resources = {
      StackResources: [
        row("ItemsFunction", "items-fn", "AWS::Lambda::Function"),
        row("ItemsFunctionRole", "items-role", "AWS::IAM::Role"),
        row("ServerlessRestApi", "a1b2c3", "AWS::ApiGateway::RestApi"),
        row("ServerlessRestApiDeployment0123456789", "dep42", "AWS::ApiGateway::Deployment"),
        row("ServerlessRestApiProdStage", "Prod", "AWS::ApiGateway::Stage"),
        row("DepsLayerabcdef0123", layerArn, "AWS::Lambda::LayerVersion"),
        row("WorkerFunctionAliaslive", "arn:aws:lambda:us-east-1:123456789012:function:worker:live", "AWS::Lambda::Alias"),
      ],
    };
    const r = cloudFormationImports({ path: "stack.json", text: JSON.stringify(resources) }, { path: template, text: fs.readFileSync(path.join(ROOT, template), "utf8") }, options);
    const ids = Object.fromEntries(r.file.resources.map((e) => [e.name, e.id]));
    expect(r.skipped).toEqual([]);
    expect(ids).toMatchObject({ ItemsFunction: "items-fn", ItemsFunctionRole: "items-role", ServerlessRestApi: "a1b2c3", ServerlessRestApiDeployment: "a1b2c3/dep42", DepsLayer: layerArn });
    // An AutoPublishAlias's alias is adopted by its ARN.
    expect(ids.WorkerFunctionAliaslive).toBe("arn:aws:lambda:us-east-1:123456789012:function:worker:live");
  });

  it("a stack's aws-native resources are adopted by their physical ids (the primary identifier), but where Ref reads another value", () => {
    const template = "tests/fixtures/cfn_sam_functions/template.yaml";
    const resources = {
      StackResources: [
        row("UploadsBucket", "stack-uploadsbucket-1x2y3z", "AWS::S3::Bucket"),
        row("WorkerFunctionJobs", "5f0e7c1a-9d2b-4c1e-8f00-0123456789ab", "AWS::Lambda::EventSourceMapping"),
        row("WorkerFunctionNightly", "stack-WorkerFunctionNightly-ABC", "AWS::Events::Rule"),
      ],
    };
    const r = cloudFormationImports({ path: "stack.json", text: JSON.stringify(resources) }, { path: template, text: fs.readFileSync(path.join(ROOT, template), "utf8") }, options);
    expect(r.file.resources.map((e) => [e.type, e.name, e.id])).toEqual([
      ["aws-native:s3:Bucket", "UploadsBucket", "stack-uploadsbucket-1x2y3z"],
      ["aws-native:lambda:EventSourceMapping", "WorkerFunctionJobs", "5f0e7c1a-9d2b-4c1e-8f00-0123456789ab"],
    ]);
    expect(r.skipped).toEqual([
      { address: "WorkerFunctionNightly", reason: "aws_native.events.Rule imports by its primary identifier; the stack's physical id of this AWS::Events::Rule is its name (what Ref returns), not that" },
    ]);
  });

  it("a SAM stack's published version is left out, saying the function publishes its own", () => {
    const template = "tests/fixtures/cfn_sam_functions/template.yaml";
    const resources = { StackResources: [row("WorkerFunctionVersion0a1b2c3d4e", "arn:aws:lambda:us-east-1:123456789012:function:worker:7", "AWS::Lambda::Version"), row("Elsewhere", "x", "AWS::Lambda::Version")] };
    const r = cloudFormationImports({ path: "stack.json", text: JSON.stringify(resources) }, { path: template, text: fs.readFileSync(path.join(ROOT, template), "utf8") }, options);
    expect(r.file.resources).toEqual([]);
    expect(r.skipped.map((x) => [x.address, x.reason])).toEqual([
      ["WorkerFunctionVersion0a1b2c3d4e", "a version of the function, which publishes its own (publish: true): the stack's versions stay in the account (the transform retains them), and the next change publishes the next"],
      ["Elsewhere", "the converted program declares no such resource (AWS::Lambda::Version)"],
    ]);
  });
});

describe("random values and keys in a Terraform state", () => {
  const row = (type: string, name: string, attributes: Record<string, unknown>) => ({ mode: "managed", type, name, provider: 'provider["registry.terraform.io/hashicorp/random"]', instances: [{ schema_version: 0, attributes }] });
  const password = "hunter2-correct-horse";
  const state = {
    version: 4,
    resources: [
      row("random_id", "suffix", { id: "p-9hUg", b64_url: "p-9hUg", byte_length: 4, hex: "a7e85483", prefix: "app-" }),
      row("random_integer", "priority", { id: "15390", result: 15390, min: 1, max: 50000, seed: "orders" }),
      row("random_uuid", "token", { id: "aabbccdd-eeff-0011-2233-445566778899", result: "aabbccdd-eeff-0011-2233-445566778899" }),
      row("random_password", "db", { id: "none", result: password, length: 20, special: false }),
      row("random_pet", "name", { id: "driven-lark", length: 2, separator: "-" }),
      row("tls_private_key", "ssh", { id: "f00d", algorithm: "ED25519", private_key_pem: "-----BEGIN PRIVATE KEY-----secret" }),
      row("aws_key_pair", "ssh", { id: "deployer", key_name: "deployer", public_key: "ssh-ed25519 AAAA" }),
    ],
  };

  it("a random id, integer and uuid are imported by their values, so what reads them keeps its value; a password is left out, never written, saying how to import it by hand", async () => {
    const tree = await convertTree(path.join(ROOT, "tests", "fixtures", "generated_state"), diskLoader, { prettier: false });
    const r = terraformImports({ path: "terraform.tfstate", text: JSON.stringify(state, null, 2) }, tree, options);
    expect(r.file.resources.filter((e) => e.type.startsWith("random:")).map((e) => [e.type, e.name, e.id])).toEqual([
      ["random:index/randomId:RandomId", "suffix", "app-,p-9hUg"],
      ["random:index/randomInteger:RandomInteger", "priority", "15390,1,50000,orders"],
      ["random:index/randomUuid:RandomUuid", "token", "aabbccdd-eeff-0011-2233-445566778899"],
    ]);
    expect(r.skipped.map((x) => x.address)).toEqual(["random_password.db", "random_pet.name", "tls_private_key.ssh"]);
    expect(r.skipped[2]!.reason).toMatch(/@pulumi\/tls documents no import: the first update makes a new one, .*a key pair's public key/);
    expect(r.file.resources.find((e) => e.name === "ssh")).toEqual({ type: "aws:ec2/keyPair:KeyPair", name: "ssh", id: "deployer" });
    expect(r.skipped[0]!.reason).toMatch(/a secret an import file must not hold: import it by hand \(pulumi import random:index\/randomPassword:RandomPassword/);
    expect(r.skipped[1]!.reason).toMatch(/documents no import for it: the first update makes a new name/);
    expect(JSON.stringify(r)).not.toContain(password);
    expect(JSON.stringify(r)).not.toContain("BEGIN PRIVATE KEY");
    // Each entry is what the program registers: the same type and name.
    const registered = await runProgram(path.join(ROOT, "tests", "fixtures", "generated_state", "expected", "index.ts"));
    for (const e of r.file.resources) expect(registered.some((x) => x.type === e.type && x.name === e.name), e.name).toBe(true);
  });

  it("the IDs are the formats @pulumi/random documents (its declarations' examples)", () => {
    const example = (cls: string) => [...fs.readFileSync(path.join(ROOT, "node_modules", "@pulumi", "random", `${cls}.d.ts`), "utf8").matchAll(/\$ pulumi import \S+ \S+ (\S+)/g)].map((m) => m[1]);
    expect(example("randomId")).toEqual(["p-9hUg", "my-prefix-,p-9hUg"]);
    expect(example("randomInteger")).toEqual(["15390,1,50000"]);
    expect(example("randomUuid")).toEqual(["aabbccdd-eeff-0011-2233-445566778899"]);
  });
});
