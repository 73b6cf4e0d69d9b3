import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as aws_native from "@pulumi/aws-native";
import { Storage } from "./storage";

export interface NetworkArgs {
  env: string;
  cidrBlock: string;
  /** (CommaDelimitedList) */
  subnetCidrs: string[];
  flowLogRetentionDays?: number;
}

/** The CloudFormation template stacks/network.yaml, as a component. */
export class Network extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;
  public readonly flowLogsBucket: pulumi.Output<string>;

  constructor(
    name: string,
    args: NetworkArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Network", name, {}, opts);

    // The network.

    const env = args.env;

    const cidrBlock = args.cidrBlock;
    if (!/^(?:\d+\.\d+\.\d+\.\d+\/\d+)$/.test(cidrBlock)) {
      throw new Error("CidrBlock must match \\d+\\.\\d+\\.\\d+\\.\\d+/\\d+");
    }

    // Parameters a nested stack receives as text: the component takes them as they are read.
    const subnetCidrs = args.subnetCidrs;

    const flowLogRetentionDays = args.flowLogRetentionDays ?? 7;

    const vpc = new aws_native.ec2.Vpc(
      `${name}-Vpc`,
      {
        cidrBlock: cidrBlock,
        tags: [
          {
            key: "Name",
            value: `${env}-vpc`,
          },
        ],
      },
      { parent: this },
    );

    const firstSubnet = new aws_native.ec2.Subnet(
      `${name}-FirstSubnet`,
      {
        vpcId: vpc.id,
        cidrBlock: subnetCidrs[0],
      },
      { parent: this },
    );

    const flowLogGroup = new aws.cloudwatch.LogGroup(
      `${name}-FlowLogGroup`,
      {
        retentionInDays: flowLogRetentionDays,
      },
      { parent: this },
    );

    // Flow logs: a stack nested in the nested one.
    const flowLogs = new Storage(
      `${name}-FlowLogs`,
      {
        bucketPrefix: `${env}-flow-logs`,
      },
      { parent: this },
    );

    this.vpcId = vpc.id;
    this.flowLogsBucket = flowLogs.bucketName;

    this.registerOutputs({
      vpcId: this.vpcId,
      flowLogsBucket: this.flowLogsBucket,
    });
  }
}
