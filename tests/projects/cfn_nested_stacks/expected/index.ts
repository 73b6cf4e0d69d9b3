import * as pulumi from "@pulumi/pulumi";
import * as aws_native from "@pulumi/aws-native";
import { Network } from "./components/network";
import { Storage } from "./components/storage";

const config = new pulumi.Config();

// An application whose network and storage are nested stacks, packaged from local templates.

const env = config.get("Env") ?? "dev";
if (!["dev", "prod"].includes(env)) {
  throw new Error("Env must be one of dev, prod");
}

const isProd = env === "prod";

// The network: its template beside this one, uploaded by `aws cloudformation package`.
const network = new Network("Network", {
  env: env,
  cidrBlock: "10.0.0.0/16",
  subnetCidrs: ["10.0.0.0/24", "10.0.1.0/24"],
  flowLogRetentionDays: 14,
});

// The same storage template, twice: one class, two instances.
const logs = new Storage("Logs", {
  bucketPrefix: `${env}-logs`,
});

const archive = isProd
  ? new Storage(
      "Archive",
      {
        bucketPrefix: `${env}-archive`,
        versioned: "true",
      },
      { dependsOn: [logs] },
    )
  : undefined;

// A nested stack on S3 stays an aws-native Stack.
const monitoring = new aws_native.cloudformation.Stack("Monitoring", {
  templateUrl: "https://s3.amazonaws.com/acme-templates/monitoring.yaml",
});

// A template that is not there: a warning, and an aws-native Stack.
const missing = new aws_native.cloudformation.Stack("Missing", {
  templateUrl: "stacks/missing.yaml",
});

const appSecurityGroup = new aws_native.ec2.SecurityGroup("AppSecurityGroup", {
  groupDescription: "app",
  vpcId: network.vpcId,
});

export const vpcId = network.vpcId;
export const logsBucket = logs.bucketName;
export const archiveBucket = isProd ? archive!.bucketName : undefined;
