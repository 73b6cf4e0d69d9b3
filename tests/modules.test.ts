/**
 * Module trees under Pulumi's runtime mocks: the component instances register, every child
 * with its component as parent, and values flow through module outputs as Terraform computes them.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECTS } from "./helpers/fixtures.js";
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
