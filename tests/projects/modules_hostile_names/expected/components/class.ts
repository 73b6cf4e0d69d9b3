import * as pulumi from "@pulumi/pulumi";

export interface ClassArgs {
  default?: string;
}

/** The Terraform module modules/class, as a component. */
export class Class extends pulumi.ComponentResource {
  public readonly default: pulumi.Output<string>;

  constructor(
    name: string,
    args: ClassArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Class", name, {}, opts);

    const default_ = args.default ?? "class";

    this.default = pulumi.output(default_);

    this.registerOutputs({ default: this.default });
  }
}
