/**
 * Module trees under Pulumi's runtime mocks: the component instances register, every child
 * with its component as parent, and values flow through module outputs as Terraform computes them.
 */
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { PROJECTS, ROOT } from "./helpers/fixtures.js";
import { runProgramExports, type Registered } from "./helpers/mocks.js";

const run = (fixture: string, config: Record<string, string> = {}) => runProgramExports(path.join(PROJECTS, fixture, "expected", "index.ts"), config);
const named = (rs: readonly Registered[], type: string, name: string) => {
  const r = rs.find((x) => x.type === type && x.name === name);
  expect(r, `${type} ${name}`).toBeDefined();
  return r!;
};

describe("modules become components", () => {
  it("a module called twice is two instances of one class, each child parented to its instance", async () => {
    const { registered, exports } = await run("modules_basic");
    const components = registered.filter((r) => r.type === "pulumigrate:components:Queue");
    expect(components.map((c) => c.name).sort()).toEqual(["orders_queue", "payments_queue"]);
    for (const c of components) expect(c.custom).toBe(false);
    const orders = named(registered, "aws:sqs/queue:Queue", "orders_queue-this");
    expect(orders.parent).toBe("orders_queue");
    expect(orders.inputs).toEqual({ name: "orders-dev", messageRetentionSeconds: 3600 });
    const payments = named(registered, "aws:sqs/queue:Queue", "payments_queue-this");
    expect(payments.parent).toBe("payments_queue");
    // The variable's default applies where the call leaves it out.
    expect(payments.inputs.messageRetentionSeconds).toBe(86400);
    expect(named(registered, "aws:sqs/queuePolicy:QueuePolicy", "orders_queue-this").parent).toBe("orders_queue");
    // providers = { aws = aws.west }: the children of that instance use the west provider.
    expect(payments.provider).toBe("west");
    expect(orders.provider).toBeUndefined();
    // depends_on = [module.orders_queue]: Pulumi waits for every child of that component.
    const after = named(registered, "pulumigrate:components:Queue", "payments_queue").dependencies;
    const children = registered.filter((r) => r.parent === "orders_queue").map((r) => r.name);
    expect(children.length).toBe(2);
    for (const c of children) expect(after).toContain(c);
    // A module output read by a root resource, and by root outputs.
    expect(named(registered, "aws:sns/topicSubscription:TopicSubscription", "orders").inputs.endpoint).toBe("arn:aws:mock:aws:sqs/queue:Queue:orders_queue-this");
    expect(exports.queueUrls).toEqual(["https://mock/orders_queue-this", "https://mock/payments_queue-this"]);
    expect(exports.ordersRetention).toBe(3600);
    // The topic ARN passed in reaches the policy inside the component.
    const policy = JSON.parse(named(registered, "aws:sqs/queuePolicy:QueuePolicy", "payments_queue-this").inputs.policy as string);
    expect(policy.Statement[0]).toMatchObject({ Action: "sqs:SendMessage", Resource: "arn:aws:mock:aws:sqs/queue:Queue:payments_queue-this" });
  });
});

