import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** Where a variable's type gives defaults: its object attributes (`optional(T, default)`), those of nested objects, of elements. */
interface Defaults {
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly fields?: Readonly<Record<string, Defaults>>;
  readonly elements?: Defaults;
}

/** Terraform's `optional(T, default)`: an attribute left out (or null) takes its default, in objects, lists and maps of them alike. */
function withDefaults<T = any>(value: unknown, defaults: Defaults): T {
  if (value === null || value === undefined) return value as T;
  if (defaults.elements) {
    const each = (v: unknown) => withDefaults(v, defaults.elements!);
    return (
      Array.isArray(value)
        ? value.map(each)
        : Object.fromEntries(
            Object.entries(value as object).map(([k, v]) => [k, each(v)]),
          )
    ) as T;
  }
  const out: Record<string, unknown> = {
    ...(value as Record<string, unknown>),
  };
  for (const [k, d] of Object.entries(defaults.attributes ?? {}))
    if (out[k] === undefined || out[k] === null) out[k] = d;
  for (const [k, d] of Object.entries(defaults.fields ?? {}))
    out[k] = withDefaults(out[k], d);
  return out as T;
}

export interface ServiceArgs {
  settings: { name: string; port?: number };
  queue: pulumi.Input<{
    dead_letter_arn: pulumi.Input<string>;
    retries?: pulumi.Input<number>;
  }>;
}

/** The Terraform module modules/service, as a component. */
export class Service extends pulumi.ComponentResource {
  public readonly port: pulumi.Output<number>;
  public readonly retries: pulumi.Output<number>;

  constructor(
    name: string,
    args: ServiceArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Service", name, {}, opts);

    const settings = withDefaults<{ name: string; port: number }>(
      args.settings,
      { attributes: { port: 8080 } },
    );

    const queue = pulumi
      .output(args.queue)
      .apply((v) =>
        withDefaults<{ dead_letter_arn: string; retries: number }>(v, {
          attributes: { retries: 4 },
        }),
      );

    const work = new aws.sqs.Queue(
      `${name}-work`,
      {
        name: `${settings.name}-work`,
        redrivePolicy: pulumi.jsonStringify({
          deadLetterTargetArn: queue.dead_letter_arn,
          maxReceiveCount: queue.retries,
        }),
      },
      { parent: this },
    );

    this.port = pulumi.output(settings.port);
    this.retries = queue.retries;

    this.registerOutputs({ port: this.port, retries: this.retries });
  }
}
