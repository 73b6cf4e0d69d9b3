/**
 * Meaning: converted programs, run under Pulumi's runtime mocks, register the resources the
 * seed page's own TypeScript registers, with the same inputs, but for the deliberate
 * differences that DESIGN.md lists (written out below, each with its reason).
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { convertDir, FIXTURES, ROOT, SHARED } from "./helpers/fixtures.js";
import { byName, runProgram, runProgramExports, type Registered } from "./helpers/mocks.js";

const TMP = path.join(ROOT, ".vitest-tmp", "mock");

/** The seed page's three TypeScript examples. */
function seedExamples(): string[] {
  const md = fs.readFileSync(path.join(SHARED, "seed", "aws-apigateway-integration.md"), "utf8");
  return [...md.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]!).slice(0, 3);
}

async function runSeed(i: number, patch: (code: string) => string, config: Record<string, string>, cwd: string): Promise<Registered[]> {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `seed-${i}.ts`);
  fs.writeFileSync(file, patch(seedExamples()[i]!));
  // Run from the sample's folder, where its files are.
  const local = path.join(cwd, `.seed-${i}.ts`);
  fs.copyFileSync(file, local);
  try {
    return await runProgram(local, config);
  } finally {
    fs.rmSync(local);
  }
}

async function runConverted(sample: string, config: Record<string, string>, input = "main.tf"): Promise<Registered[]> {
  const dir = path.join(ROOT, "samples", sample);
  const result = await convertDir(dir, [input]);
  expect(result.ok).toBe(true);
  const file = path.join(dir, ".converted.ts");
  fs.writeFileSync(file, result.code);
  try {
    return await runProgram(file, config);
  } finally {
    fs.rmSync(file);
  }
}

/**
 * Compares registrations: the same (type, name) pairs, and for each resource the same inputs
 * except the listed properties, whose differences are explained where they are listed.
 */
function compare(ours: Registered[], seed: Registered[], differences: Record<string, Record<string, string>>) {
  const a = byName(ours);
  const b = byName(seed);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [key, theirs] of b) {
    const mine = a.get(key)!;
    const allowed = differences[key] ?? {};
    const props = new Set([...Object.keys(mine.inputs), ...Object.keys(theirs.inputs)]);
    for (const p of props) {
      if (p in allowed) continue;
      expect(mine.inputs[p], `${key}.${p}`).toEqual(theirs.inputs[p]);
    }
  }
}

const KEEP_NAME = "DESIGN.md: explicit names are kept (dropping them renames the deployed resource)";

describe("samples mean what the seed page's TypeScript means", () => {
  it("MOCK integration", async () => {
    const seed = await runSeed(0, (c) => c, {}, path.join(ROOT, "samples", "mock-integration"));
    const ours = await runConverted("mock-integration", {});
    expect(ours.length).toBe(4);
    compare(ours, seed, { "aws:apigateway/restApi:RestApi::MyDemoAPI": { name: KEEP_NAME } });
    const integration = ours.find((r) => r.type === "aws:apigateway/integration:Integration")!;
    expect(integration.inputs.requestTemplates).toEqual({ "application/xml": `{\n   "body" : $input.json('$')\n}\n` });
    expect(integration.inputs.timeoutMilliseconds).toBe(29000);
  });

  it("Lambda integration", async () => {
    const config = { myregion: "eu-west-1", accountId: "123456789012" };
    const seed = await runSeed(1, (c) => c.replace("lambda.functionName", "lambda.name"), config, path.join(ROOT, "samples", "lambda-integration"));
    const ours = await runConverted("lambda-integration", config);
    compare(ours, seed, {
      "aws:apigateway/restApi:RestApi::api": { name: KEEP_NAME },
      "aws:iam/role:Role::role": { name: KEEP_NAME },
      "aws:lambda/function:Function::lambda": {
        name: KEEP_NAME,
        runtime: "the Terraform source (provider docs today) says python3.6, the page's older example python2.7",
        sourceCodeHash: "the Terraform source sets source_code_hash = filebase64sha256(...); the page's example drops it",
      },
      "aws:lambda/permission:Permission::apigw_lambda": {
        statementId: "the Terraform source sets statement_id; the page's example drops it",
        function: "follows from keeping the function's explicit name: ours is 'mylambda', the page's an auto-name (asserted below)",
      },
    });
    const permission = ours.find((r) => r.type === "aws:lambda/permission:Permission")!;
    expect(permission.inputs.sourceArn).toBe("arn:aws:execute-api:eu-west-1:123456789012:api-id/*/GET/resource");
    expect(permission.inputs.function).toBe("mylambda");
    const lambda = ours.find((r) => r.type === "aws:lambda/function:Function")!;
    const zip = fs.readFileSync(path.join(ROOT, "samples", "lambda-integration", "lambda.zip"));
    const { createHash } = await import("node:crypto");
    expect(lambda.inputs.sourceCodeHash).toBe(createHash("sha256").update(zip).digest("base64"));
  });

  it("VPC link integration", async () => {
    const config = { name: "demo", subnet_id: "subnet-123", subnetId: "subnet-123" };
    const seed = await runSeed(2, (c) => c, config, path.join(ROOT, "samples", "vpc-link"));
    const ours = await runConverted("vpc-link", config);
    compare(ours, seed, {
      "aws:lb/loadBalancer:LoadBalancer::test": { name: KEEP_NAME },
      "aws:apigateway/restApi:RestApi::test": { name: KEEP_NAME },
      "aws:apigateway/vpcLink:VpcLink::test": { name: KEEP_NAME },
    });
    const integration = ours.find((r) => r.type === "aws:apigateway/integration:Integration")!;
    expect(integration.inputs.connectionId).toBe("test-id");
    expect(integration.inputs.requestTemplates).toEqual({ "application/json": "", "application/xml": "#set($inputRoot = $input.path('$'))\n{ }" });
  });
});

describe("API Gateway fixtures under mocks", () => {
  const run = async (name: string, config: Record<string, string> = {}) => runProgram(path.join(FIXTURES, name, "expected", "index.ts"), config);

  it("renames: restApi, deployment, base path mapping, gateway response", async () => {
    const rs = await run("rename_rest_api_and_deployment");
    const get = (t: string) => rs.find((r) => r.type === t)!.inputs;
    expect(get("aws:apigateway/stage:Stage")).toMatchObject({ restApi: "api-id", deployment: "d-id", stageName: "prod" });
    expect(get("aws:apigateway/basePathMapping:BasePathMapping")).toMatchObject({ restApi: "api-id", stageName: "prod", domainName: "api.example.com" });
    expect(get("aws:apigateway/response:Response")).toMatchObject({ restApiId: "api-id", statusCode: "401", responseType: "UNAUTHORIZED" });
  });

  it("depends_on: the deployment waits for method and integration", async () => {
    const rs = await run("depends_on");
    expect(rs.map((r) => r.type)).toEqual([
      "aws:apigateway/restApi:RestApi",
      "aws:apigateway/method:Method",
      "aws:apigateway/integration:Integration",
      "aws:apigateway/deployment:Deployment",
    ]);
    expect(rs.find((r) => r.type === "aws:apigateway/integration:Integration")!.inputs).toMatchObject({ httpMethod: "GET", resourceId: "api-root", type: "MOCK" });
  });

  it("a valid integration keeps every checked field", async () => {
    const rs = await run("integration_valid", { uri: "https://backend.example.com" });
    expect(rs[0]!.inputs).toMatchObject({ type: "HTTP_PROXY", integrationHttpMethod: "ANY", uri: "https://backend.example.com", timeoutMilliseconds: 50 });
  });

  it("count, for_each and conditional resources register one resource per instance", async () => {
    expect((await run("count_loop")).filter((r) => r.type === "aws:sqs/queue:Queue").map((r) => r.name)).toEqual(["q-0", "q-1", "q-2"]);
    expect((await run("for_each_map")).map((r) => [r.name, r.inputs.delaySeconds])).toEqual([["q-fast", 0], ["q-slow", 30]]);
    expect((await run("count_conditional")).map((r) => r.name)).toEqual(["logs"]);
  });
});

describe("CloudFormation means what Terraform means", () => {
  it("the seed's Lambda example as a template registers what its Terraform sample registers", async () => {
    const config = { myregion: "eu-west-1", accountId: "123456789012" };
    const fromTf = await runConverted("lambda-integration", config);
    const fromCfn = await runConverted("lambda-integration-cfn", config, "template.yaml");
    // In CloudFormation the integration is part of the Method: its Pulumi name derives from the
    // method's logical id. Every other resource keeps its name.
    const renamed = fromCfn.map((r) => (r.name === "methodIntegration" ? { ...r, name: "integration" } : r));
    const differences = {
      "aws:apigateway/integration:Integration::integration": {
        uri: "CloudFormation has no invokeArn attribute: the template builds the same ARN with Fn::Sub (asserted below)",
      },
      "aws:lambda/permission:Permission::apigw_lambda": {
        statementId: "AWS::Lambda::Permission has no StatementId: CloudFormation generates it",
      },
      "aws:lambda/function:Function::lambda": {
        sourceCodeHash: "the Terraform source sets it; `aws cloudformation package` tracks the zip itself",
      },
      "aws:iam/role:Role::role": {
        assumeRolePolicy: "the same JSON document (asserted below), written compactly by JSON.stringify",
      },
    };
    compare(renamed, fromTf, differences);
    const get = (rs: Registered[], type: string) => rs.find((r) => r.type === type)!.inputs;
    const role = "aws:iam/role:Role";
    expect(JSON.parse(get(fromCfn, role).assumeRolePolicy as string)).toEqual(JSON.parse(get(fromTf, role).assumeRolePolicy as string));
    expect(get(fromCfn, "aws:apigateway/integration:Integration").uri).toBe(
      "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:mock:aws:lambda/function:Function:lambda/invocations",
    );
    expect(get(fromCfn, "aws:lambda/permission:Permission").sourceArn).toBe(get(fromTf, "aws:lambda/permission:Permission").sourceArn);
  });
});

describe("CloudFormation API Gateway fixtures under mocks", () => {
  const run = async (name: string, config: Record<string, string> = {}) => runProgram(path.join(FIXTURES, name, "expected", "index.ts"), config);
  const named = (rs: Registered[], name: string) => {
    const r = rs.find((x) => x.name === name);
    expect(r, name).toBeDefined();
    return r!;
  };

  it("a Method with integration and method responses registers all four kinds, ordered", async () => {
    const rs = await run("cfn_method_split");
    const api = { restApi: "Api-id", resourceId: "Pets-id", httpMethod: "GET" };
    expect(named(rs, "GetPets")).toMatchObject({
      type: "aws:apigateway/method:Method",
      inputs: { ...api, authorization: "NONE", requestParameters: { "method.request.querystring.limit": false, "method.request.header.x-trace": true } },
    });
    expect(named(rs, "GetPetsIntegration")).toMatchObject({
      type: "aws:apigateway/integration:Integration",
      inputs: { ...api, type: "MOCK", passthroughBehavior: "WHEN_NO_MATCH", timeoutMilliseconds: 5000, requestTemplates: { "application/json": '{"statusCode": 200}' } },
    });
    expect(named(rs, "GetPetsResponse200")).toMatchObject({
      type: "aws:apigateway/methodResponse:MethodResponse",
      inputs: { ...api, statusCode: "200", responseModels: { "application/json": "Empty" }, responseParameters: { "method.response.header.Access-Control-Allow-Origin": true } },
    });
    expect(named(rs, "GetPetsResponse400").inputs).toMatchObject({ ...api, statusCode: "400" });
    const ok = named(rs, "GetPetsIntegrationResponse200");
    expect(ok).toMatchObject({
      type: "aws:apigateway/integrationResponse:IntegrationResponse",
      inputs: { ...api, statusCode: "200", responseTemplates: { "application/json": '[{"id": 1}]' }, responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'*'" } },
    });
    expect(ok.dependencies).toEqual(expect.arrayContaining(["GetPets", "GetPetsIntegration", "GetPetsResponse200"]));
    const bad = named(rs, "GetPetsIntegrationResponse400");
    expect(bad.inputs).toMatchObject({ statusCode: "400", selectionPattern: ".*error.*" });
    expect(bad.dependencies).toEqual(expect.arrayContaining(["GetPetsIntegration", "GetPetsResponse400"]));
    expect(bad.dependencies).not.toContain("GetPetsResponse200");
    for (const part of ["GetPetsIntegration", "GetPetsResponse200", "GetPetsResponse400"]) expect(named(rs, part).dependencies).toContain("GetPets");
  });

  it("DependsOn naming a Method waits for every part of it", async () => {
    const rs = await run("cfn_method_depends_on");
    expect(named(rs, "Deployment").dependencies).toEqual(expect.arrayContaining(["Get", "GetIntegration", "GetResponse200", "Post", "PostIntegration"]));
    expect(rs.map((r) => r.name).at(-1)).toBe("Deployment");
  });

  it("a Condition on a Method applies to every part", async () => {
    const yes = await run("cfn_method_condition");
    expect(yes.map((r) => r.name).sort()).toEqual(["Api", "Method", "MethodIntegration", "MethodIntegrationResponse201", "MethodResponse201"]);
    const no = await run("cfn_method_condition", { WithMethod: "no" });
    expect(no.map((r) => r.name)).toEqual(["Api"]);
  });

  it("an aws-native output the provider may leave unset reaches a required argument as its value", async () => {
    const rs = await run("cfn_native_optional_output");
    // The mocks echo inputs as outputs: the config's name is what the Endpoint is given, in both arguments.
    expect(named(rs, "Endpoint").inputs).toMatchObject({ endpointConfigName: "config-a", endpointName: "config-a" });
    expect(named(rs, "Endpoint").dependencies).toContain("EndpointConfig");
  });

  it("an aws-native property written in any of its forms reaches the resource as written", async () => {
    const rs = await run("cfn_native_union_forms");
    expect(named(rs, "Agent").inputs.actionGroups).toEqual([
      { actionGroupName: "orders", actionGroupExecutor: { customControl: "RETURN_CONTROL" }, apiSchema: { payload: '{"openapi": "3.0.0", "info": {"title": "orders", "version": "1"}, "paths": {}}' } },
      { actionGroupName: "refunds", actionGroupExecutor: { lambda: "arn:aws:lambda:us-east-1:123456789012:function:refunds" }, apiSchema: { s3: { s3BucketName: "schemas", s3ObjectKey: "refunds.json" } } },
    ]);
  });

  it("a Deployment's StageName becomes a Stage of that deployment", async () => {
    const rs = await run("cfn_deployment_stage");
    expect(named(rs, "DeploymentStage").inputs).toMatchObject({ deployment: "Deployment-id", restApi: "Api-id", stageName: "v1", description: "first stage", variables: { mode: "fast" } });
    expect(named(rs, "ProdMethodSettings1").inputs).toMatchObject({ methodPath: "items/GET", stageName: "prod", settings: { throttlingBurstLimit: 10, throttlingRateLimit: 5 } });
  });
});

describe("values converted to the argument's type", () => {
  it("merge() into a map of strings converts every part's values, as Terraform does", async () => {
    const rs = await runProgram(path.join(FIXTURES, "merge_coerced", "expected", "index.ts"), { port: "9000", extra: '{"replicas": 3, "zones": 2}' });
    expect(rs.find((r) => r.name === "q")!.inputs.tags).toEqual({ team: "platform", subnets: "2", port: "9000", replicas: "3", zones: "2" });
  });
});

describe("object keys", () => {
  it("a parenthesised key is its expression's value, a quoted or bare one its text", async () => {
    const file = path.join(FIXTURES, "object_keys_parenthesised", "expected", "index.ts");
    expect((await runProgram(file)).find((r) => r.name === "q")!.inputs.tags).toEqual({ team: "platform", dev: "yes", "local.key": "quoted", stage: "bare" });
    expect((await runProgram(file, { env: "prod" })).find((r) => r.name === "q")!.inputs.tags).toMatchObject({ prod: "yes" });
  });
});

describe("comments kept inside a template's values", () => {
  const run = async (config: Record<string, string> = {}) => runProgram(path.join(FIXTURES, "cfn_nested_comments", "expected", "index.ts"), config);

  it("leave every value as written: a '#' inside quotes is text", async () => {
    const rs = await run();
    const queue = rs.find((r) => r.name === "Queue")!;
    expect(queue.inputs).toMatchObject({ messageRetentionSeconds: 600, tags: { owner: "team # platform", stage: "dev" } });
    expect(JSON.parse(queue.inputs.redrivePolicy as string)).toEqual({ maxReceiveCount: 3, deadLetterTargetArn: "arn:aws:mock:aws:sqs/queue:Queue:DeadLetters" });
    const fn = rs.find((r) => r.name === "Fn")!;
    expect(fn.inputs.layers).toEqual(["arn:aws:lambda:us-east-1:123456789012:layer:a:1", "arn:aws:lambda:us-east-1:123456789012:layer:b:1"]);
    expect(fn.inputs.environment).toEqual({ variables: { STAGE: "development" } });
    expect((await run({ Env: "prod" })).find((r) => r.name === "Fn")!.inputs.environment).toEqual({ variables: { STAGE: "production" } });
  });
});

describe("comments kept inside Terraform values", () => {
  it("leave every value as written: '#' and '//' inside strings and heredocs are text", async () => {
    const file = path.join(FIXTURES, "tf_nested_comments", "expected", "index.ts");
    const rs = await runProgram(file, {});
    const queue = rs.find((r) => r.name === "queue")!;
    expect(queue.inputs).toMatchObject({ name: "orders", messageRetentionSeconds: 600, tags: { "team/owner": "platform", stage: "dev // not a comment # either", purpose: "orders" } });
    expect(queue.inputs.policy).toBe('# a policy line, not a comment\n{"Version": "2012-10-17", "Statement": []}\n');
    expect(JSON.parse(queue.inputs.redrivePolicy as string)).toEqual({ deadLetterTargetArn: "arn:aws:mock:aws:sqs/queue:Queue:dead_letters", maxReceiveCount: 3 });
    expect(queue.dependencies).toContain("dead_letters");
    expect(rs.find((r) => r.name === "web")!.inputs.ingress).toEqual([80, 443].map((p) => ({ fromPort: p, toPort: p, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] })));
    const { exports } = await runProgramExports(file, {});
    expect(exports.queue).toEqual({ url: expect.any(String), name: "orders" });
  });
});

