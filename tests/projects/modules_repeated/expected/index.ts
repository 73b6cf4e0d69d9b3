import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Bucket } from "./components/bucket";

const config = new pulumi.Config();

// for_each and count on module blocks, instances read by key and by index, a splat over
// them, a whole-module reference, and depends_on naming a repeated module.
const copies = config.getNumber("copies") ?? 2;

const buckets: Record<string, Bucket> = {};
for (const key of ["logs", "data"]) {
  buckets[key] = new Bucket(`buckets-${key}`, {
    name: `acme-${key}`,
  });
}

const replicas: Bucket[] = [];
for (let i = 0; i < copies; i++) {
  replicas.push(
    new Bucket(`replicas-${i}`, {
      name: `acme-replica-${i}`,
    }),
  );
}

const firstReplica = replicas[0];

const ready = new aws.sns.Topic(
  "ready",
  {
    name: "ready",
  },
  { dependsOn: [...Object.values(buckets)] },
);

export const logsArn = buckets.logs.arn;
export const replicaNames = replicas.map((v) => v.name);
export const firstReplicaName = firstReplica.name;
