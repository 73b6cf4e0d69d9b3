import * as pulumi from "@pulumi/pulumi";
import { B } from "./b";

export interface AArgs {}

/** The Terraform module modules/a, as a component. */
export class A extends pulumi.ComponentResource {
  public readonly name: pulumi.Output<string>;

  constructor(
    name: string,
    args: AArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:A", name, {}, opts);

    const b = new B(`${name}-b`, {}, { parent: this });

    this.name = pulumi.output("a");

    this.registerOutputs({ name: this.name });
  }
}