describe("conditionals over outputs evaluate as the source does, in us-east-1 and elsewhere", () => {
  const run = (name: string, region: string) => runProgramExports(path.join(FIXTURES, name, "expected", "index.ts"), {}, { region });

  it("Terraform: resource arguments, locals and outputs", async () => {
    const east = await run("conditional_over_outputs", "us-east-1");
    const queue = (rs: Registered[]) => rs.find((r) => r.type === "aws:sqs/queue:Queue")!.inputs;
    const topic = (rs: Registered[]) => rs.find((r) => r.type === "aws:sns/topic:Topic")!.inputs;
    expect(queue(east.registered).name).toBe("east");
    expect(topic(east.registered)).toMatchObject({ name: "x", displayName: "arn:aws:mock:aws:sqs/queue:Queue:a" });
    expect(east.exports).toMatchObject({ label: "yes", east: true, pick: "east", negated: false });
    const west = await run("conditional_over_outputs", "eu-west-1");
    expect(queue(west.registered).name).toBe("other");
    expect(topic(west.registered)).toMatchObject({ name: "y", displayName: "none" });
    expect(west.exports).toMatchObject({ label: "no", east: false, pick: "y", negated: true });
  });

  it("CloudFormation: Fn::If over a region condition in a property, in outputs, and an output's Condition", async () => {
    const east = await run("cfn_conditions_over_outputs", "us-east-1");
    expect(east.registered[0]!.inputs).toMatchObject({ name: "east-queue", delaySeconds: 0 });
    expect(east.exports).toEqual({ queueName: "east-queue", region: "primary", onlyEast: "arn:aws:mock:aws:sqs/queue:Queue:Queue" });
    const west = await run("cfn_conditions_over_outputs", "eu-west-1");
    expect(west.registered[0]!.inputs).toMatchObject({ name: "other-queue", delaySeconds: 5 });
    expect(west.exports).toEqual({ queueName: "none", region: "eu-west-1", onlyEast: undefined });
  });
});

describe("template directives", () => {
  it("%{ for } and %{ if } render as Terraform renders them, strip markers included", async () => {
    const { exports } = await runProgramExports(path.join(FIXTURES, "template_directives", "expected", "index.ts"));
    expect(exports).toEqual({ inline: "names: a,b,", mode: "mode=loud!", nested: "A, B", stripped: "items:- a- bdone\n", padded: "[a]" });
  });
});

describe("attributes the provider moved", () => {
  it("a Deployment's stage_name is a Stage of that deployment, and its invoke URL and stage attributes are read from the Stage", async () => {
    const { registered, exports } = await runProgramExports(path.join(FIXTURES, "deployment_stage_name", "expected", "index.ts"));
    const stage = registered.find((r) => r.type === "aws:apigateway/stage:Stage")!;
    expect(stage).toMatchObject({ name: "prod", inputs: { deployment: "prod-id", restApi: "api-id", stageName: "prod", description: "production", variables: { mode: "fast" } } });
    expect(stage.dependencies).toContain("prod");
    const deployment = registered.find((r) => r.type === "aws:apigateway/deployment:Deployment")!;
    expect(deployment.inputs).toEqual({ restApi: "api-id", description: "first deployment" });
    expect(deployment.dependencies).toContain("get");
    expect(exports).toEqual({ invokeUrl: "https://prod.execute-api.mock.amazonaws.com/prod", executionArn: "arn:aws:execute-api:mock:123456789012:prod/prod/*/GET/", stage: "prod (production)" });
  });

  it("a Deployment without stage_name answers its invoke URL and ARN as Terraform computes them, with no stage, in the program's region", async () => {
    const file = path.join(FIXTURES, "deployment_without_stage", "expected", "index.ts");
    const { registered, exports } = await runProgramExports(file, {}, { region: "eu-west-1" });
    expect(exports).toEqual({
      deploymentUrl: "https://api-id.execute-api.eu-west-1.amazonaws.com/",
      deploymentArn: "arn:aws:execute-api:eu-west-1:123456789012:api-id/",
      secondCanaryUrl: "https://api-id.execute-api.eu-west-1.amazonaws.com/",
      stageUrl: expect.any(String),
    });
    expect(registered.filter((r) => r.type === "aws:apigateway/deployment:Deployment").map((r) => r.name).sort()).toEqual(["canary-0", "canary-1", "main"]);
    expect(registered.find((r) => r.type === "aws:apigateway/stage:Stage")!.inputs).toMatchObject({ deployment: "main-id", stageName: "prod" });
  });
});

describe("count = cond ? 1 : 0 read bare, and for expressions over outputs", () => {
  const fixture = (name: string) => path.join(FIXTURES, name, "expected", "index.ts");
  const named = (rs: readonly Registered[], name: string) => rs.find((r) => r.name === name)!;

  it("a conditional resource referred to bare is a list of zero or one: length, for, one() and a dynamic block read it so", async () => {
    const on = await runProgramExports(fixture("count_conditional_list"));
    expect(on.exports).toEqual({ logGroupCount: 1, logGroupNames: ["/aws/apigateway/access"], logGroupArn: "arn:aws:mock:aws:cloudwatch/logGroup:LogGroup:access", logging: "on" });
    expect(on.registered.filter((r) => r.type === "aws:sns/topic:Topic").map((r) => r.name).sort()).toEqual(["after_logs", "alarms-0"]);
    expect(named(on.registered, "prod").inputs.accessLogSettings).toEqual({ destinationArn: "arn:aws:mock:aws:cloudwatch/logGroup:LogGroup:access", format: "$context.requestId" });
    expect(named(on.registered, "after_logs").dependencies).toContain("access");

    const off = await runProgramExports(fixture("count_conditional_list"), { enable_logs: "false" });
    expect(off.exports).toEqual({ logGroupCount: 0, logGroupNames: [], logging: "off" });
    expect(off.registered.map((r) => r.type)).not.toContain("aws:cloudwatch/logGroup:LogGroup");
    expect(off.registered.filter((r) => r.type === "aws:sns/topic:Topic").map((r) => r.name)).toEqual(["after_logs"]);
    expect(named(off.registered, "prod").inputs).not.toHaveProperty("accessLogSettings");
  });

  it("sha1(jsonencode([for m in x : m.id])) hashes the ids themselves, once they are known", async () => {
    const { registered, exports } = await runProgramExports(fixture("for_outputs_lifted"));
    const ids = ["verbs-GET-id", "verbs-POST-id"];
    const sha1 = (await import("node:crypto")).createHash("sha1").update(JSON.stringify(ids)).digest("hex");
    expect(named(registered, "main").inputs.triggers).toEqual({ redeployment: sha1 });
    expect(exports).toEqual({ methodIdsJson: JSON.stringify(["verbs-GET-id"]), firstMethodId: "verbs-GET-id" });
  });
});

