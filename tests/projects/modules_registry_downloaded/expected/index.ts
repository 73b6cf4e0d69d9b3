import * as aws from "@pulumi/aws";
import { Labels } from "./components/labels";

// A registry module with the copy terraform init downloaded (.terraform/modules): it converts
// from that copy like a local module.
const labels = new Labels("labels", {
  name: "orders",
  environment: "prod",
});

const orders = new aws.sqs.Queue("orders", {
  name: labels.id,
  tags: labels.tags,
});

export const queueName = orders.name;
