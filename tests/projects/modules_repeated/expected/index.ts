import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Bucket } from "./components/bucket";

const config = new pulumi.Config();

/** A map's entries in Terraform's order (sorted keys), for `for` expressions that make lists. */
function entries<T = any>(map: Readonly<Record<string, T>>): [string, T][] {
  return Object.keys(map)
    .sort()
    .map((k) => [k, map[k]!]);
}

// for_each and count on module blocks, instances read by key and by index, a splat over
// them, a whole-module reference, and depends_on naming a repeated module; a resource for
// each instance and a `for` over them, reading a snake_case output through the instance.
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

const perBucket: Record<string, aws.sns.Topic> = {};
for (const [key, value] of Object.entries(buckets)) {
  perBucket[key] = new aws.sns.Topic(`per_bucket-${key}`, {
    name: `ready-${key}`,
    displayName: value.domainName,
  });
}

export const domainNames = entries(buckets).map(([_, b]) => b.domainName);
