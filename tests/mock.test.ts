/**
 * Meaning: converted programs, run under Pulumi's runtime mocks, register the resources the
 * seed page's own TypeScript registers, with the same inputs, but for the deliberate
 * differences that DESIGN.md lists (written out below, each with its reason).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertDir, FIXTURES, ROOT, SHARED } from "./helpers/fixtures.js";
import { byName, runProgram, type Registered } from "./helpers/mocks.js";

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

async function runConverted(sample: string, config: Record<string, string>): Promise<Registered[]> {
  const dir = path.join(ROOT, "samples", sample);
  const result = await convertDir(dir, ["main.tf"]);
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
