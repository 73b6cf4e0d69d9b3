import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Queue } from "./components/queue";

const config = new pulumi.Config();

// A module called twice (one class, two instances), its outputs read by a resource and by a
// root output; providers passed to one call (from providers.tf, read after this file), depends_on
// on the other.
const env = config.get("env") ?? "dev";

const alerts = new aws.sns.Topic("alerts", {
  name: `alerts-${env}`,
});

const ordersQueue = new Queue("orders_queue", {
  name: `orders-${env}`,
  topicArn: alerts.arn,
  retention: 3600,
});

const orders = new aws.sns.TopicSubscription("orders", {
  topic: alerts.arn,
  protocol: "sqs",
  endpoint: ordersQueue.queueArn,
});

export const ordersRetention = ordersQueue.retention;

// The default aws provider is configured by stack configuration, e.g.:
//   pulumi config set aws:region eu-west-1

const west = new aws.Provider("west", {
  region: "us-west-2",
});

const paymentsQueue = new Queue(
  "payments_queue",
  {
    name: `payments-${env}`,
    topicArn: alerts.arn,
  },
  {
    dependsOn: [ordersQueue],
    providers: {
      aws: west,
    },
  },
);

export const queueUrls = [ordersQueue.queueUrl, paymentsQueue.queueUrl];
