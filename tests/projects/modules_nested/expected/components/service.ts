import * as pulumi from "@pulumi/pulumi";
import { Api } from "./api";

export interface ServiceArgs {
  name: string;
}

/** The Terraform module modules/service, as a component. */
export class Service extends pulumi.ComponentResource {
  public readonly url: pulumi.Output<string>;
  public readonly functionName: pulumi.Output<string>;

  constructor(
    name: string,
    args: ServiceArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Service", name, {}, opts);

    const name2 = args.name;

    const api = new Api(
      `${name}-api`,
      {
        apiName: `${name2}-api`,
        stageName: "live",
      },
      { parent: this },
    );

    this.url = api.invokeUrl;
    this.functionName = api.handlerName;

    this.registerOutputs({ url: this.url, functionName: this.functionName });
  }
}
