import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface BucketArgs {
  name: string;
}

/** The Terraform module modules/bucket, as a component. */
export class Bucket extends pulumi.ComponentResource {
  public readonly arn: pulumi.Output<string>;
  public readonly name: pulumi.Output<string>;
  public readonly domainName: pulumi.Output<string>;

  constructor(
    name: string,
    args: BucketArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Bucket", name, {}, opts);

    const name2 = args.name;

    const this_ = new aws.s3.Bucket(
      `${name}-this`,
      {
        bucket: name2,
      },
      { parent: this },
    );

    this.arn = this_.arn;
    this.name = this_.bucket;
    this.domainName = this_.bucketDomainName;

    this.registerOutputs({
      arn: this.arn,
      name: this.name,
      domainName: this.domainName,
    });
  }
}
