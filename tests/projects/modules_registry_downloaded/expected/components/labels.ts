import * as pulumi from "@pulumi/pulumi";

export interface LabelsArgs {
  name: string;
  environment?: string;
  delimiter?: string;
}

/** The Terraform module .terraform/modules/labels, as a component. */
export class Labels extends pulumi.ComponentResource {
  public readonly id: pulumi.Output<string>;
  public readonly tags: pulumi.Output<{ Name: string; Environment: string }>;

  constructor(
    name: string,
    args: LabelsArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Labels", name, {}, opts);

    const name2 = args.name;
    const environment = args.environment ?? "";
    const delimiter = args.delimiter ?? "-";

    const id = [name2, environment].filter((v) => v).join(delimiter);

    const tags = {
      Name: id,
      Environment: environment,
    };

    this.id = pulumi.output(id);
    this.tags = pulumi.output(tags);

    this.registerOutputs({ id: this.id, tags: this.tags });
  }
}
