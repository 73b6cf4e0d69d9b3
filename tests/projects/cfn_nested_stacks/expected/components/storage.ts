import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as aws_native from "@pulumi/aws-native";

export interface StorageArgs {
  bucketPrefix: string;
  versioned?: string;
}

/** The CloudFormation template stacks/storage.yaml, as a component. */
export class Storage extends pulumi.ComponentResource {
  public readonly bucketName: pulumi.Output<string>;
  public readonly bucketArn: pulumi.Output<string>;

  constructor(
    name: string,
    args: StorageArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Storage", name, {}, opts);

    // A bucket.

    const currentAccount = aws.getCallerIdentityOutput({}, { parent: this });

    const bucketPrefix = args.bucketPrefix;

    const versioned = args.versioned ?? "false";
    if (!["true", "false"].includes(versioned)) {
      throw new Error("Versioned must be one of true, false");
    }

    const isVersioned = versioned === "true";

    const bucket = new aws_native.s3.Bucket(
      `${name}-Bucket`,
      {
        bucketName: pulumi.interpolate`${bucketPrefix}-${currentAccount.accountId}`,
        versioningConfiguration: isVersioned
          ? {
              status: "Enabled",
            }
          : undefined,
      },
      { parent: this },
    );

    this.bucketName = bucket.id;
    this.bucketArn = bucket.arn;

    this.registerOutputs({
      bucketName: this.bucketName,
      bucketArn: this.bucketArn,
    });
  }
}
