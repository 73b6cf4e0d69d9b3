import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface QueueArgs {
  /** The queue's name. */
  name: string;
  /** The topic allowed to send to the queue. */
  topicArn: pulumi.Input<string>;
  retention?: number;
}

/** The Terraform module modules/queue, as a component. */
export class Queue extends pulumi.ComponentResource {
  public readonly queueArn: pulumi.Output<string>;
  public readonly queueUrl: pulumi.Output<string>;
  public readonly retention: pulumi.Output<number>;

  constructor(
    name: string,
    args: QueueArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Queue", name, {}, opts);

    const name2 = args.name;
    const topicArn = pulumi.output(args.topicArn);
    const retention = args.retention ?? 86400;

    const thisQueue = new aws.sqs.Queue(
      `${name}-this`,
      {
        name: name2,
        messageRetentionSeconds: retention,
      },
      { parent: this },
    );

    const allowTopic = aws.iam.getPolicyDocumentOutput(
      {
        statements: [
          {
            actions: ["sqs:SendMessage"],
            resources: [thisQueue.arn],
            principals: [
              {
                type: "Service",
                identifiers: ["sns.amazonaws.com"],
              },
            ],
            conditions: [
              {
                test: "ArnEquals",
                variable: "aws:SourceArn",
                values: [topicArn],
              },
            ],
          },
        ],
      },
      { parent: this },
    );

    const thisQueuePolicy = new aws.sqs.QueuePolicy(
      `${name}-this`,
      {
        queueUrl: thisQueue.id,
        policy: allowTopic.json,
      },
      { parent: this },
    );

    this.queueArn = thisQueue.arn;
    this.queueUrl = thisQueue.url;
    this.retention = pulumi.output(retention);

    this.registerOutputs({
      queueArn: this.queueArn,
      queueUrl: this.queueUrl,
      retention: this.retention,
    });
  }
}
