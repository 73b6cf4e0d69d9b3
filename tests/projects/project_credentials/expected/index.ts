import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();

// Credentials written into the input: the provider's keys and token, a sensitive variable and
// terraform.tfvars values. None of their values may reach a written file or the console.
// The default aws provider is configured by stack configuration, e.g.:
//   pulumi config set aws:region eu-central-1

const auditAccessKey = config.requireSecret("audit_access_key");
const auditSecretKey = config.requireSecret("audit_secret_key");

const auditProvider = new aws.Provider("audit", {
  region: "us-east-1",
  accessKey: auditAccessKey,
  secretKey: auditSecretKey,
});

const dbPassword = config.requireSecret("db_password");
const instanceCount = config.getNumber("instance_count") ?? 1;
const tags = config.getObject<Record<string, string>>("tags") ?? {};

const db = new aws.ssm.Parameter("db", {
  name: "/app/db-password",
  type: "SecureString",
  value: dbPassword,
  tags: tags,
});

const auditQueue: aws.sqs.Queue[] = [];
for (let i = 0; i < instanceCount; i++) {
  auditQueue.push(
    new aws.sqs.Queue(
      `audit-${i}`,
      {
        name: `audit-${i}`,
      },
      { provider: auditProvider },
    ),
  );
}
