/**
 * The module repositories of the shared corpus, each root converted as one project and run
 * under Pulumi's runtime mocks: every component registers, every resource made inside a module
 * has its component as parent, and values that flow through module outputs arrive as the
 * source computes them.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertProject } from "../src/project/index.js";
import { MODULE_ROOTS, ROOT, SHARED } from "./helpers/fixtures.js";
import { runProgramExports, type Registered } from "./helpers/mocks.js";

const CORPUS = path.join(SHARED, "corpus", "terraform");
const OUT = path.join(ROOT, ".vitest-tmp", "corpus-modules");

type Check = (registered: readonly Registered[], exports: Record<string, unknown>) => void;
const input = (rs: readonly Registered[], type: string, name: string, key: string): unknown => {
  const r = rs.find((x) => x.type === type && x.name === name);
  expect(r, `${type} ${name}`).toBeDefined();
  return r!.inputs[key];
};
const arn = (type: string, name: string) => `arn:aws:mock:${type}:${name}`;

/** The corpus's module repositories: their roots, the config they require, and values that flow through module outputs. */
const MODULE_REPOSITORIES: readonly { name: string; root: string; config?: Record<string, string>; check: Check }[] = [
  {
    name: "tonatiuh",
    root: "TonatiuhChong__api-gateway-example",
    check: (rs, exports) => {
      // module.iam's role reaches module.api_gateway (credentials_arn) and module.lambda (lambda_exec_role_arn).
      expect(input(rs, "aws:apigateway/integration:Integration", "api_gateway-start_integration", "credentials")).toBe(arn("aws:iam/role:Role", "iam-api_gateway_invoke_step_function"));
      expect(input(rs, "aws:lambda/function:Function", "lambda-job_lambda", "role")).toBe(arn("aws:iam/role:Role", "iam-lambda_exec"));
      // module.lambda's function reaches module.iam back, through the deferred output.
      expect(JSON.parse(input(rs, "aws:iam/rolePolicy:RolePolicy", "iam-step_function_policy", "policy") as string).Statement[0].Resource).toBe(arn("aws:lambda/function:Function", "lambda-job_lambda"));
      expect(exports.apiEndpoint).toBe("https://api_gateway-deployment.execute-api.mock.amazonaws.com/prod/start");
    },
  },
  {
    name: "laura",
    root: "laura-caroline__api-gateway-terraform/environments/prod",
    check: (rs, exports) => {
      // Two levels down and back up: the authorizer function of the nested module.
      expect(exports.lambdaAuthorizerArn).toBe(arn("aws:lambda/function:Function", "api_gateway-lambda_authorizer-authorizer"));
      expect(input(rs, "aws:apigateway/authorizer:Authorizer", "api_gateway-jwt_authorizer", "authorizerUri")).toBe("arn:aws:apigateway:mock:lambda:path/functions/api_gateway-lambda_authorizer-authorizer/invocations");
      expect(input(rs, "aws:cloudwatch/logGroup:LogGroup", "api_gateway-api_gateway_logs", "name")).toBe("/aws/apigateway/api-gateway-prod-api");
    },
  },
  {
    name: "epomatti",
    root: "epomatti__aws-apigw-sqs/infra",
    check: (rs) => {
      // The root's queue goes into module.iam_sqs; its role comes back out into the root's integration.
      expect(JSON.parse(input(rs, "aws:iam/policy:Policy", "iam_sqs-apigateway", "policy") as string).Statement[0].Resource).toBe(arn("aws:sqs/queue:Queue", "ec2_instance_stop_in"));
      expect(input(rs, "aws:apigateway/integration:Integration", "integration", "credentials")).toBe(arn("aws:iam/role:Role", "iam_sqs-apigateway"));
      expect(input(rs, "aws:apigateway/account:Account", "ApiGatewayAccountSetting", "cloudwatchRoleArn")).toBe(arn("aws:iam/role:Role", "iam_logs-APIGatewayCloudWatchRole"));
    },
  },
  {
    name: "infrablocks",
    root: "infrablocks__terraform-aws-api-gateway/examples/full",
    config: { component: "api", deployment_identifier: "ci", domain_name: "example.com", public_zone_id: "Z1", region: "eu-west-2" },
    check: (rs, exports) => {
      // module.api_gateway's REST API id goes into module.deployment and module.domain.
      expect(input(rs, "aws:apigateway/deployment:Deployment", "deployment-deployment", "restApi")).toBe("api_gateway-api-id");
      expect(input(rs, "aws:apigateway/basePathMapping:BasePathMapping", "domain-mapping", "restApi")).toBe("api_gateway-api-id");
      expect(input(rs, "aws:apigateway/domainName:DomainName", "domain-domain_name", "certificateArn")).toBe("test-double-certificateArn");
      expect(exports.apiGatewayStageInvokeUrl).toBe("https://deployment-stage.execute-api.mock.amazonaws.com/default");
    },
  },
  {
    name: "fullstack",
    root: "FullStackWithLawrence__aws-openai/api/terraform",
    config: { aws_region: '"us-east-1"' },
    check: (rs) => {
      // One module directory called 31 times: one class, 31 instances, each with its own path.
      expect(rs.filter((r) => r.type === "pulumigrate:components:Endpoint").length).toBe(31);
      expect(input(rs, "aws:apigateway/resource:Resource", "default_grammar-endpoint", "pathPart")).toBe("default-grammar");
      expect(input(rs, "aws:apigateway/resource:Resource", "openai_function_calling-endpoint", "pathPart")).toBe("openai-function-calling");
    },
  },
  {
    name: "philopian",
    root: "philopian__terraform-aws-api-gateway-with-auth/terraform",
    check: (rs) => {
      // The root's REST API and proxy resource go into the CORS module's OPTIONS method.
      expect(input(rs, "aws:apigateway/method:Method", "api_gateway_cors_proxy-ResourceOptions", "restApi")).toBe("api-id");
      expect(input(rs, "aws:apigateway/method:Method", "api_gateway_cors_proxy-ResourceOptions", "resourceId")).toBe("proxy-id");
    },
  },
  {
    name: "mtranter",
    root: "mtranter__terraform-api-gateway-cors/module",
    config: { resource_id: "res-1", rest_api_id: "api-1" },
    check: (rs) => {
      // Each model module's name output is what the method response's models name.
      expect(input(rs, "aws:apigateway/methodResponse:MethodResponse", "200", "responseModels")).toEqual({
        "application/json": "Emptyapplicationjson",
        "application/xhtml+xml": "Emptyapplicationxhtmlxml",
        "application/xml": "Emptyapplicationxml",
        "text/html": "Emptytexthtml",
      });
    },
  },
];