describe("SAM functions, expanded as the transform expands them", () => {
  it("make the function, its role, the implicit API and what each event needs, wired as the transformed template wires them", async () => {
    const dir = path.join(FIXTURES, "cfn_sam_functions");
    const table = "arn:aws:dynamodb:us-east-1:123456789012:table/items";
    const { registered, exports } = await runProgramExports(path.join(dir, "expected", "index.ts"), { TableArn: table }, { cwd: dir });
    const get = (name: string) => registered.find((r) => r.name === name)!;
    // Globals apply first: Runtime and Timeout, and the variables merged with the function's own.
    expect(get("ItemsFunction").inputs).toMatchObject({ handler: "app.handler", runtime: "python3.12", timeout: 10, memorySize: 256, environment: { variables: { STAGE: "prod", TABLE: table } } });
    expect(get("ItemsFunction").inputs.role).toBe("arn:aws:mock:aws:iam/role:Role:ItemsFunctionRole");
    // The function's own managed policies, then those its events link (Kinesis, MSK), as the transform orders them.
    expect(get("ItemsFunctionRole").inputs.managedPolicyArns).toEqual(["AWSLambdaBasicExecutionRole", "AmazonDynamoDBReadOnlyAccess", "AWSLambdaKinesisExecutionRole", "AWSLambdaMSKExecutionRole"].map((n) => `arn:aws:iam::aws:policy/${n.startsWith("AWSLambda") ? "service-role/" : ""}${n}`));
    // Inline statements as written; each policy template its statements, scoped by the values given (ARNs of the stack's partition, region and account).
    const inline = get("ItemsFunctionRole").inputs.inlinePolicies as { name: string; policy: string }[];
    const here = "aws:%s:us-east-1:123456789012";
    const arn = (service: string, rest: string) => `arn:${here.replace("%s", service)}:${rest}`;
    expect(inline.map((p) => p.name)).toEqual([...[1, 2, 3, 4, 5, 6].map((i) => `ItemsFunctionRolePolicy${i}`), "ItemsFunctionClicksSNSPolicy", "SamAutoGeneratedAMQPolicy", "SelfManagedKafkaExecutionRolePolicy"]);
    expect(inline.map((p) => JSON.parse(p.policy).Statement)).toEqual([
      [{ Effect: "Allow", Action: "dynamodb:PutItem", Resource: table }],
      [{ Effect: "Allow", Action: expect.arrayContaining(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query"]), Resource: [arn("dynamodb", "table/items"), arn("dynamodb", "table/items/index/*")] }],
      [{ Effect: "Allow", Action: ["sqs:SendMessage*"], Resource: arn("sqs", "Queue-generated") }],
      [{ Effect: "Allow", Action: expect.arrayContaining(["s3:GetObject", "s3:ListBucket"]), Resource: ["arn:aws:s3:::UploadsBucket-id", "arn:aws:s3:::UploadsBucket-id/*"] }],
      [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: arn("secretsmanager", "secret:items-*") }],
      [{ Effect: "Allow", Action: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"], Resource: "*" }],
      // A stream event's failure destination: the role may publish to it.
      [{ Action: "sns:publish", Effect: "Allow", Resource: "arn:aws:mock:aws:sns/topic:Topic:Alerts" }],
      // An MQ broker: its secret and the broker; a self-managed Kafka: its secret and the VPC's network interfaces.
      [
        { Action: ["secretsmanager:GetSecretValue"], Effect: "Allow", Resource: "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq" },
        { Action: ["mq:DescribeBroker"], Effect: "Allow", Resource: "arn:aws:mq:us-east-1:123456789012:broker:orders:b-1" },
      ],
      [
        { Action: ["secretsmanager:GetSecretValue"], Effect: "Allow", Resource: "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka" },
        { Action: expect.arrayContaining(["ec2:CreateNetworkInterface", "ec2:DescribeVpcs"]), Effect: "Allow", Resource: "*" },
      ],
    ]);
    expect(get("ItemsFunctionBroker").inputs).toMatchObject({ eventSourceArn: "arn:aws:mq:us-east-1:123456789012:broker:orders:b-1", queues: ["orders"] });
    expect(get("ItemsFunctionKafka").inputs).toMatchObject({ selfManagedEventSource: { endpoints: { kafkaBootstrapServers: ["kafka1:9092"] } }, selfManagedKafkaEventSourceConfig: { consumerGroupId: "items" }, topics: ["events"] });
    expect(get("ItemsFunctionKafka").inputs.eventSourceArn).toBeUndefined();
    // The mappings: the destination without the Type the transform reads; MSK's topics and consumer group.
    expect(get("ItemsFunctionClicks").inputs).toEqual({ eventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks", functionName: "ItemsFunction-generated", startingPosition: "LATEST", destinationConfig: { onFailure: { destination: "arn:aws:mock:aws:sns/topic:Topic:Alerts" } } });
    expect(get("ItemsFunctionPayments").inputs).toEqual({ eventSourceArn: "arn:aws:kafka:us-east-1:123456789012:cluster/payments/abc", functionName: "ItemsFunction-generated", startingPosition: "LATEST", topics: ["payments"], amazonManagedKafkaEventSourceConfig: { consumerGroupId: "items" } });
    // A function that names its role gets no role of its own.
    expect(get("WorkerFunction").inputs.role).toBe("arn:aws:mock:aws:iam/role:Role:WorkerRole");
    expect(registered.some((r) => r.name === "WorkerFunctionRole")).toBe(false);
    // AutoPublishAlias: the function publishes, its alias points at the version published, and every event invokes the alias.
    const alias = "WorkerFunctionAliaslive-id";
    expect(get("WorkerFunction").inputs.publish).toBe(true);
    expect(get("WorkerFunctionAliaslive").inputs).toEqual({ name: "live", functionName: "WorkerFunction-generated", functionVersion: "1" });
    // The implicit API: each path's integration invokes the function; the permissions name the API, any stage, the method and path.
    const body = JSON.parse(get("ServerlessRestApi").inputs.body as string);
    expect(body.paths["/items"].get["x-amazon-apigateway-integration"]).toEqual({ httpMethod: "POST", type: "aws_proxy", uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:mock:aws:lambda/function:Function:ItemsFunction/invocations" });
    expect(Object.keys(body.paths["/items/{proxy+}"])).toEqual(["x-amazon-apigateway-any-method"]);
    expect(get("ItemsFunctionListPermissionProd").inputs).toMatchObject({ principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:us-east-1:123456789012:ServerlessRestApi-id/*/GET/items" });
    expect(get("ItemsFunctionProxyPermissionProd").inputs.sourceArn).toBe("arn:aws:execute-api:us-east-1:123456789012:ServerlessRestApi-id/*/*/items/*");
    expect(get("ServerlessRestApiProdStage").inputs).toMatchObject({ stageName: "Prod", deployment: "ServerlessRestApiDeployment-id" });
    // The deployment is made again when the body changes: its trigger is the body's SHA-1.
    const sha1 = (text: string) => crypto.createHash("sha1").update(text).digest("hex");
    expect(get("ServerlessRestApiDeployment").inputs.triggers).toEqual({ redeployment: sha1(get("ServerlessRestApi").inputs.body as string) });
    // A schedule: a rule whose target is the function, and the permission for the rule.
    expect(get("WorkerFunctionNightly").inputs.targets).toEqual([{ arn: alias, id: "WorkerFunctionNightlyLambdaTarget", input: '{"full": true}' }]);
    expect(get("WorkerFunctionNightlyPermission").inputs).toMatchObject({ function: alias, principal: "events.amazonaws.com", sourceArn: "arn:aws:mock:aws-native:events:Rule:WorkerFunctionNightly" });
    expect(get("WorkerFunctionJobs").inputs).toMatchObject({ eventSourceArn: "arn:aws:mock:aws:sqs/queue:Queue:Queue", batchSize: 5, functionName: alias });
    expect(get("WorkerFunctionJobs").dependencies).toContain("WorkerFunctionAliaslive");
    expect(get("WorkerFunctionAliaslive").dependencies).toContain("WorkerFunction");
    // A layer: its folder as the layer's code, read by the function through its ARN.
    expect(get("DepsLayer").type).toBe("aws:lambda/layerVersion:LayerVersion");
    expect(get("DepsLayer").inputs).toMatchObject({ layerName: "DepsLayer", compatibleRuntimes: ["python3.12"] });
    expect(get("InlineFunction").inputs.layers).toEqual(["arn:aws:mock:aws:lambda/layerVersion:LayerVersion:DepsLayer"]);
    // CloudWatch Logs: a subscription filter of the log group after the permission; Cognito: the pool's triggers and the permission for Cognito.
    expect(get("WorkerFunctionErrors").inputs).toEqual({ logGroupName: "/app/errors", filterPattern: "ERROR", destinationArn: alias });
    expect(get("WorkerFunctionErrors").dependencies).toContain("WorkerFunctionErrorsPermission");
    expect(get("WorkerFunctionErrorsPermission").inputs).toMatchObject({ principal: "logs.amazonaws.com", sourceArn: "arn:aws:logs:us-east-1:123456789012:log-group:/app/errors:*" });
    expect(get("Users").inputs.lambdaConfig).toEqual({ preSignUp: alias, postConfirmation: alias });
    expect(get("WorkerFunctionCognitoPermission").inputs).toMatchObject({ function: alias, principal: "cognito-idp.amazonaws.com", sourceArn: "arn:aws:mock:aws-native:cognito:UserPool:Users" });
    // IoT: a topic rule whose action invokes the function, and IoT's permission from this account; Alexa: the skill's permission.
    expect(get("WorkerFunctionTelemetry").inputs).toEqual({ topicRulePayload: { sql: "SELECT * FROM 'devices/+/telemetry'", ruleDisabled: false, actions: [{ lambda: { functionArn: alias } }], awsIotSqlVersion: "2016-03-23" } });
    expect(get("WorkerFunctionTelemetryPermission").inputs).toMatchObject({ function: alias, principal: "iot.amazonaws.com", sourceAccount: "123456789012", sourceArn: "arn:aws:iot:us-east-1:123456789012:rule/WorkerFunctionTelemetry-id" });
    expect(get("WorkerFunctionSkillPermission").inputs).toMatchObject({ function: alias, principal: "alexa-appkit.amazon.com", eventSourceToken: "amzn1.ask.skill.12345" });
    // A dead-letter queue and asynchronous destinations: the function's config, and the role's policies to reach each (a queue made where none is named).
    const queueArn = "arn:aws:mock:aws:sqs/queue:Queue:Queue";
    const madeQueue = "arn:aws:mock:aws:sqs/queue:Queue:InlineFunctionEventInvokeConfigOnFailureQueue";
    expect(get("InlineFunction").inputs.deadLetterConfig).toEqual({ targetArn: queueArn });
    expect(get("InlineFunctionEventInvokeConfig").inputs).toEqual({ functionName: "InlineFunction-generated", qualifier: "$LATEST", maximumRetryAttempts: 1, destinationConfig: { onSuccess: { destination: "arn:aws:mock:aws:sns/topic:Topic:Alerts" }, onFailure: { destination: madeQueue } } });
    expect((get("InlineFunctionRole").inputs.inlinePolicies as { name: string; policy: string }[]).map((p) => [p.name, JSON.parse(p.policy).Statement[0]])).toEqual([
      ["DeadLetterQueuePolicy", { Action: "sqs:SendMessage", Resource: queueArn, Effect: "Allow" }],
      ["InlineFunctionEventInvokeConfigOnSuccessSNSPolicy", { Action: "sns:publish", Effect: "Allow", Resource: "arn:aws:mock:aws:sns/topic:Topic:Alerts" }],
      ["InlineFunctionEventInvokeConfigOnFailureSQSPolicy", { Action: "sqs:SendMessage", Effect: "Allow", Resource: madeQueue }],
    ]);
    expect(get("WorkerFunctionChanges").inputs).toMatchObject({ eventSourceArn: table, startingPosition: "LATEST", functionName: alias });
    // SNS: a subscription of the function to the topic, and the permission for the topic.
    expect(get("WorkerFunctionAlerts").inputs).toEqual({ protocol: "lambda", endpoint: alias, topicArn: "arn:aws:mock:aws:sns/topic:Topic:Alerts" });
    expect(get("WorkerFunctionAlertsPermission").inputs).toMatchObject({ principal: "sns.amazonaws.com", sourceArn: "arn:aws:mock:aws:sns/topic:Topic:Alerts" });
    expect(get("WorkerFunctionDeploys").inputs).toMatchObject({ eventPattern: { source: ["aws.codedeploy"] }, targets: [{ arn: alias, id: "WorkerFunctionDeploysLambdaTarget" }] });
    // An AWS::Serverless::Api: the events that name it give it its paths; its stage is the one it names.
    const orders = JSON.parse(get("OrdersApi").inputs.body as string);
    expect(Object.keys(orders.paths)).toEqual(["/orders/{id}", "/orders"]);
    // Auth: the authorizers as security definitions; each method secured by its event's authorizer, else the default; preflights left open as asked.
    expect(Object.keys(orders.securityDefinitions)).toEqual(["Users", "Tokens", "api_key"]);
    expect(orders.securityDefinitions.api_key).toEqual({ type: "apiKey", name: "x-api-key", in: "header" });
    expect(orders.securityDefinitions.Users["x-amazon-apigateway-authorizer"]).toEqual({ type: "cognito_user_pools", providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"] });
    expect(orders.securityDefinitions.Tokens["x-amazon-apigateway-authorizer"].authorizerUri).toBe("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:mock:aws:lambda/function:Function:WorkerFunction/invocations");
    // ApiKeyRequired: every method needs a key but the event that says not, and the preflights (AddApiKeyRequiredToCorsPreflight: false).
    expect(orders.paths["/orders/{id}"].post.security).toEqual([{ Tokens: [] }, { api_key: [] }]);
    expect(orders.paths["/orders"].get.security).toEqual([{ Users: [] }]);
    expect(orders.paths["/orders"].options.security).toBeUndefined();
    // UsagePlan PER_API: the API's own plan on its stage, a key, and the plan key joining them.
    expect(get("OrdersApiUsagePlan").inputs).toEqual({ apiStages: [{ apiId: "OrdersApi-id", stage: "v1" }], name: "orders", throttleSettings: { rateLimit: 10, burstLimit: 20 } });
    expect(get("OrdersApiApiKey").inputs).toMatchObject({ enabled: true });
    expect(get("OrdersApiUsagePlanKey").inputs).toEqual({ keyId: "OrdersApiApiKey-id", keyType: "API_KEY", usagePlanId: "OrdersApiUsagePlan-id" });
    expect(get("OrdersApiTokensAuthorizerPermission").inputs).toMatchObject({ function: "arn:aws:mock:aws:lambda/function:Function:WorkerFunction", sourceArn: "arn:aws:execute-api:us-east-1:123456789012:OrdersApi-id/authorizers/*" });
    expect(orders.paths["/orders/{id}"].post["x-amazon-apigateway-integration"].uri).toContain("Function:OrdersFunction/invocations");
    // Cors: each path answers the preflight with a mock integration, its own methods and OPTIONS allowed.
    expect(orders.paths["/orders/{id}"].options["x-amazon-apigateway-integration"]).toMatchObject({
      type: "mock",
      responses: { default: { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'*'", "method.response.header.Access-Control-Allow-Methods": "'OPTIONS,POST'" } } },
    });
    expect(body.paths["/items"].options).toBeUndefined();
    expect(Object.keys(body.paths)).toEqual(["/items", "/items/{proxy+}"]);
    expect(get("OrdersApiv1Stage").inputs).toMatchObject({ stageName: "v1", restApi: "OrdersApi-id", deployment: "OrdersApiDeployment-id", xrayTracingEnabled: true });
    expect(get("OrdersFunctionCreatePermissionv1").inputs.sourceArn).toBe("arn:aws:execute-api:us-east-1:123456789012:OrdersApi-id/*/POST/orders/*");
    // HTTP APIs: an OpenAPI 3 route invoking the function (payload 2.0 unless the event says), CORS as the extension, a stage deployed automatically.
    const publicApi = get("PublicApi").inputs.body as { paths: Record<string, Record<string, Record<string, unknown>>>; "x-amazon-apigateway-cors": unknown };
    expect(get("PublicApi").type).toBe("aws-native:apigatewayv2:Api");
    expect(publicApi.paths["/items"]!.get!["x-amazon-apigateway-integration"]).toEqual({ httpMethod: "POST", type: "aws_proxy", uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:mock:aws:lambda/function:Function:PublicFunction/invocations", payloadFormatVersion: "1.0" });
    // The transform's tags: on the API (in its body) and its stage; on each function and the role made for it.
    expect((get("PublicApi").inputs.body as { tags: unknown }).tags).toEqual([{ name: "httpapi:createdBy", "x-amazon-apigateway-tag-value": "SAM" }]);
    expect(get("PublicApiApiGatewayDefaultStage").inputs.tags).toEqual({ "httpapi:createdBy": "SAM" });
    expect(get("PublicFunction").inputs.tags).toEqual({ "lambda:createdBy": "SAM" });
    expect(get("PublicFunctionRole").inputs.tags).toEqual({ "lambda:createdBy": "SAM" });
    expect(publicApi["x-amazon-apigateway-cors"]).toEqual({ allowOrigins: ["https://example.com"], allowMethods: ["GET"] });
    // Auth: the JWT authorizer secures the routes by default (with the scopes the event asks), the event's Lambda authorizer its own, which API Gateway may invoke.
    expect(publicApi.paths["/items"]!.get!.security).toEqual([{ Users: ["items/read"] }]);
    expect(publicApi.paths["/items"]!.post!.security).toEqual([{ Partners: [] }]);
    const schemes = (get("PublicApi").inputs.body as { components: { securitySchemes: Record<string, Record<string, unknown>> } }).components.securitySchemes;
    expect(schemes.Users).toEqual({ type: "oauth2", "x-amazon-apigateway-authorizer": { type: "jwt", jwtConfiguration: { issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_pool", audience: ["client-1"] }, identitySource: "$request.header.Authorization" } });
    expect(schemes.Partners!["x-amazon-apigateway-authorizer"]).toEqual({
      type: "request",
      authorizerUri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:mock:aws:lambda/function:Function:WorkerFunction/invocations",
      authorizerPayloadFormatVersion: "2.0",
      enableSimpleResponses: true,
      identitySource: "$request.header.X-Partner-Key",
    });
    expect(get("PublicApiPartnersAuthorizerPermission").inputs).toMatchObject({ function: "arn:aws:mock:aws:lambda/function:Function:WorkerFunction", principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:us-east-1:123456789012:PublicApi-id/authorizers/*" });
    // A state machine: its definition as written (a free-form type), its substitutions as values (not numbers), its own role.
    expect(get("Workflow").inputs).toEqual({
      stateMachineType: "EXPRESS",
      definition: { StartAt: "Work", States: { Work: { Type: "Task", Resource: "${WorkerArn}", End: true } } },
      definitionSubstitutions: { WorkerArn: "arn:aws:mock:aws:lambda/function:Function:WorkerFunction" },
      roleArn: "arn:aws:mock:aws:iam/role:Role:WorkflowRole",
      tags: [{ key: "stateMachine:createdBy", value: "SAM" }],
    });
    expect(JSON.parse(get("WorkflowRole").inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: ["states.amazonaws.com"] });
    expect(get("WorkflowRole").inputs.tags).toEqual({ "stateMachine:createdBy": "SAM" });
    // S3: the bucket of the template notifies the function, after the permission for S3 to invoke it.
    expect(get("UploadsBucket").inputs.notificationConfiguration).toEqual({
      lambdaConfigurations: [{ event: "s3:ObjectCreated:*", function: alias, filter: { s3Key: { rules: [{ name: "suffix", value: ".csv" }] } } }],
    });
    expect(get("UploadsBucket").dependencies).toContain("WorkerFunctionUploadsPermission");
    expect(get("WorkerFunctionUploadsPermission").inputs).toMatchObject({ principal: "s3.amazonaws.com", sourceAccount: "123456789012" });
    // ScheduleV2: a Scheduler schedule invoking the function with a role of its own.
    expect(get("WorkerFunctionHourly").inputs).toEqual({
      scheduleExpression: "rate(1 hour)",
      flexibleTimeWindow: { mode: "OFF" },
      scheduleExpressionTimezone: "Europe/Paris",
      target: { arn: alias, roleArn: "arn:aws:mock:aws:iam/role:Role:WorkerFunctionHourlyRole" },
    });
    expect(JSON.parse(get("WorkerFunctionHourlyRole").inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: ["scheduler.amazonaws.com"] });
    // A function URL open to anyone: the URL and the permission to invoke it without IAM.
    expect(get("PublicFunctionUrl").inputs).toEqual({ targetFunctionArn: "PublicFunction-generated", authType: "NONE", invokeMode: "BUFFERED" });
    expect(get("PublicFunctionUrlPublicPermissions").inputs).toMatchObject({ action: "lambda:InvokeFunctionUrl", principal: "*", functionUrlAuthType: "NONE" });
    expect(get("PublicApiApiGatewayDefaultStage").inputs).toEqual({ apiId: "PublicApi-id", stageName: "$default", autoDeploy: true, tags: { "httpapi:createdBy": "SAM" } });
    const implicitHttp = get("ServerlessHttpApi").inputs.body as { paths: Record<string, Record<string, Record<string, { payloadFormatVersion: string }>>> };
    expect(implicitHttp.paths["/health/{check}"]!.get!["x-amazon-apigateway-integration"]!.payloadFormatVersion).toBe("2.0");
    expect(get("InlineFunctionHealthPermission").inputs.sourceArn).toBe("arn:aws:execute-api:us-east-1:123456789012:ServerlessHttpApi-id/*/GET/health/*");
    expect(exports).toEqual({
      apiUrl: "https://ServerlessRestApi-id.execute-api.us-east-1.amazonaws.com/Prod/items",
      itemsRoleArn: "arn:aws:mock:aws:iam/role:Role:ItemsFunctionRole",
      ordersUrl: "https://OrdersApi-id.execute-api.us-east-1.amazonaws.com/v1/orders",
      healthUrl: "https://ServerlessHttpApi-id.execute-api.us-east-1.amazonaws.com/health",
    });
  });

  it("a simple table is its DynamoDB table, keyed by id on demand; a reference to a function reads the function's name", async () => {
    const { registered } = await runProgramExports(path.join(FIXTURES, "cfn_sam_template", "expected", "index.ts"));
    const get = (name: string) => registered.find((r) => r.name === name)!;
    expect(get("Table").type).toBe("aws-native:dynamodb:Table");
    expect(get("Table").inputs).toEqual({ attributeDefinitions: [{ attributeName: "id", attributeType: "S" }], keySchema: [{ attributeName: "id", keyType: "HASH" }], billingMode: "PAY_PER_REQUEST" });
    expect(get("Logs").inputs.name).toBe(`/aws/lambda/${get("HelloFunction").name}-generated`);
  });
});

describe("CloudFormation custom resources", () => {
  it("invoke their Lambda through aws-native's emulator with the properties as written, and read its answer's Data", async () => {
    const file = path.join(FIXTURES, "cfn_custom_resource", "expected", "index.ts");
    const { registered, exports } = await runProgramExports(file, { customResourceBucket: "responses" }, { customData: { Seed: { FirstId: "row-1" } } });
    const emulated = registered.filter((r) => r.type === "aws-native:cloudformation:CustomResourceEmulator");
    expect(emulated.map((r) => r.name).sort()).toEqual(["ByTopic", "Lookup", "Seed"]);
    const seed = emulated.find((r) => r.name === "Seed")!;
    expect(seed.inputs).toEqual({
      serviceToken: expect.stringContaining("SeederFunction"),
      resourceType: "Custom::TableSeeder",
      customResourceProperties: { TableName: "items", Rows: [{ Id: "1", Name: "first" }], Overwrite: false },
      bucketName: "responses",
      bucketKeyPrefix: "custom-resources/Seed",
    });
    expect(seed.dependencies).toContain("SeederFunction");
    const lookup = emulated.find((r) => r.name === "Lookup")!;
    expect(lookup.inputs).toMatchObject({ resourceType: "AWS::CloudFormation::CustomResource", customResourceProperties: { Key: "row-1" } });
    expect(lookup.dependencies).toContain("Seed");
    expect(exports).toEqual({ seedId: "Seed-physical-id", firstId: "row-1" });
  });
});

describe("try() and flattened lists", () => {
  const fixture = (name: string) => path.join(FIXTURES, name, "expected", "index.ts");

  it("try(x, null) leaves the argument unset where x is missing; an index past a counted resource falls through, and so does a function failing on the value it reads", async () => {
    const { registered, exports } = await runProgramExports(fixture("try_fallbacks"));
    const method = (name: string) => registered.find((r) => r.type === "aws:apigateway/method:Method" && r.name === name)!;
    expect(method("route-keyed").inputs.apiKeyRequired).toBe(true);
    expect(method("route-public").inputs).not.toHaveProperty("apiKeyRequired");
    expect(exports).toEqual({ presentResource: "items-0-id", fallbackResource: "none", partMatches: false, partPrefix: "it", partUnmatched: "none", partPastEnd: false });
    expect(exports.missingResource).toBeUndefined();
  });

  it("an attribute the provider may leave unset, passed to a function that takes a string, is read as set", async () => {
    const { registered, exports } = await runProgramExports(fixture("optional_attribute_arguments"));
    const body = JSON.stringify({ info: { title: "items" }, openapi: "3.0.1" });
    const sha1 = (await import("node:crypto")).createHash("sha1").update(body).digest("hex");
    expect(registered.find((r) => r.name === "main")!.inputs.triggers).toEqual({ redeployment: sha1 });
    expect(exports).toEqual({ bodyLength: body.length, bodyBase64: Buffer.from(body).toString("base64"), title: "ITEMS" });
  });

  it("a for in for_each reads the loop variable's attributes as Pulumi's properties", async () => {
    const registered = await runProgram(fixture("for_each_typed_paths"));
    const responses = registered.filter((r) => r.type === "aws:apigateway/methodResponse:MethodResponse");
    expect(responses.map((r) => [r.name, r.inputs.httpMethod, r.inputs.statusCode])).toEqual([
      ["ok-GET", "GET", "200"],
      ["ok-POST", "POST", "200"],
    ]);
  });

  it("a list Pulumi flattens to its element (target_arns → targetArn) takes the first element of a computed list", async () => {
    const registered = await runProgram(fixture("flattened_list_value"));
    const links = registered.filter((r) => r.type === "aws:apigateway/vpcLink:VpcLink");
    expect(links.map((r) => [r.name, r.inputs.targetArn])).toEqual([
      ["link", "arn:aws:mock:aws:lb/loadBalancer:LoadBalancer:nlb-0"],
      ["spread", "arn:aws:mock:aws:lb/loadBalancer:LoadBalancer:nlb-0"],
    ]);
  });
});

describe("CloudFormation's AWS::NoValue as a list item", () => {
  it("removes the item on that branch: tags and rules are there or not, never null", async () => {
    const file = path.join(FIXTURES, "cfn_novalue_list_items", "expected", "index.ts");
    const inputs = (rs: readonly Registered[], name: string) => rs.find((r) => r.name === name)!.inputs;
    const dev = await runProgram(file);
    expect(inputs(dev, "Api").tags).toEqual({ team: "platform" });
    expect((inputs(dev, "Web").securityGroupIngress as { fromPort: number }[]).map((r) => r.fromPort)).toEqual([443, 22]);
    const prod = await runProgram(file, { Stage: "prod" });
    expect(inputs(prod, "Api").tags).toEqual({ team: "platform", tier: "critical" });
    expect((inputs(prod, "Web").securityGroupIngress as { fromPort: number }[]).map((r) => r.fromPort)).toEqual([443]);
  });
});

describe("the providers that ride along with AWS", () => {
  it("archive_file is a Pulumi archive a Lambda takes as its code; template_file renders; random_id is @pulumi/random", async () => {
    const { registered, exports } = await runProgramExports(path.join(FIXTURES, "archive_file_lambda", "expected", "index.ts"));
    const code = (name: string) => registered.find((r) => r.type === "aws:lambda/function:Function" && r.name === name)!.inputs.code as Record<string, unknown>;
    const assets = async (archive: Record<string, unknown>) => Object.fromEntries(await Promise.all(Object.entries((await archive.assets) as Record<string, Record<string, unknown>>).map(async ([k, a]) => [k, { path: await a.path, text: await a.text }])));
    expect(await assets(code("one_file"))).toEqual({ "index.js": { path: "./src/index.js", text: undefined } });
    expect(await code("directory").path).toBe("./src");
    expect(await assets(code("inline"))).toEqual({ "index.js": { path: undefined, text: "exports.handler = async () => 'hi';" } });
    for (const name of ["one_file", "directory", "inline"]) {
      expect(registered.find((r) => r.name === name)!.inputs, "Pulumi hashes the archive itself").not.toHaveProperty("sourceCodeHash");
    }
    expect(exports.greeting).toBe("Hello, world!");
    expect(registered.find((r) => r.type === "random:index/randomId:RandomId")).toMatchObject({ name: "suffix", inputs: { byteLength: 4 } });
  });
});

describe("Terraform 0.11 style", () => {
  it("untyped variables take the type of their uses; quoted literals are converted; depends_on strings name resources", async () => {
    const config = { region: "eu-west-1", enabled: "true", retention: "600" };
    const { registered, exports } = await runProgramExports(path.join(FIXTURES, "terraform_011_style", "expected", "index.ts"), config);
    const queue = registered.find((r) => r.type === "aws:sqs/queue:Queue")!;
    expect(queue.inputs).toEqual({ name: "eu-west-1-queue", messageRetentionSeconds: 600, delaySeconds: 30, fifoQueue: false, tags: {} });
    expect(registered.find((r) => r.type === "aws:sns/topic:Topic")!.dependencies).toContain("q");
    expect(exports).toEqual({ queueArns: ["arn:aws:mock:aws:sqs/queue:Queue:q"], firstSubnet: "a" });
    const off = await runProgramExports(path.join(FIXTURES, "terraform_011_style", "expected", "index.ts"), { ...config, enabled: "false" });
    expect(off.registered.map((r) => r.type)).toEqual(["aws:sns/topic:Topic"]);
    expect(off.exports.queueArns).toEqual([]);
  });
});

describe("repetition and collections", () => {
  const run = (fixture: string, config: Record<string, string> = {}) => runProgramExports(path.join(FIXTURES, fixture, "expected", "index.ts"), config);

  it("depends_on a counted, a for_each and a conditional resource waits for every instance", async () => {
    const on = await run("depends_on_repeated");
    const after = on.registered.find((r) => r.type === "aws:sns/topic:Topic")!;
    expect([...after.dependencies].sort()).toEqual(["counted-0", "counted-1", "keyed-a", "keyed-b", "maybe"]);
    const off = await run("depends_on_repeated", { with_logs: "false" });
    expect([...off.registered.find((r) => r.type === "aws:sns/topic:Topic")!.dependencies].sort()).toEqual(["counted-0", "counted-1", "keyed-a", "keyed-b"]);
  });

  it("a data source counted by a variable declared after it waits for the variable", async () => {
    expect((await run("data_source_count_declared_later")).registered.filter((r) => r.type === "aws:iam/role:Role")).toEqual([]);
    const { registered } = await run("data_source_count_declared_later", { authorizer_arn: "arn:aws:lambda:us-east-1:123456789012:function:auth" });
    const role = registered.find((r) => r.type === "aws:iam/role:Role")!;
    expect(role.name).toBe("authorizer");
    expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement).toEqual([{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "apigateway.amazonaws.com" } }]);
  });

  it("count and for_each on a data source read one instance each, by index and by key", async () => {
    const { registered } = await run("data_source_repeat");
    const policy = (name: string) => JSON.parse(registered.find((r) => r.name === name)!.inputs.policy as string);
    expect(policy("first").Statement).toEqual([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-0/*" }]);
    expect(policy("writer").Statement).toEqual([{ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }]);
  });

  it("written-out and dynamic blocks of one type are one list in source order", async () => {
    const { exports } = await run("blocks_static_and_dynamic", { readers: JSON.stringify(["arn:one", "arn:two"]) });
    const statements = JSON.parse(exports.policy as string).Statement as { Action: string; Principal?: unknown }[];
    expect(statements.map((s) => s.Action)).toEqual(["s3:ListBucket", "s3:GetObject", "s3:GetObject", "s3:PutObject"]);
    expect(statements[2]!.Principal).toEqual({ AWS: "arn:two" });
  });

  it("== and != compare lists and maps by content", async () => {
    expect((await run("object_equality")).exports).toEqual({ sameTags: true, otherZones: false });
    const other = await run("object_equality", { tags: JSON.stringify({ team: "edge" }), zones: JSON.stringify(["a"]) });
    expect(other.exports).toEqual({ sameTags: false, otherZones: true });
  });

  it("for expressions that keep or filter give what Terraform gives", async () => {
    expect((await run("for_identity")).exports).toEqual({
      sameMap: { small: 1, large: 10 },
      big: { large: 10 },
      sameList: ["a", "bb", "ccc"],
      longNames: ["bb", "ccc"],
    });
  });

  it("attribute names read through a local, a for variable and a splat are Pulumi's", async () => {
    const { exports } = await run("typed_attribute_paths");
    expect(exports.firstName).toBe("fn-a");
    expect(exports.names).toEqual(["fn-a", "fn-b"]);
    expect(exports.team).toBe("core");
  });
});

describe("optional(type, default) attributes", () => {
  const run = (config: Record<string, string> = {}) => runProgramExports(path.join(FIXTURES, "variable_optional_defaults", "expected", "index.ts"), config);

  it("take their defaults in an object, a nested object, a list and a map of objects", async () => {
    const { registered, exports } = await run();
    expect(exports).toEqual({ retries: 3, level: "INFO", delays: [5, 0], methods: { users: "GET", orders: "POST" } });
    expect(registered.map((r) => [r.name, r.inputs.delaySeconds])).toEqual([["q-0", 5], ["q-1", 0]]);
  });

  it("and a value given, or a null, is what Terraform makes of it", async () => {
    const { exports } = await run({ settings: JSON.stringify({ name: "x", retries: null, logging: { level: "DEBUG" } }), routes: JSON.stringify({ a: { method: null } }) });
    expect(exports).toMatchObject({ retries: 3, level: "DEBUG", methods: { a: "GET" } });
  });
});

describe("try(), can() and compact() over values that may be absent", () => {
  const run = (config: Record<string, string> = {}) => runProgramExports(path.join(FIXTURES, "try_compact_absent", "expected", "index.ts"), config);

  it("fall back, answer false and drop the null where the variable is unset", async () => {
    const { registered, exports } = await run();
    expect(registered.find((r) => r.type === "aws:sqs/queue:Queue")!.inputs.name).toBe("fallback");
    expect(exports).toEqual({ endpoints: ["vpce-1"], usable: false });
  });

  it("read the value where it is set", async () => {
    const { registered, exports } = await run({ routing_policy: JSON.stringify({ set_identifier: "blue" }), extra_endpoint: "vpce-0" });
    expect(registered.find((r) => r.type === "aws:sqs/queue:Queue")!.inputs.name).toBe("blue");
    expect(exports).toEqual({ endpoints: ["vpce-0", "vpce-1"], usable: true });
  });
});

describe("a nested block without what the package requires", () => {
  it("stops where the program runs, naming the argument, as Terraform stops where it plans", async () => {
    await expect(runProgram(path.join(FIXTURES, "nested_required_missing", "expected", "index.ts"), {})).rejects.toThrow(/not converted by pulumigrate: aws_api_gateway_stage\.canary_settings: required argument deploymentId/);
  });
});

describe("data sources", () => {
  it("read attributes the package renamed under their new names, with the values Terraform reads", async () => {
    const { registered, exports } = await runProgramExports(path.join(FIXTURES, "data_source_invoke", "expected", "index.ts"), {}, { region: "eu-west-1" });
    expect(registered.find((r) => r.type === "aws:iam/role:Role")!.inputs.name).toBe("role-eu-west-1");
    expect(exports).toMatchObject({ account: "123456789012", arnPrefix: "arn:aws:iam::123456789012:root (eu-west-1)" });
  });
});

describe("DNS validation of an ACM certificate", () => {
  const fixture = path.join(FIXTURES, "acm_dns_validation", "expected", "index.ts");

  it("loops over the certificate's domains, each record reading its own validation option", async () => {
    const { registered, exports } = await runProgramExports(fixture);
    const records = registered.filter((r) => r.type === "aws:route53/record:Record");
    // One record per distinct domain of the certificate (domain_name, then the alternative names).
    expect(records.map((r) => r.name).sort()).toEqual(["validation-*.example.com", "validation-example.com", "validation-www.example.com"]);
    const www = records.find((r) => r.name === "validation-www.example.com")!;
    expect(www.inputs).toMatchObject({ name: "_v.www.example.com.", records: ["_v.cert.acm-validations.aws."], type: "CNAME", ttl: 60, allowOverwrite: true, zoneId: "zone-zone-id" });
    expect(www.dependencies).toEqual(expect.arrayContaining(["cert", "zone"]));
    // The wildcard's record is the apex's (ACM gives both the same name).
    expect(records.find((r) => r.name === "validation-*.example.com")!.inputs.name).toBe("_v.example.com.");
    const validation = registered.find((r) => r.type === "aws:acm/certificateValidation:CertificateValidation")!;
    expect(validation.inputs.validationRecordFqdns).toEqual(["_v.example.com.", "_v.example.com.", "_v.www.example.com."]); // in key order, "*." first
    expect(validation.dependencies).toEqual(expect.arrayContaining(["validation-example.com", "validation-www.example.com", "validation-*.example.com"]));
    expect(exports.validationNames).toEqual({ "example.com": "_v.example.com.", "www.example.com": "_v.www.example.com.", "*.example.com": "_v.example.com." });
  });

  it("a certificate whose domain only the deployment knows keeps its loop over the options, and says so", async () => {
    const { convert } = await import("../src/index.js");
    const text = [
      'resource "aws_route53_zone" "zone" {',
      '  name = "example.com"',
      "}",
      'resource "aws_acm_certificate" "api" {',
      "  domain_name       = aws_route53_zone.zone.name",
      '  validation_method = "DNS"',
      "}",
      "",
      'resource "aws_route53_record" "v" {',
      "  for_each = { for dvo in aws_acm_certificate.api.domain_validation_options : dvo.domain_name => dvo }",
      "  name     = each.value.resource_record_name",
      "  type     = each.value.resource_record_type",
      "  zone_id  = aws_route53_zone.zone.zone_id",
      "}",
    ].join("\n");
    const r = await convert([{ path: "main.tf", text }]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.location?.line}`)).toEqual(["PG2006 9"]);
    expect(r.code).toContain("api.domainValidationOptions.map(");
  });
});

describe("terraform_remote_state", () => {
  const fixture = path.join(FIXTURES, "remote_state", "expected", "index.ts");

  it("reads the other stacks' exports through stack references named after their projects", async () => {
    const stacks = {
      "organization/network/stack": { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b"], environment: "prod" },
      "organization/dns/stack": { zoneId: "Z123" },
    };
    const { registered } = await runProgramExports(fixture, {}, { stacks });
    const refs = registered.filter((r) => r.type === "pulumi:pulumi:StackReference");
    expect(refs.map((r) => [r.name, r.inputs.name])).toEqual([
      ["network", "organization/network/stack"],
      ["dns", "organization/dns/stack"],
    ]);
    const named = (n: string, type: string) => registered.find((r) => r.name === n && r.type === type)!;
    expect(named("web", "aws:ec2/securityGroup:SecurityGroup").inputs.vpcId).toBe("vpc-1");
    expect(named("web", "aws:ec2/instance:Instance").inputs).toMatchObject({ subnetId: "subnet-a", tags: { Name: "web-prod" } });
    expect(named("web", "aws:ec2/instance:Instance").dependencies).toContain("network");
    expect(named("web", "aws:route53/record:Record").inputs.zoneId).toBe("Z123");
  });

  it("the config key names another stack", async () => {
    const stacks = { "acme/core-network/prod": { vpcId: "vpc-9", privateSubnetIds: ["subnet-z"], environment: "staging" }, "organization/dns/stack": { zoneId: "Z9" } };
    const { registered } = await runProgramExports(fixture, { network_stack: "acme/core-network/prod" }, { stacks });
    expect(registered.find((r) => r.name === "network")!.inputs.name).toBe("acme/core-network/prod");
    expect(registered.find((r) => r.type === "aws:ec2/instance:Instance")!.inputs).toMatchObject({ subnetId: "subnet-z", tags: { Name: "web-staging" } });
  });

  it("an attribute other than outputs is not a stack reference's, and says so", async () => {
    const { convert } = await import("../src/index.js");
    const r = await convert([{ path: "main.tf", text: 'data "terraform_remote_state" "n" {\n  backend = "local"\n}\noutput "b" {\n  value = data.terraform_remote_state.n.backend\n}\n' }]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.severity} ${d.location?.line}`)).toEqual(["PG2010 info 1", "PG2003 warning 5"]);
    expect(r.code).toContain('notImplemented("data.terraform_remote_state.n.backend")');
  });
});

describe("variable validation", () => {
  const fixture = path.join(FIXTURES, "variable_validation", "expected", "index.ts");

  it("valid values pass every check and the program registers its resources", async () => {
    const registered = await runProgram(fixture, { environment: "prod", bucket_name: "acme.assets-1", retention_days: "3653", allowed_cidrs: JSON.stringify(["10.0.0.0/8", "fd00::/8"]) });
    expect(registered.map((r) => r.type).sort()).toEqual(["aws:cloudwatch/logGroup:LogGroup", "aws:s3/bucket:Bucket", "aws:ssm/parameter:Parameter"]);
  });

  it.each([
    [{ environment: "qa" }, "environment: environment must be dev, staging or prod."],
    [{ bucket_name: "Acme_Assets" }, "bucket_name: The bucket name Acme_Assets is not a valid S3 bucket name."],
    [{ bucket_name: "xn--acme" }, "bucket_name: A bucket name cannot start with xn--."],
    [{ retention_days: "0" }, "retention_days: retention_days must be between 1 and 3653."],
    [{ allowed_cidrs: JSON.stringify(["10.0.0.0/8", "not-a-cidr"]) }, "allowed_cidrs: allowed_cidrs must be a non-empty list of CIDR blocks."],
    [{ allowed_cidrs: "[]" }, "allowed_cidrs: allowed_cidrs must be a non-empty list of CIDR blocks."],
  ])("%j fails before anything is created, with the variable's message", async (config, message) => {
    await expect(runProgram(fixture, config)).rejects.toThrow(message);
  });
});

describe("a null_resource's local-exec provisioners", () => {
  it("run as local commands in order: the command at create (or delete, when = destroy), its folder and environment, the triggers that replace them", async () => {
    const dir = path.join(FIXTURES, "null_resource_commands");
    const registered = await runProgram(path.join(dir, "expected", "index.ts"), {}, { cwd: dir });
    const get = (name: string) => registered.find((r) => r.name === name)!;
    const triggers = [{ bucket: "site-dev", hash: (await import("node:crypto")).createHash("md5").update(fs.readFileSync(path.join(dir, "build.zip"))).digest("hex") }];
    expect(get("sync-step1").type).toBe("command:local:Command");
    expect(get("sync-step1").inputs).toEqual({ create: "aws s3 sync ./build s3://site-dev", dir: ".", environment: { ENV: "dev" }, triggers });
    // The destroy-time provisioner reads self.triggers.bucket: the trigger's own value.
    expect(get("sync").inputs).toEqual({ delete: "aws s3 rm s3://site-dev --recursive", triggers });
    expect(get("sync").dependencies).toContain("sync-step1");
    expect(registered.filter((r) => r.name.startsWith("each-")).map((r) => [r.name, r.inputs.create, r.dependencies.includes("sync")])).toEqual([
      ["each-0", "echo 0", true],
      ["each-1", "echo 1", true],
    ]);
  });
});

describe("a null_resource whose provisioners run nothing", () => {
  it("is a TODO note, each provisioner a located warning, not a command", async () => {
    const { convert } = await import("../src/index.js");
    const text = 'resource "null_resource" "n" {\n  provisioner "local-exec" {}\n  provisioner "remote-exec" {\n    inline = ["x"]\n  }\n}\n';
    const r = await convert([{ path: "main.tf", text }]);
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.location?.line} ${d.message}`)).toEqual([
      "2 null_resource.n: a local-exec provisioner without a command runs nothing; it is left out",
      "3 null_resource.n: a remote-exec provisioner needs a connection block (the host it runs on); it is left out",
    ]);
    expect(r.code).toContain('TODO(pulumigrate): null_resource "n" runs nothing that converts');
    expect(r.code).not.toContain("command.");
  });
});

describe("a resource's own provisioners", () => {
  it("run after each instance, over its SSH connection, each after the one before, made again with it", async () => {
    const dir = path.join(FIXTURES, "provisioners_remote");
    const registered = await runProgram(path.join(dir, "expected", "index.ts"), {}, { cwd: dir });
    const get = (name: string) => registered.find((r) => r.name === name)!;
    // The connection is a secret of the command package (its defaults applied): the value under the secret's signature.
    const connectionOf = (name: string) => (get(name).inputs.connection as { value: Record<string, unknown> }).value;
    const connection = (i: number) => ({ host: `web-${i}-public-ip`, user: "ec2-user", privateKey: "KEY", port: 22 });
    for (const i of [0, 1]) {
      expect(get(`web-exec1-${i}`).type).toBe("command:remote:CopyToRemote");
      expect(connectionOf(`web-exec1-${i}`)).toMatchObject(connection(i));
      expect(get(`web-exec1-${i}`).inputs.remotePath).toBe("/tmp/nginx.conf");
      expect(get(`web-exec1-${i}`).dependencies).toEqual([`web-${i}`]);
      expect(get(`web-exec2-${i}`).type).toBe("command:remote:Command");
      expect(connectionOf(`web-exec2-${i}`)).toMatchObject(connection(i));
      expect(get(`web-exec2-${i}`).inputs.create).toBe("sudo yum -y install nginx\nsudo cp /tmp/nginx.conf /etc/nginx/");
      expect(get(`web-exec2-${i}`).dependencies).toContain(`web-exec1-${i}`);
      expect(get(`web-exec3-${i}`).inputs).toEqual({ create: `echo web-${i}-private-ip >> hosts.txt` });
      expect(get(`web-exec3-${i}`).dependencies).toContain(`web-exec2-${i}`);
    }
    // A null_resource's remote-exec: through the bastion (the connection's proxy), replaced when its triggers change.
    expect(connectionOf("deploy")).toMatchObject({ host: "web-0-public-ip", user: "ec2-user", proxy: { host: "bastion.example.com" } });
    expect(get("deploy").inputs).toMatchObject({ create: "./deploy.sh", triggers: [{ v: "1" }] });
  });
});

describe("CloudFormation Rules", () => {
  const fixture = path.join(FIXTURES, "cfn_rules", "expected", "index.ts");

  it("let a stack whose parameters pass every assertion through", async () => {
    const registered = await runProgram(fixture, { Env: "prod", InstanceType: "m5.large", Subnets: JSON.stringify(["subnet-a"]) });
    expect(registered.find((r) => r.name === "Q")!.inputs).toEqual({ name: "prod-m5.large" });
  });

  it.each([
    [{ Env: "prod" }, "rule ProdInstances: Production uses m5 instances."],
    [{ Env: "dev", Subnets: JSON.stringify(["subnet-a", "subnet-x"]) }, "rule SubnetNames: assertion 1 failed"],
    [{ Env: "dev", Subnets: JSON.stringify(["subnet-a", "subnet-b"]) }, "rule SubnetNames: only subnet-a"],
  ])("%j fails before anything is created, with the rule's description", async (config, message) => {
    await expect(runProgram(fixture, config)).rejects.toThrow(message);
  });
});

describe("a template the CDK synthesized", () => {
  it("registers its resources and nothing of the CDK's own machinery (metadata, bootstrap version)", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_cdk_synth", "expected", "index.ts"));
    expect(registered.map((r) => `${r.type} ${r.name}`)).toEqual(["aws:sqs/queue:Queue Queue4A7E3555"]);
  });
});

describe("loops over data sources", () => {
  const fixture = path.join(FIXTURES, "data_source_loops", "expected", "index.ts");

  it("the data sources a loop counts are awaited first: a subnet per zone, a tag per existing subnet, the outputs returned", async () => {
    const { registered, exports } = await runProgramExports(fixture);
    const subnets = registered.filter((r) => r.type === "aws:ec2/subnet:Subnet");
    expect(subnets.map((r) => [r.name, r.inputs.availabilityZone, r.inputs.cidrBlock])).toEqual([
      ["private-0", "us-east-1a", "10.20.0.0/24"],
      ["private-1", "us-east-1b", "10.20.1.0/24"],
    ]);
    expect(registered.filter((r) => r.type === "aws:ec2/tag:Tag").map((r) => r.inputs.resourceId).sort()).toEqual(["subnet-0a", "subnet-0b", "subnet-0c"]);
    // Stack outputs under the Terraform outputs' names.
    expect(exports).toEqual({ azs: ["us-east-1a", "us-east-1b"], subnetIds: ["private-0-id", "private-1-id"] });
  });

  it("counts through a variable too, in another region", async () => {
    const { registered } = await runProgramExports(fixture, { subnets_per_az: "2" }, { region: "eu-west-1" });
    expect(registered.filter((r) => r.type === "aws:ec2/subnet:Subnet").map((r) => r.inputs.availabilityZone)).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1a", "eu-west-1b"]);
  });

  it("a data source whose arguments read an Output is not awaited, and the loop says why", async () => {
    const { convert } = await import("../src/index.js");
    const text = ['resource "aws_vpc" "v" {', '  cidr_block = "10.0.0.0/16"', "}", 'data "aws_subnets" "s" {', "  filter {", '    name   = "vpc-id"', "    values = [aws_vpc.v.id]", "  }", "}", 'resource "aws_ec2_tag" "t" {', "  for_each    = toset(data.aws_subnets.s.ids)", "  resource_id = each.value", '  key         = "k"', '  value       = "v"', "}", ""].join("\n");
    const r = await convert([{ path: "main.tf", text }]);
    expect(r.code).not.toContain("await");
    expect(r.code).toContain("aws.ec2.getSubnetsOutput(");
    expect(r.diagnostics.map((d) => `${d.code} ${d.location?.line}`)).toEqual(["PG2006 10"]);
  });
});

describe("replace_triggered_by and terraform_data", () => {
  const fixture = path.join(FIXTURES, "replace_triggered_by", "expected", "index.ts");

  it("a stored value and an attribute are the replacement trigger; a resource named whole replaces with it", async () => {
    const { registered, exports } = await runProgramExports(fixture, { app_version: "2.1.0" });
    const instance = registered.find((r) => r.type === "aws:ec2/instance:Instance")!;
    // The stored value and the launch template's version (the mocks answer 3).
    expect(instance.replacementTrigger).toEqual(["2.1.0", 3]);
    expect(registered.find((r) => r.type === "aws:sqs/queuePolicy:QueuePolicy")!.replaceWith).toEqual(["jobs"]);
    expect(exports.release).toBe("2.1.0");
  });
});

describe("preconditions", () => {
  const fixture = path.join(FIXTURES, "preconditions", "expected", "index.ts");

  it("pass on good values, the data source read first, and every resource is registered", async () => {
    const registered = await runProgram(fixture);
    expect(registered.map((r) => r.name).sort()).toEqual(["dlq", "q-orders", "q-payments", "web"]);
    expect(registered.find((r) => r.name === "web")!.inputs.ami).toBe("ami-0mock");
  });

  it.each([
    [{ instance_type: "m5.large" }, "aws_instance.web: Only t3 instances are allowed, not m5.large."],
    [{ queues: JSON.stringify({ orders: 10 }) }, "aws_sqs_queue.q: Queue orders: the visibility timeout must be between 30 and 900 seconds."],
    [{ queues: "{}" }, "aws_sqs_queue.dlq: A dead-letter queue needs queues."],
  ])("%j fails before the resource is created, with its message", async (config, message) => {
    await expect(runProgram(fixture, config)).rejects.toThrow(message);
  });

  it("a conditional resource's precondition is checked only when it is created", async () => {
    const registered = await runProgram(fixture, { queues: "{}", create_dlq: "false" });
    expect(registered.map((r) => r.name)).toEqual(["web"]);
  });
});

describe("CloudFormation nested stacks", () => {
  it("Fn::GetAtt Stack.Outputs.Name reads the value of the nested stack's output of that key", async () => {
    const stacks = { "https://s3.amazonaws.com/acme-templates/network.yaml": { VpcId: "vpc-nested", PrivateSubnets: "subnet-a,subnet-b" } };
    const { registered, exports } = await runProgramExports(path.join(FIXTURES, "cfn_nested_stack_outputs", "expected", "index.ts"), { Env: "prod" }, { stacks });
    expect(registered.find((r) => r.name === "Network")!.inputs).toEqual({ templateUrl: "https://s3.amazonaws.com/acme-templates/network.yaml", parameters: { Env: "prod" } });
    const sg = registered.find((r) => r.name === "AppSecurityGroup")!;
    expect(sg.inputs.vpcId).toBe("vpc-nested");
    expect(sg.dependencies).toContain("Network");
    expect(exports).toEqual({ vpcId: "vpc-nested", privateSubnets: "subnet-a,subnet-b" });
  });
});

describe("AWS::LanguageExtensions loops", () => {
  it("make one resource, output or condition per value, as the transform makes them, nested and in properties", async () => {
    const { registered, exports } = await runProgramExports(path.join(FIXTURES, "cfn_language_extensions", "expected", "index.ts"));
    expect(registered.filter((r) => r.type === "aws:sns/topic:Topic").map((r) => [r.name, r.inputs.name])).toEqual([
      ["Topicbluegold", "blue-gold"],
      ["Topicbluesilver", "blue-silver"],
      ["Topicgreengold", "green-gold"],
      ["Topicgreensilver", "green-silver"],
    ]);
    const queue = (name: string) => registered.find((r) => r.name === name)!;
    expect(queue("Queueorders").inputs).toMatchObject({ name: "orders-dev", visibilityTimeoutSeconds: 30 });
    expect(queue("DLQinvoices").inputs).toMatchObject({ name: "invoices-dlq" });
    expect(queue("Worker").inputs.environment).toEqual({ variables: { URL_orders: "https://mock/Queueorders", URL_invoices: "https://mock/Queueinvoices" } });
    expect(exports).toEqual({ urlorders: "https://mock/Queueorders", urlinvoices: "https://mock/Queueinvoices" });
  });
});

describe("SAM applications", () => {
  it("an application of a template's URL is its nested stack, with the parameters given", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_unexpanded", "expected", "index.ts"), { Bucket: "code-bucket" });
    const auth = registered.find((r) => r.name === "Auth")!;
    expect(auth.type).toBe("aws-native:cloudformation:Stack");
    expect(auth.inputs).toEqual({ templateUrl: "https://s3.amazonaws.com/acme/auth.yaml", parameters: { Stage: "prod" } });
    expect(registered.some((r) => r.name === "Sar")).toBe(false);
  });
});

describe("SAM usage plans", () => {
  it("SHARED: one plan and key for every API that asks, an API key required where the API or the event says", async () => {
    const dir = path.join(FIXTURES, "cfn_sam_usage_plans");
    const registered = await runProgram(path.join(dir, "expected", "index.ts"), {}, { cwd: dir });
    const get = (name: string) => registered.find((r) => r.name === name)!;
    expect(registered.filter((r) => r.type === "aws:apigateway/usagePlan:UsagePlan").map((r) => r.name)).toEqual(["ServerlessUsagePlan"]);
    expect(get("ServerlessUsagePlan").inputs).toEqual({ apiStages: [{ apiId: "Public-id", stage: "live" }, { apiId: "Partner-id", stage: "live" }], quotaSettings: { limit: 1000, period: "MONTH" } });
    expect(get("ServerlessUsagePlanKey").inputs).toEqual({ keyId: "ServerlessApiKey-id", keyType: "API_KEY", usagePlanId: "ServerlessUsagePlan-id" });
    expect(get("ServerlessApiKey").dependencies).toContain("ServerlessUsagePlan");
    const body = (name: string) => JSON.parse(get(name).inputs.body as string);
    expect(body("Public").paths["/items"].get.security).toEqual([{ api_key: [] }]);
    // Cors without an origin: any origin, as the transform takes it; AllowCredentials and MaxAge their headers (Max-Age declared a number); the preflight needs the key too (AddApiKeyRequiredToCorsPreflight).
    const preflight = body("Public").paths["/items"].options;
    expect(preflight["x-amazon-apigateway-integration"].responses.default.responseParameters).toEqual({
      "method.response.header.Access-Control-Allow-Methods": "'GET'",
      "method.response.header.Access-Control-Allow-Origin": "'*'",
      "method.response.header.Access-Control-Max-Age": "'3600'",
      "method.response.header.Access-Control-Allow-Credentials": "'true'",
    });
    expect(preflight.responses["200"].headers["Access-Control-Max-Age"]).toEqual({ type: "integer" });
    expect(preflight.security).toEqual([{ api_key: [] }]);
    expect(body("ServerlessRestApi").paths["/health"].get.security).toEqual([{ api_key: [] }]);
    expect(body("ServerlessRestApi").securityDefinitions).toEqual({ api_key: { type: "apiKey", name: "x-api-key", in: "header" } });
  });
});

describe("SAM DeploymentPreference", () => {
  it("makes the shared CodeDeploy application and service role once, and a deployment group per function that has one on", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_deployment_preference", "expected", "index.ts"));
    const get = (name: string) => registered.find((r) => r.name === name)!;
    expect(registered.filter((r) => r.type === "aws-native:codedeploy:Application").map((r) => [r.name, r.inputs])).toEqual([["ServerlessDeploymentApplication", { computePlatform: "Lambda" }]]);
    expect(registered.filter((r) => r.type === "aws-native:codedeploy:DeploymentGroup").map((r) => r.name).sort()).toEqual(["CheckFunctionDeploymentGroup", "OrdersFunctionDeploymentGroup"]);
    expect(get("CodeDeployServiceRole").inputs.managedPolicyArns).toEqual(["arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda"]);
    expect(JSON.parse(get("CodeDeployServiceRole").inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: ["codedeploy.amazonaws.com"] });
    expect(get("OrdersFunctionDeploymentGroup").inputs).toEqual({
      alarmConfiguration: { enabled: true, alarms: [{ name: "ErrorsAlarm-id" }] },
      applicationName: "ServerlessDeploymentApplication-id",
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"] },
      deploymentConfigName: "CodeDeployDefault.LambdaCanary10Percent5Minutes",
      deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
      serviceRoleArn: "arn:aws:mock:aws:iam/role:Role:CodeDeployServiceRole",
    });
    expect(get("OrdersFunctionDeploymentGroup").dependencies).toEqual(expect.arrayContaining(["ServerlessDeploymentApplication", "CodeDeployServiceRole", "ErrorsAlarm"]));
    expect(get("CheckFunctionDeploymentGroup").inputs).toMatchObject({ alarmConfiguration: { enabled: false, alarms: [] }, deploymentConfigName: "CodeDeployDefault.LambdaAllAtOnce", serviceRoleArn: "arn:aws:iam::123456789012:role/my-codedeploy" });
  });
});

describe("SAM APIs defined by a file (DefinitionUri)", () => {
  it("take the file as the body (REST: its text; HTTP: decoded), deployed again when it changes, with no body of the events' paths", async () => {
    const dir = path.join(FIXTURES, "cfn_sam_definition_uri");
    const registered = await runProgram(path.join(dir, "expected", "index.ts"), {}, { cwd: dir });
    const get = (name: string) => registered.find((r) => r.name === name)!;
    const text = fs.readFileSync(path.join(dir, "api", "openapi.yaml"), "utf8");
    expect(get("OrdersApi").inputs).toEqual({ body: text });
    expect(get("OrdersApiDeployment").inputs).toEqual({ restApi: "OrdersApi-id", triggers: { redeployment: crypto.createHash("sha1").update(text).digest("hex") } });
    expect(get("OrdersApiprodStage").inputs).toMatchObject({ deployment: "OrdersApiDeployment-id", restApi: "OrdersApi-id", stageName: "prod" });
    expect(get("OrdersFunctionListPermissionprod").inputs.sourceArn).toBe("arn:aws:execute-api:us-east-1:123456789012:OrdersApi-id/*/GET/orders");
    expect(get("EventsApi").inputs.body).toEqual(JSON.parse(fs.readFileSync(path.join(dir, "api", "http.json"), "utf8")));
    expect(get("EventsApiApiGatewayDefaultStage").inputs).toMatchObject({ apiId: "EventsApi-id", stageName: "$default", autoDeploy: true });
  });
});

describe("SAM APIs with a DefinitionBody written out", () => {
  it("get their events' paths merged in: a method the body declares gets the integration, one it lacks is added, the body's own kept", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_definition_body", "expected", "index.ts"));
    const get = (name: string) => registered.find((r) => r.name === name)!;
    const rest = JSON.parse(get("OrdersApi").inputs.body as string);
    const uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:mock:aws:lambda/function:Function:OrdersFunction/invocations";
    expect(rest.info.title).toBe("stack-orders");
    expect(rest.paths["/health"].get["x-amazon-apigateway-integration"].type).toBe("mock");
    expect(rest.paths["/orders"].get).toEqual({ parameters: [{ name: "limit", in: "query", type: "integer" }], "x-amazon-apigateway-integration": { httpMethod: "POST", type: "aws_proxy", uri }, responses: {}, security: [{ Users: [] }] });
    expect(rest.paths["/orders"].post["x-amazon-apigateway-integration"]).toEqual({ httpMethod: "POST", type: "aws_proxy", uri });
    // Cors: a preflight on every path of the body, the events' and its own, allowing the path's methods.
    const allowed = (p: string) => rest.paths[p].options["x-amazon-apigateway-integration"].responses.default.responseParameters;
    expect(allowed("/orders")).toEqual({ "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS,POST'", "method.response.header.Access-Control-Allow-Origin": "'https://example.com'" });
    expect(allowed("/health")["method.response.header.Access-Control-Allow-Methods"]).toBe("'GET,OPTIONS'");
    // Auth: the authorizer in the body's securityDefinitions, the default one on every method (preflights too).
    expect(rest.securityDefinitions.Users["x-amazon-apigateway-authorizer"]).toEqual({ type: "cognito_user_pools", providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"] });
    for (const [p, m] of [["/health", "get"], ["/orders", "get"], ["/orders", "post"], ["/orders", "options"]]) expect(rest.paths[p][m].security, `${m} ${p}`).toEqual([{ Users: [] }]);
    expect(get("OrdersApiDeployment").inputs.triggers.redeployment).toBe(crypto.createHash("sha1").update(get("OrdersApi").inputs.body as string).digest("hex"));
    const http = get("EventsApi").inputs.body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(Object.keys(http.paths).sort()).toEqual(["/events", "/status"]);
    expect(http.paths["/events"]!.get!["x-amazon-apigateway-integration"]).toEqual({ httpMethod: "POST", type: "aws_proxy", uri, payloadFormatVersion: "2.0" });
    // The HTTP API's Auth, CorsConfiguration and tags written into its body too: every route secured by the default authorizer.
    const h = http as unknown as { components: { securitySchemes: Record<string, unknown> }; "x-amazon-apigateway-cors": unknown; tags: unknown[] };
    expect(h.components.securitySchemes.Jwt).toEqual({ type: "oauth2", "x-amazon-apigateway-authorizer": { type: "jwt", jwtConfiguration: { issuer: "https://issuer.example.com", audience: ["events"] }, identitySource: "$request.header.Authorization" } });
    for (const p of ["/events", "/status"]) expect(http.paths[p]!.get!.security, p).toEqual([{ Jwt: [] }]);
    expect(h["x-amazon-apigateway-cors"]).toEqual({ allowOrigins: ["https://example.com"] });
    // A tag the body names takes the API's value; the transform's own is added.
    expect(h.tags).toEqual([{ name: "team", "x-amazon-apigateway-tag-value": "events" }, { name: "httpapi:createdBy", "x-amazon-apigateway-tag-value": "SAM" }]);
  });

  it("an HTTP API's CorsConfiguration merges with the CORS its written body sets, its own settings winning", async () => {
    const { convert } = await import("../src/index.js");
    const text = [
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Api:",
      "    Type: AWS::Serverless::HttpApi",
      "    Properties:",
      "      CorsConfiguration: { AllowOrigins: [https://b.example.com] }",
      "      DefinitionBody:",
      "        openapi: 3.0.1",
      "        info: { title: t, version: '1' }",
      "        paths: {}",
      "        x-amazon-apigateway-cors: { allowOrigins: [https://a.example.com], maxAge: 10 }",
      "",
    ].join("\n");
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.code).toContain('"x-amazon-apigateway-cors": {\nallowOrigins: ["https://b.example.com"],\nmaxAge: 10,\n}');
  });
});

describe("AWS::Include of local snippets", () => {
  it("converts each snippet where it is included, its intrinsic functions with it", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_include", "expected", "index.ts"));
    const get = (name: string) => registered.find((r) => r.name === name)!;
    const body = JSON.parse(get("Api").inputs.body as string);
    expect(body.paths["/orders"].get["x-amazon-apigateway-integration"].uri).toBe("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:mock:aws:lambda/function:Function:Handler/invocations");
    expect(get("Api").dependencies).toContain("Handler");
    expect(get("Api").inputs.name).toBe("orders-prod");
    expect(get("Queue").inputs).toEqual({ visibilityTimeoutSeconds: 60, delaySeconds: 5, name: "orders-prod" });
  });
});

describe("CloudFormation Ref of aws-native resources", () => {
  it("reads what Ref returns for the type: the address, the rule's name, the client's id; the id elsewhere", async () => {
    const { registered, exports } = await runProgramExports(path.join(FIXTURES, "cfn_native_ref", "expected", "index.ts"));
    // The mocks answer an id of `<name>-id`, a generated name, an EIP's public address, a client's id and an API Gateway v2 part's own id.
    expect(exports).toEqual({ routeId: "GetItems-own-id", stageName: "live", publicIp: "203.0.113.10", ruleName: "Schedule-generated", clientId: "PoolClient-client-id", poolId: "Pool-id", tableName: "Table-id" });
    // A route's target names the integration by its own id; the parts name the API by its id.
    expect(registered.find((r) => r.name === "GetItems")!.inputs).toMatchObject({ apiId: "HttpApi-id", target: "integrations/Backend-own-id" });
  });
});

describe("jsonencode of a whole resource", () => {
  it("is a located warning: its attributes are Outputs, which JSON does not show", async () => {
    const { convert } = await import("../src/index.js");
    const text = 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\noutput "j" {\n  value = jsonencode(aws_sqs_queue.q)\n}\noutput "ok" {\n  value = jsonencode({ arn = aws_sqs_queue.q.arn })\n}\n';
    const r = await convert([{ path: "main.tf", text }]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.severity} ${d.location?.line}`)).toEqual(["PG2006 warning 5"]);
  });
});

describe("a static site from fileset()", () => {
  it("uploads every matching file as a file asset, its etag its MD5 and its type its extension's", async () => {
    const dir = path.join(FIXTURES, "s3_static_site");
    const { registered, exports } = await runProgramExports(path.join(dir, "expected", "index.ts"), {}, { cwd: dir });
    const objects = registered.filter((r) => r.type === "aws:s3/bucketObjectv2:BucketObjectv2");
    const { createHash } = await import("node:crypto");
    const md5 = (f: string) => createHash("md5").update(fs.readFileSync(path.join(dir, "files", f))).digest("hex");
    expect(objects.map((o) => [o.name, o.inputs.key, o.inputs.contentType, o.inputs.etag])).toEqual([
      ["files-css/site.css", "css/site.css", "text/css", md5("css/site.css")],
      ["files-index.html", "index.html", "text/html", md5("index.html")],
    ]);
    // A file asset (one file), not an archive.
    expect(objects[0]!.inputs.source).toHaveProperty("__pulumiAsset", true);
    expect(objects[0]!.inputs.source).not.toHaveProperty("__pulumiArchive");
    expect(exports.keys).toEqual(["css/site.css", "index.html"]);
  });

  it("the project carries the folder fileset() lists, so that the program lists what Terraform listed", async () => {
    const { convertProject } = await import("../src/project/index.js");
    const r = await convertProject(path.join(FIXTURES, "s3_static_site"), { prettier: false });
    expect(r.files.map((f) => f.path).filter((p) => p.startsWith("files/")).sort()).toEqual(["files/README.txt", "files/css/site.css", "files/index.html"]);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });
});

describe("an explicit default provider", () => {
  it("carries the computed region, the assumed role and the default tags; every aws resource and invoke uses it, an aliased one its own", async () => {
    const { registered } = await runProgramExports(path.join(FIXTURES, "default_provider_explicit", "expected", "index.ts"), { region: "ap-south-1" });
    const provider = registered.find((r) => r.type === "pulumi:providers:aws" && r.name === "default")!;
    expect(provider.inputs).toMatchObject({ region: "ap-south-1", defaultTags: JSON.stringify({ tags: { Team: "platform" } }) });
    expect(JSON.parse(provider.inputs.assumeRoles as string)).toEqual([{ roleArn: "arn:aws:iam::111111111111:role/deploy", sessionName: "pulumi" }]);
    const by = (type: string) => registered.find((r) => r.type === type)!;
    expect(by("aws:sqs/queue:Queue").provider).toBe("default");
    expect(by("aws:acm/certificate:Certificate").provider).toBe("us_east_1");
    // Not an aws class: the random provider's own default.
    expect(by("random:index/randomId:RandomId").provider).not.toBe("default");
  });
});

describe("a module whose loops count a data source", () => {
  it("the root reads the zones once and passes them to each instance, whose subnets follow them", async () => {
    const { registered, exports } = await runProgramExports(path.join(ROOT, "tests", "projects", "modules_data_source_loops", "expected", "index.ts"), {}, { region: "eu-west-1" });
    const subnets = (parent: string) => registered.filter((r) => r.type === "aws:ec2/subnet:Subnet" && r.parent === parent).map((r) => [r.name, r.inputs.availabilityZone, r.inputs.cidrBlock]);
    expect(subnets("vpc")).toEqual([
      ["vpc-private-0", "eu-west-1a", "10.0.0.0/24"],
      ["vpc-private-1", "eu-west-1b", "10.0.1.0/24"],
      ["vpc-public-0", "eu-west-1a", "10.0.100.0/24"],
      ["vpc-public-1", "eu-west-1b", "10.0.101.0/24"],
      ["vpc-public-2", "eu-west-1c", "10.0.102.0/24"],
    ]);
    expect(subnets("edge").map(([n]) => n)).toEqual(["edge-private-0", "edge-public-0", "edge-public-1", "edge-public-2"]);
    expect(exports).toEqual({ publicSubnetIds: ["vpc-public-0-id", "vpc-public-1-id", "vpc-public-2-id"], edgePrivateSubnetIds: ["edge-private-0-id"] });
  });
});

describe("a template whose nested stacks name local templates", () => {
  const program = path.join(ROOT, "tests", "projects", "cfn_nested_stacks", "expected", "index.ts");

  it("each nested stack is an instance of its template's component, its resources the component's children, its outputs what the parent reads", async () => {
    const { registered, exports } = await runProgramExports(program, { Env: "prod" });
    const by = (name: string) => registered.find((r) => r.name === name)!;
    const components = registered.filter((r) => !r.custom).map((r) => [r.type, r.name, r.parent ?? null]);
    expect(components.sort((a, b) => (a[1]! < b[1]! ? -1 : 1))).toEqual([
      ["pulumigrate:components:Storage", "Archive", null],
      ["pulumigrate:components:Storage", "Logs", null],
      ["pulumigrate:components:Network", "Network", null],
      ["pulumigrate:components:Storage", "Network-FlowLogs", "Network"],
    ]);
    // The parameters passed are the component's args, each template's resources made inside it.
    expect(by("Network-Vpc")).toMatchObject({ type: "aws-native:ec2:Vpc", parent: "Network", inputs: { cidrBlock: "10.0.0.0/16", tags: [{ key: "Name", value: "prod-vpc" }] } });
    // A list and a number, passed as CloudFormation passes them (text), reach the nested template as it reads them.
    expect(by("Network-FirstSubnet")).toMatchObject({ parent: "Network", inputs: { vpcId: "Network-Vpc-id", cidrBlock: "10.0.0.0/24" } });
    expect(by("Network-FlowLogGroup").inputs.retentionInDays).toBe(14);
    expect(by("Network-FlowLogs-Bucket")).toMatchObject({ parent: "Network-FlowLogs", inputs: { bucketName: "prod-flow-logs-123456789012" } });
    expect(by("Logs-Bucket").inputs).toEqual({ bucketName: "prod-logs-123456789012" });
    // A parameter the stack passes turns the nested template's condition on; DependsOn orders the instance.
    expect(by("Archive-Bucket").inputs).toEqual({ bucketName: "prod-archive-123456789012", versioningConfiguration: { status: "Enabled" } });
    // (a dependency on a component is one on its children, as Pulumi registers it)
    expect(by("Archive").dependencies).toEqual(["Logs-Bucket"]);
    // Fn::GetAtt Network.Outputs.VpcId is the component's property: the VPC's id.
    expect(by("AppSecurityGroup").inputs.vpcId).toBe("Network-Vpc-id");
    expect(exports).toMatchObject({ vpcId: "Network-Vpc-id", logsBucket: "Logs-Bucket-id", archiveBucket: "Archive-Bucket-id" });
    // Stacks whose templates are not converted with it stay aws-native Stacks.
    expect(registered.filter((r) => r.type === "aws-native:cloudformation:Stack").map((r) => [r.name, r.inputs.templateUrl])).toEqual([
      ["Monitoring", "https://s3.amazonaws.com/acme-templates/monitoring.yaml"],
      ["Missing", "stacks/missing.yaml"],
    ]);
  });

  it("a condition false in the parent creates no instance; a parameter's allowed values are checked in the component", async () => {
    const dev = await runProgramExports(program, {});
    expect(dev.registered.some((r) => r.name.startsWith("Archive"))).toBe(false);
    expect(dev.exports.archiveBucket).toBeUndefined();
    await expect(runProgram(program, { Env: "staging" })).rejects.toThrow("Env must be one of dev, prod");
  });
});

describe("a SAM API's Models, GatewayResponses and its events' request settings", () => {
  it("are written into the API's definition as the transform writes them", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_api_models", "expected", "index.ts"));
    const rest = JSON.parse(registered.find((r) => r.name === "OrdersApi")!.inputs.body as string);
    // Models: under their names in lower case; one without a type is left out (the transform rejects it).
    expect(Object.keys(rest.definitions)).toEqual(["order"]);
    expect(rest.definitions.order.required).toEqual(["item"]);
    // RequestModel: a body parameter naming the model, and the validator it asks for.
    expect(rest.paths["/orders"].post.parameters).toEqual([{ in: "body", name: "order", schema: { $ref: "#/definitions/order" }, required: true }]);
    expect(rest.paths["/orders"].post["x-amazon-apigateway-request-validator"]).toBe("body-only");
    expect(rest["x-amazon-apigateway-request-validators"]).toEqual({ "body-only": { validateRequestBody: true, validateRequestParameters: false } });
    // RequestParameters: a parameter each (querystring → query), the cached one a cache key of the integration.
    expect(rest.paths["/orders"].get.parameters.map((p: { in: string; name: string; required: boolean }) => [p.in, p.name, p.required])).toEqual([["query", "page", false], ["header", "X-Tenant", true]]);
    expect(rest.paths["/orders"].get["x-amazon-apigateway-integration"].cacheKeyParameters).toEqual(["method.request.header.X-Tenant"]);
    // A model the API does not define is left out of its method.
    expect(rest.paths["/orders/{id}"].get.parameters).toBeUndefined();
    // Auth.InvokeRole: the caller's own credentials by default, an event's role where it names one, none with NONE.
    const credentials = (p: string, m: string) => rest.paths[p][m]["x-amazon-apigateway-integration"].credentials;
    expect(credentials("/orders", "post")).toBe("arn:aws:iam::*:user/*");
    expect(credentials("/orders", "get")).toBe("arn:aws:iam::123456789012:role/orders-invoker");
    expect(credentials("/orders/{id}", "get")).toBeUndefined();
    // Auth.ResourcePolicy: per path, the account allowed, then allow + deny pairs for the IP range and the VPC endpoint,
    // on each of the path's methods under the stage (a path parameter as *).
    const policy = rest["x-amazon-apigateway-policy"] as { Version: string; Statement: { Effect: string; Principal: unknown; Resource: string[]; Condition?: unknown }[] };
    expect(policy.Version).toBe("2012-10-17");
    expect(policy.Statement.map((st) => [st.Effect, st.Principal, st.Resource, st.Condition ?? null])).toEqual([
      ["Allow", { AWS: ["111122223333"] }, ["execute-api:/v1/POST/orders", "execute-api:/v1/GET/orders"], null],
      ["Allow", "*", ["execute-api:/v1/POST/orders", "execute-api:/v1/GET/orders"], null],
      ["Deny", "*", ["execute-api:/v1/POST/orders", "execute-api:/v1/GET/orders"], { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }],
      ["Deny", "*", ["execute-api:/v1/POST/orders", "execute-api:/v1/GET/orders"], { StringNotEquals: { "aws:SourceVpce": ["vpce-0abc"] } }],
      ["Allow", { AWS: ["111122223333"] }, ["execute-api:/v1/GET/orders/*"], null],
      ["Allow", "*", ["execute-api:/v1/GET/orders/*"], null],
      ["Deny", "*", ["execute-api:/v1/GET/orders/*"], { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }],
      ["Deny", "*", ["execute-api:/v1/GET/orders/*"], { StringNotEquals: { "aws:SourceVpce": ["vpce-0abc"] } }],
    ]);
    // GatewayResponses: parameters prefixed as API Gateway names them, the status code as text.
    expect(rest["x-amazon-apigateway-gateway-responses"]).toEqual({
      DEFAULT_4XX: { responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" }, responseTemplates: { "application/json": '{"message": $context.error.messageString}' } },
      MISSING_AUTHENTICATION_TOKEN: { responseParameters: {}, responseTemplates: {}, statusCode: "404" },
    });
  });

  it("an OpenAPI 3 DefinitionBody gets the models in components.schemas and (with MergeDefinitions) the request model as a requestBody; beside a DefinitionUri they are left out, saying so", async () => {
    const { convert } = await import("../src/index.js");
    const text = [
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Api:",
      "    Type: AWS::Serverless::Api",
      "    Properties:",
      "      StageName: v1",
      "      MergeDefinitions: true",
      "      Models:",
      "        Item: { type: object }",
      "      DefinitionBody:",
      "        openapi: 3.0.1",
      "        info: { title: items, version: '1' }",
      "        paths: {}",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: nodejs20.x",
      "      Handler: index.handler",
      "      InlineCode: x",
      "      Events:",
      "        Put:",
      "          Type: Api",
      "          Properties: { RestApiId: !Ref Api, Path: /items, Method: put, RequestModel: { Model: Item } }",
      "",
    ].join("\n");
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.code).toContain('components: {\nschemas: {\nitem: {\ntype: "object",\n},\n},\n}');
    expect(r.code).toContain('requestBody: {\ncontent: {\n"application/json": {\nschema: {\n$ref: "#/components/schemas/item",\n},\n},\n},\n}');
    const file = text.replace(/      DefinitionBody:\n(        .*\n)+/, "      DefinitionUri: ./api.yaml\n");
    const f = await convert([{ path: "t.yaml", text: file }], { prettier: false, read: () => undefined });
    expect(f.diagnostics.map((d) => d.message)).toContain("Api: Models is left out: the transform adds it only to a DefinitionBody (it rejects it beside DefinitionUri)");
    expect(f.diagnostics.map((d) => d.message)).toContain("Api: event Put's RequestModel and RequestParameters are left out: the transform adds them only to a DefinitionBody");
  });

  it("an API event's settings the conversion does not write are each a located warning, not dropped unseen", async () => {
    const { convert } = await import("../src/index.js");
    const text = [
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: nodejs20.x",
      "      Handler: index.handler",
      "      InlineCode: x",
      "      Events:",
      "        Get:",
      "          Type: Api",
      "          Properties:",
      "            Path: /x",
      "            Method: get",
      "            Auth:",
      "              OverrideApiAuth: true",
      "        Route:",
      "          Type: HttpApi",
      "          Properties:",
      "            Path: /y",
      "            Method: get",
      "            Throttle: { BurstLimit: 2 }",
      "",
    ].join("\n");
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.location?.line} ${d.message}`)).toEqual([
      "16 Fn: event Get's Auth OverrideApiAuth is not expanded; set it on the API's method with Pulumi classes",
      "22 Fn: event Route's Throttle is not expanded; set it on the API's route with Pulumi classes",
    ]);
  });

  it("a SAM resource's property no expansion reads is a located warning where it is written, under the resource or under Globals", async () => {
    const { convert } = await import("../src/index.js");
    const text = [
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Timeout: 10",
      "    Bogus: 1",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: nodejs20.x",
      "      Handler: index.handler",
      "      InlineCode: x",
      "      FooBar: 2",
      "  Table:",
      "    Type: AWS::Serverless::SimpleTable",
      "    Properties:",
      "      Weird: 3",
      "",
    ].join("\n");
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual([
      "5:5 Fn: Bogus is not expanded (this conversion does not write what the transform makes of it): it is left out",
      "13:7 Fn: FooBar is not expanded (this conversion does not write what the transform makes of it): it is left out",
      "17:7 Table: Weird is not expanded (this conversion does not write what the transform makes of it): it is left out",
    ]);
    // What is read is converted: the Globals timeout reaches the function.
    expect(r.code).toContain("timeout: 10");
  });

  it("to any depth: a setting inside a mapping the expansion reads into (an authorizer's, a Globals API's Cors) is a located warning by its path; one handed on whole is not", async () => {
    const { convert } = await import("../src/index.js");
    const text = [
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Api:",
      "    Cors:",
      "      AllowOrigin: \"'*'\"",
      "      AllowOriginz: \"'x'\"",
      "Resources:",
      "  Api:",
      "    Type: AWS::Serverless::Api",
      "    Properties:",
      "      StageName: prod",
      "      Variables: { a: b, c: d }",
      "      Auth:",
      "        DefaultAuthorizer: Users",
      "        Authorizers:",
      "          Users:",
      "            UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/p",
      "            Identiti: { Header: X }",
      "",
    ].join("\n");
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual([
      "6:7 Api: Cors.AllowOriginz is not expanded (this conversion does not write what the transform makes of it): it is left out",
      "18:13 Api: Auth.Authorizers.Users.Identiti is not expanded (this conversion does not write what the transform makes of it): it is left out",
    ]);
  });
});

describe("Terraform ephemeral resources", () => {
  it("are read as the data source of their type: what a resource is given of one reaches it", async () => {
    const registered = await runProgram(path.join(FIXTURES, "tf_ephemeral", "expected", "index.ts"));
    const db = registered.find((r) => r.type === "aws:rds/instance:Instance")!;
    // A secret, as the provider marks the secret's string one (the signature key is Pulumi's for a secret value).
    expect(db.inputs.passwordWo).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "password-of-prod/db" });
    expect(db.inputs.passwordWoVersion).toBe(1);
  });

  it("beside a data block of the same type and name, the second is a located error (ephemeral.T.N is read as data.T.N)", async () => {
    const { convert } = await import("../src/index.js");
    const text = 'data "aws_ssm_parameter" "p" {\n  name = "a"\n}\nephemeral "aws_ssm_parameter" "p" {\n  name = "b"\n}\n';
    const r = await convert([{ path: "main.tf", text }], { prettier: false });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.location?.line} ${d.message}`)).toEqual([
      '4 ephemeral "aws_ssm_parameter" "p" (read as data "aws_ssm_parameter" "p") is declared twice: first at main.tf:1:1; this one is left out',
    ]);
  });
});

describe("a SAM API's Domain", () => {
  it("is the custom domain, a base path mapping per BasePath to the API's stage, and the alias records in one record set group per hosted zone", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_api_domain", "expected", "index.ts"));
    // By name: registrations arrive in no fixed order.
    const of = (type: string) => registered.filter((r) => r.type === type).sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(of("aws:apigateway/domainName:DomainName").map((r) => [r.name, r.inputs.domainName, r.inputs.regionalCertificateArn ?? r.inputs.certificateArn, r.inputs.endpointConfiguration])).toEqual([
      ["ApiGatewayDomainName6b390559da", "orders.example.com", "arn:aws:acm:us-east-1:123456789012:certificate/orders", { types: "REGIONAL" }],
      ["ApiGatewayDomainNamec1abe04560", "users.example.com", "arn:aws:acm:us-east-1:123456789012:certificate/users", { types: "EDGE" }],
    ]);
    // BasePath [/v1, orders]: letters and digits, each its own mapping to the stage; none: the whole domain.
    expect(of("aws:apigateway/basePathMapping:BasePathMapping").map((r) => [r.name, r.inputs.basePath ?? null, r.inputs.stageName, r.inputs.restApi])).toEqual([
      ["OrdersApiordersBasePathMapping", "orders", "prod", "OrdersApi-id"],
      ["OrdersApiv1BasePathMapping", "v1", "prod", "OrdersApi-id"],
      ["UsersApiBasePathMapping", null, "prod", "UsersApi-id"],
    ]);
    // One group for the zone both APIs use: A records, and AAAA with IpV6; an edge domain aliases CloudFront's zone.
    const records = of("aws-native:route53:RecordSet").map((r) => [r.name, r.inputs.hostedZoneId, r.inputs.name, r.inputs.type, (r.inputs.aliasTarget as { hostedZoneId: string }).hostedZoneId]);
    expect(records).toEqual([
      // (a regional domain's zone is the provider's to compute: the mocks answer none)
      ["RecordSetGroup390e154d91", "Z1EXAMPLE", "orders.example.com", "A", undefined],
      ["RecordSetGroup390e154d91Record1", "Z1EXAMPLE", "users.example.com", "A", "Z2FDTNDATAQYW2"],
      ["RecordSetGroup390e154d91Record2", "Z1EXAMPLE", "users.example.com", "AAAA", "Z2FDTNDATAQYW2"],
    ]);
  });

  it("of an HTTP API is an ApiGatewayV2 domain, an API mapping per BasePath under its key, and its records in the zone named", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_http_api_domain", "expected", "index.ts"));
    const of = (type: string) => registered.filter((r) => r.type === type).sort((a, b) => (a.name < b.name ? -1 : 1));
    const [domain] = of("aws-native:apigatewayv2:DomainName");
    expect(domain!.inputs).toMatchObject({ domainName: "api.example.com", domainNameConfigurations: [{ certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/api", endpointType: "REGIONAL" }], tags: { "httpapi:createdBy": "SAM" } });
    // The key is the path without its outer slashes; the logical id drops -, _ and /.
    expect(of("aws-native:apigatewayv2:ApiMapping").map((r) => [r.name, r.inputs.apiMappingKey, r.inputs.stage])).toEqual([
      ["HttpApireportsApiMapping", "reports", "$default"],
      ["HttpApiv1ordersApiMapping", "v1/orders", "$default"],
    ]);
    expect(of("aws-native:route53:RecordSet").map((r) => [r.name, r.inputs.hostedZoneName, r.inputs.name, r.inputs.type])).toEqual([["RecordSetGroup22b77bea9d", "example.com.", "api.example.com", "A"]]);
  });
});

describe("a SAM API's CanarySetting and AlwaysDeploy", () => {
  it("the stage's canary starts on its own deployment; the deployment's triggers hold the time of the run", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_api_canary", "expected", "index.ts"));
    const by = (name: string) => registered.find((r) => r.name === name)!;
    expect(by("ApiprodStage").inputs.canarySettings).toEqual({ deploymentId: "ApiDeployment-id", percentTraffic: 10, stageVariableOverrides: { flag: "canary" }, useStageCache: false });
    const triggers = by("ApiDeployment").inputs.triggers as { alwaysDeploy: string; redeployment: string };
    expect(Date.now() - Date.parse(triggers.alwaysDeploy)).toBeLessThan(60_000);
    expect(triggers.redeployment).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("CloudFormation dynamic references", () => {
  it("are read when the program runs: a parameter's value, a secret's JSON key or whole string, the text around them kept", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_dynamic_references", "expected", "index.ts"));
    const docs = registered.find((r) => r.name === "Docs")!.inputs;
    // A secret's value is registered as a secret: its wrapper's value.
    const plain = (v: unknown): unknown => (v !== null && typeof v === "object" && "value" in v ? (v as { value: unknown }).value : v);
    // The mocks' secret holds {"password": "password-of-<id>"}.
    expect(plain(docs.masterPassword)).toBe("password-of-docdb-admin");
    const fn = registered.find((r) => r.name === "Fn")!.inputs;
    expect(fn.role).toBe("value-of-/ci/lambda-role-arn");
    const vars = (plain(fn.environment) as { variables: Record<string, unknown> }).variables;
    expect(plain(vars.TOKEN)).toBe("value-of-/app/token:3");
    expect(plain(vars.URL)).toBe("https://value-of-/app/host/api");
    expect(JSON.parse(plain(vars.WHOLE) as string)).toEqual({ password: "password-of-arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf" });
    // Not read: built with Fn::Sub, or of another service.
    expect(vars.SUBBED).toBe("{{resolve:ssm:/app/prod/db}}");
    expect(vars.OTHER).toBe("{{resolve:kms:abc}}");
  });
});

describe("CloudFormation types the registry lacks", () => {
  it("register as their classic classes: a CodeBuild project, an access key of the user, one group membership per user added", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_registry_gaps", "expected", "index.ts"));
    const get = (name: string) => registered.find((r) => r.name === name)!;
    expect(get("Build").type).toBe("aws:codebuild/project:Project");
    expect(get("Build").inputs).toMatchObject({ name: "app-build", buildTimeout: 30, source: { type: "GITHUB", buildspec: "buildspec.yml" }, environment: { computeType: "BUILD_GENERAL1_SMALL" } });
    expect(get("Build").dependencies).toContain("BuildRole");
    expect(get("Key").inputs.user).toBe("User-id");
    expect(["AddAdmins", "AddAdminsUser1"].map((n) => [get(n).type, get(n).inputs.user, get(n).inputs.groups])).toEqual([
      ["aws:iam/userGroupMembership:UserGroupMembership", "User-id", ["Admins-id"]],
      ["aws:iam/userGroupMembership:UserGroupMembership", "Auditor-id", ["Admins-id"]],
    ]);
  });
});

describe("settings classic Pulumi makes resources of their own (companions.ts)", () => {
  it("a function's RuntimeManagementConfig and a project's webhook are resources beside them, conditional with them; DependsOn waits for both", async () => {
    const file = path.join(FIXTURES, "cfn_companions", "expected", "index.ts");
    const registered = await runProgram(file);
    const get = (name: string) => registered.find((r) => r.name === name)!;
    const rmc = get("FnRuntimeManagementConfig");
    expect(rmc.type).toBe("aws:lambda/runtimeManagementConfig:RuntimeManagementConfig");
    expect(rmc.inputs).toMatchObject({ functionName: "pinned", qualifier: "$LATEST", updateRuntimeOn: "Manual" });
    expect(rmc.inputs.runtimeVersionArn).toMatch(/^arn:aws:lambda:.+::runtime:0123456789abcdef$/);
    expect(rmc.dependencies).toContain("Fn");
    expect(get("Live").dependencies).toEqual(expect.arrayContaining(["Fn", "FnRuntimeManagementConfig"]));
    const hook = get("BuildWebhook");
    expect(hook.type).toBe("aws:codebuild/webhook:Webhook");
    expect(hook.inputs.projectName).toBe("app-build");
    expect(hook.inputs.buildType).toBe("BUILD");
    expect(hook.inputs.filterGroups).toEqual([
      { filters: [{ type: "EVENT", pattern: "PUSH" }, { type: "HEAD_REF", pattern: "^refs/heads/main$" }] },
      { filters: [{ type: "EVENT", pattern: "PULL_REQUEST_CREATED,PULL_REQUEST_UPDATED" }, { type: "FILE_PATH", pattern: "^docs/", excludeMatchedPattern: true }] },
    ]);
    expect(get("FnRecursionConfig").inputs).toEqual({ functionName: "pinned", recursiveLoop: "Terminate" });
    // The policies as the JSON documents CloudFormation takes, on the log group and the topic.
    const masking = get("AuditDataProtectionPolicy");
    expect(masking.type).toBe("aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy");
    expect(masking.inputs.logGroupName).toBe("/app/audit");
    expect(JSON.parse(masking.inputs.policyDocument).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["audit", "redact"]);
    expect(get("AuditIndexPolicy").inputs).toEqual({ logGroupName: "/app/audit", policyDocument: JSON.stringify({ Fields: ["requestId", "userId"] }) });
    // A topic's delivery status logging, one item per protocol, as the topic's own arguments.
    expect(get("Alerts").inputs).toMatchObject({ name: "alerts", sqsSuccessFeedbackRoleArn: "arn:aws:mock:aws:iam/role:Role:Role", sqsSuccessFeedbackSampleRate: 100, sqsFailureFeedbackRoleArn: "arn:aws:mock:aws:iam/role:Role:Role" });
    const deny = get("AlertsDataProtectionPolicy");
    expect(deny.inputs.arn).toBe("arn:aws:mock:aws:sns/topic:Topic:Alerts");
    expect(JSON.parse(deny.inputs.policy)).toMatchObject({ Name: "deny-emails", Statement: [{ Sid: "deny", Operation: { Deny: {} } }] });
    // Webhook: false makes none; only the one project has a webhook.
    expect(registered.filter((r) => r.type === "aws:codebuild/webhook:Webhook").map((r) => r.name)).toEqual(["BuildWebhook"]);
    expect(get("Nightly").type).toBe("aws:codebuild/project:Project");
    // Without the condition, neither the project nor its webhook.
    const off = await runProgram(file, { WithWebhook: "false" });
    expect(off.filter((r) => r.type.startsWith("aws:codebuild/")).map((r) => r.name)).toEqual(["Nightly"]);
  });
});

describe("files aws cloudformation package would upload (packaged.ts)", () => {
  it("a local path is the file's content, read when the program runs; a REST API's body on S3 is not set; a Body beside it wins", async () => {
    const dir = path.join(FIXTURES, "cfn_packaged_files");
    const registered = await runProgram(path.join(dir, "expected", "index.ts"), {}, { cwd: dir });
    const get = (name: string) => registered.find((r) => r.name === name)!;
    expect(get("PetsApi").inputs).toMatchObject({ name: "pets", body: fs.readFileSync(path.join(dir, "api", "openapi.yaml"), "utf8") });
    expect(get("PetsDeploymentStage").inputs).toMatchObject({ restApi: "PetsApi-id", deployment: "PetsDeployment-id", stageName: "prod" });
    expect(get("RemoteApi").inputs).toEqual({ name: "remote" });
    expect(JSON.parse(get("BothApi").inputs.body)).toEqual({ openapi: "3.0.1", info: { title: "both", version: "1" }, paths: {} });
    const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
    expect(get("HttpApi").inputs.body).toEqual(JSON.parse(read("api/http.json")));
    // A JSON definition as its text (CloudFormation's substitutions kept), a YAML one as the JSON of what it holds.
    expect(get("Orders").inputs).toMatchObject({ definitionString: read("machines/orders.asl.json"), definitionSubstitutions: { Table: "orders" } });
    expect(get("Orders").inputs.definitionS3Location).toBeUndefined();
    expect(JSON.parse(get("Refunds").inputs.definitionString)).toEqual({ StartAt: "Done", States: { Done: { Type: "Succeed" } } });
    expect(get("HelloResolver").inputs).toMatchObject({ requestMappingTemplate: read("resolvers/hello.request.vtl"), responseMappingTemplate: read("resolvers/hello.response.vtl"), fieldName: "hello" });
  });

  it("where only an S3 location will do, a local path is a placeholder: the program stops there rather than deploy a path as a location", async () => {
    const file = path.join(FIXTURES, "cfn_packaged_upload", "expected", "index.ts");
    await expect(runProgram(file)).rejects.toThrow("not converted by pulumigrate: jobs/etl.py");
  });
});

describe("Terraform check blocks", () => {
  it("a failed assertion is a warning, never an error: over plain values at once, over deployed values once they are known", async () => {
    const file = path.join(FIXTURES, "check_blocks", "expected", "index.ts");
    const warned = async (config: Record<string, string>): Promise<string[]> => {
      const spy = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      try {
        const registered = await runProgram(file, config);
        // The program ran to its end: the bucket and the check's data source are there.
        expect(registered.map((r) => r.name)).toContain("logs");
        await new Promise((r) => setTimeout(r, 50));
        return spy.mock.calls.map((c) => String(c[0]));
      } finally {
        spy.mockRestore();
      }
    };
    expect(await warned({})).toEqual(['warning: [runtime] check "logs_bucket": the logs bucket is logs-dev, not the production one']);
    expect(await warned({ env: "prod" })).toEqual([]);
    expect((await warned({ env: "sandbox-eu" })).sort()).toEqual([
      'warning: [runtime] check "env_known": env is sandbox-eu, which no pipeline deploys',
      'warning: [runtime] check "env_known": env names are at most 8 characters',
      'warning: [runtime] check "logs_bucket": the logs bucket is logs-sandbox-eu, not the production one',
    ]);
  });
});

describe("@pulumi/tls", () => {
  it("an OIDC provider's thumbprint is the certificate's, read by tls.getCertificate; a self-signed certificate is made of its key and imported into ACM", async () => {
    const registered = await runProgram(path.join(FIXTURES, "tls_resources", "expected", "index.ts"));
    const get = (name: string, type: string) => registered.find((r) => r.name === name && r.type === type)!;
    const issuer = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    expect(get("oidc", "aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputs).toEqual({ url: issuer, clientIdLists: ["sts.amazonaws.com"], thumbprintLists: [`sha1-of-${issuer}`] });
    expect(get("ca", "tls:index/privateKey:PrivateKey").inputs).toEqual({ algorithm: "RSA", rsaBits: 2048 });
    const cert = get("ca", "tls:index/selfSignedCert:SelfSignedCert");
    expect(cert.inputs).toMatchObject({ subject: { commonName: "example.com", organization: "Example" }, validityPeriodHours: 12, allowedUses: ["key_encipherment", "digital_signature", "server_auth"] });
    expect(cert.dependencies).toContain("ca");
    expect(get("imported", "aws:acm/certificate:Certificate").dependencies).toEqual(expect.arrayContaining(["ca"]));
  });
});

describe("a load balancer's settings that classic Pulumi spreads into arguments", () => {
  it("attributes as their own arguments, the scheme as internal, an IPAM pool as the ipamPools block", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_load_balancer", "expected", "index.ts"), { Subnets: JSON.stringify(["subnet-a", "subnet-b"]) });
    const get = (name: string) => registered.find((r) => r.name === name)!;
    expect(get("Public").inputs).toMatchObject({ name: "public-alb", internal: false, loadBalancerType: "application", subnets: ["subnet-a", "subnet-b"], idleTimeout: 120, enableDeletionProtection: true });
    expect(get("Private").inputs).toMatchObject({ internal: true, loadBalancerType: "network", ipamPools: { ipv4IpamPoolId: "ipam-pool-0123456789abcdef0" } });
  });
});

describe("time_sleep", () => {
  it("a wait is a sleep command after what it depends on; what reads its triggers reads them through it, after the wait", async () => {
    const registered = await runProgram(path.join(FIXTURES, "time_sleep", "expected", "index.ts"));
    const get = (name: string, type: string) => registered.find((r) => r.name === name && r.type === type)!;
    const wait = get("iam", "command:local:Command");
    expect(wait.inputs).toEqual({ create: "sleep 10", delete: "sleep 90", triggers: [{ role_arn: "arn:aws:mock:aws:iam/role:Role:fn" }] });
    expect(wait.dependencies).toContain("fn");
    const fn = get("fn", "aws:lambda/function:Function");
    expect(fn.inputs.role).toBe("arn:aws:mock:aws:iam/role:Role:fn");
    // The function waits for the command (its role comes through it), not for the role alone.
    expect(fn.dependencies).toContain("iam");
    expect(get("settle", "command:local:Command").dependencies).toContain("fn");
  });
});

describe("external data sources", () => {
  it("the program runs through command.local.run, its words the argv (no shell), its query on stdin; result reads the JSON it prints", async () => {
    const registered = await runProgram(path.join(FIXTURES, "external_data", "expected", "index.ts"));
    const build = registered.find((r) => r.name === "build")!;
    // The mock prints the query it is given, and what it ran.
    expect(build.inputs.tags).toEqual({ ran: "python3 ./scripts/describe.py --short", by: "/usr/bin/env ./scripts/whoami.sh" });
    // A parameter's value is a secret input: the mocks see the secret's wrapper.
    expect((build.inputs.value as { value: unknown }).value).toBe("HEAD");
  });
});