describe("module trees", () => {
  it("modules three deep: each level parented to the one above, values flowing back up", async () => {
    const { registered, exports } = await run("modules_nested");
    expect(named(registered, "pulumigrate:components:Service", "service").parent).toBeUndefined();
    expect(named(registered, "pulumigrate:components:Api", "service-api").parent).toBe("service");
    expect(named(registered, "pulumigrate:components:FunctionModule", "service-api-handler").parent).toBe("service-api");
    const fn = named(registered, "aws:lambda/function:Function", "service-api-handler-this");
    expect(fn.parent).toBe("service-api-handler");
    expect(fn.inputs.name).toBe("shop-api-handler");
    expect(named(registered, "aws:apigateway/restApi:RestApi", "service-api-this").inputs.name).toBe("shop-api");
    // The integration inside api reads the function's invoke ARN through module.handler.
    expect(named(registered, "aws:apigateway/integration:Integration", "service-api-lambda").inputs.uri).toBe("arn:aws:apigateway:mock:lambda:path/functions/service-api-handler-this/invocations");
    expect(named(registered, "aws:apigateway/stage:Stage", "service-api-this").inputs.stageName).toBe("live");
    expect(exports).toEqual({ url: "https://service-api-this.execute-api.mock.amazonaws.com/live", functionName: "shop-api-handler" });
  });

  it("for_each and count on a module: one instance per key and index, read by key, index, splat and whole", async () => {
    const { registered, exports } = await run("modules_repeated", { copies: "3" });
    const instances = registered.filter((r) => r.type === "pulumigrate:components:Bucket").map((r) => r.name).sort();
    expect(instances).toEqual(["buckets-data", "buckets-logs", "replicas-0", "replicas-1", "replicas-2"]);
    expect(named(registered, "aws:s3/bucket:Bucket", "buckets-logs-this")).toMatchObject({ parent: "buckets-logs", inputs: { bucket: "acme-logs" } });
    expect(exports.logsArn).toBe("arn:aws:mock:aws:s3/bucket:Bucket:buckets-logs-this");
    expect(exports.replicaNames).toEqual(["acme-replica-0", "acme-replica-1", "acme-replica-2"]);
    expect(exports.firstReplicaName).toBe("acme-replica-0");
    // depends_on = [module.buckets]: every bucket of every instance.
    expect([...named(registered, "aws:sns/topic:Topic", "ready").dependencies].sort()).toEqual(["buckets-data-this", "buckets-logs-this"]);
    // A snake_case output read through an instance (each.value.domain_name, b.domain_name in a for).
    expect(named(registered, "aws:sns/topic:Topic", "per_bucket-logs").inputs).toEqual({ name: "ready-logs", displayName: "acme-logs.s3.amazonaws.com" });
    expect(exports.domainNames).toEqual(["acme-data.s3.amazonaws.com", "acme-logs.s3.amazonaws.com"]);
  });

  it("a registry module converts from its downloaded copy", async () => {
    const { registered, exports } = await run("modules_registry_downloaded");
    expect(named(registered, "pulumigrate:components:Labels", "labels").custom).toBe(false);
    expect(named(registered, "aws:sqs/queue:Queue", "orders").inputs).toEqual({ name: "orders-prod", tags: { Name: "orders-prod", Environment: "prod" } });
    expect(exports.queueName).toBe("orders-prod");
  });

  it("modules reading each other's outputs: the deferred output resolves to the other module's value", async () => {
    const { registered, exports } = await run("modules_mutual");
    const policy = JSON.parse(named(registered, "aws:iam/rolePolicy:RolePolicy", "iam-invoke").inputs.policy as string);
    expect(policy.Statement[0].Resource).toBe("arn:aws:mock:aws:lambda/function:Function:fn-this");
    expect(named(registered, "aws:lambda/function:Function", "fn-this").inputs.role).toBe("arn:aws:mock:aws:iam/role:Role:iam-this");
    // The policy waits for the function it names, as Terraform's graph orders them.
    expect(named(registered, "aws:iam/rolePolicy:RolePolicy", "iam-invoke").dependencies).toContain("fn-this");
    expect(exports.functionArn).toBe("arn:aws:mock:aws:lambda/function:Function:fn-this");
  });

  it("a placeholder for a module with no source here fails when the program runs, saying what to do", async () => {
    await expect(run("modules_registry_missing")).rejects.toThrow(/terraform-aws-modules\/vpc\/aws 5\.8\.1 was not converted: run terraform init/);
  });
});

describe("the module-tree sample", () => {
  it("runs with its Pulumi.dev.yaml (from terraform.tfvars): one component per endpoint, the stage named as tfvars says", async () => {
    const dir = path.join(ROOT, "samples", "module-tree", "expected");
    const stack = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, string> };
    const config = Object.fromEntries(Object.entries(stack.config).map(([k, v]) => [k.slice(k.indexOf(":") + 1), v]));
    // The lambda.zip the module reads was copied into the project: it runs from there.
    expect(fs.existsSync(path.join(dir, "modules", "lambda-endpoint", "lambda.zip"))).toBe(true);
    const { registered, exports } = await runProgramExports(path.join(dir, "index.ts"), config);
    expect(named(registered, "aws:apigateway/stage:Stage", "api").inputs.stageName).toBe("prod");
    for (const endpoint of ["hello", "goodbye"]) {
      expect(named(registered, "pulumigrate:components:LambdaEndpoint", endpoint).custom).toBe(false);
      expect(named(registered, "aws:apigateway/resource:Resource", `${endpoint}-path`)).toMatchObject({ parent: endpoint, inputs: { pathPart: endpoint, restApi: "api-id", parentId: "api-root" } });
      expect(named(registered, "aws:apigateway/integration:Integration", `${endpoint}-lambda`).inputs.uri).toBe(`arn:aws:apigateway:mock:lambda:path/functions/${endpoint}-handler/invocations`);
      expect(named(registered, "aws:lambda/permission:Permission", `${endpoint}-apigw`).inputs.sourceArn).toBe(`arn:aws:execute-api:us-east-1:*:api-id/*/GET/${endpoint}`);
    }
    expect(exports.urls).toEqual({ hello: "https://api.execute-api.mock.amazonaws.com/prod/hello", goodbye: "https://api.execute-api.mock.amazonaws.com/prod/goodbye" });
  });
});

describe("a module variable's optional attributes", () => {
  it("take their defaults inside the component, also when the call passes an Output", async () => {
    const { registered, exports } = await run("modules_optional_defaults");
    expect(exports).toEqual({ port: 8080, retries: 4 });
    const work = named(registered, "aws:sqs/queue:Queue", "service-work");
    expect(work.parent).toBe("service");
    expect(JSON.parse(work.inputs.redrivePolicy as string)).toEqual({ deadLetterTargetArn: "arn:aws:mock:aws:sqs/queue:Queue:dead_letters", maxReceiveCount: 4 });
  });
});