async function convertAndRun(repo: (typeof MODULE_REPOSITORIES)[number]) {
  const result = await convertProject(path.join(CORPUS, repo.root), { name: repo.name });
  const dir = path.join(OUT, repo.name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of result.files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.content);
  }
  expect(fs.existsSync(dir)).toBe(true);
  // A registry module with no copy here is a placeholder that fails when it runs; the test
  // stands in for it with a double that exposes the outputs the callers read.
  for (const c of result.components.filter((x) => x.kind === "placeholder")) {
    const text = fs.readFileSync(path.join(dir, c.file), "utf8").replace(/throw new Error\([\s\S]*?\);/, "").replace(/public readonly (\w+)!: pulumi\.Output<any>;/g, 'public readonly $1: pulumi.Output<any> = pulumi.output("test-double-$1");');
    fs.writeFileSync(path.join(dir, c.file), text);
  }
  // Some corpus copies leave out files of their repository (resources the module reads are
  // declared elsewhere): the placeholders for those stand as strings saying so instead of throwing.
  const index = path.join(dir, "index.ts");
  fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace(/throw new Error\(`not converted by pulumigrate: \$\{source\}`\);/, "return `missing:${source}`;"));
  // The files the program reads were copied into the project: it runs from there.
  const run = await runProgramExports(index, repo.config ?? {});
  return { result, ...run };
}

function byType(rs: readonly Registered[], type: string): Registered[] {
  return rs.filter((r) => r.type === type);
}

describe("corpus module repositories under mocks", () => {
  it("cover every module root of the corpus", () => {
    expect(MODULE_REPOSITORIES.map((r) => r.root)).toEqual(MODULE_ROOTS);
  });

  for (const repo of MODULE_REPOSITORIES) {
    it(`${repo.root}: every component registers and parents what its module makes`, async () => {
      const { result, registered, exports } = await convertAndRun(repo);
      expect(result.diagnostics.filter((d) => d.code === "PG2007" && !/is not local/.test(d.message)), "no local module left unconverted").toEqual([]);
      const components = registered.filter((r) => !r.custom && r.type.startsWith("pulumigrate:components:"));
      for (const c of result.components) expect(byType(components, `pulumigrate:components:${c.className}`).length, c.className).toBeGreaterThanOrEqual(1);
      const instances = new Set(components.map((c) => c.name));
      for (const r of registered) {
        // A resource named after an instance (`<instance>-<name>`) was made inside it: its parent is that instance.
        const owner = [...instances].filter((i) => r.name.startsWith(`${i}-`)).sort((a, b) => b.length - a.length)[0];
        if (owner) expect(r.parent, `${r.type} ${r.name}`).toBe(owner);
        else if (r.custom) expect(r.parent, `${r.type} ${r.name}`).toBeUndefined();
      }
      for (const c of components.filter((x) => x.parent)) expect(instances.has(c.parent!)).toBe(true);
      repo.check(registered, exports);
    });
  }
});
