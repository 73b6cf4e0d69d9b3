import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** The characters of a string as Terraform counts them: grapheme clusters. */
function graphemes(s: string): string[] {
  return Array.from(new Intl.Segmenter().segment(s), (g) => g.segment);
}

/** Terraform's length(): characters of a string, elements of a list, attributes of a map. */
function length(value: string | readonly unknown[] | object): number {
  if (typeof value === "string") return graphemes(value).length;
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** An address prefix: the address as a number of `bits` bits, and the prefix length. */
interface Prefix {
  readonly address: bigint;
  readonly length: number;
  readonly bits: 32 | 128;
}

/** Reads `10.0.0.0/8` or `fd00::/56`; octets with leading zeros are decimal, as in Terraform. */
function parseCidr(text: string): Prefix {
  const slash = text.indexOf("/");
  const prefixLength = Number(text.slice(slash + 1));
  const ip = text.slice(0, slash);
  let address = 0n;
  let bits: 32 | 128;
  if (!ip.includes(":")) {
    const octets = ip.split(".");
    if (
      octets.length !== 4 ||
      octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)
    )
      throw new Error(`invalid CIDR address ${text}`);
    for (const o of octets) address = (address << 8n) | BigInt(Number(o));
    bits = 32;
  } else {
    const [head, tail] = ip.includes("::") ? ip.split("::") : [ip, undefined];
    const groups = (s: string | undefined) => (s ? s.split(":") : []);
    const left = groups(head);
    const right = groups(tail);
    const fill =
      tail === undefined
        ? []
        : Array<string>(8 - left.length - right.length).fill("0");
    const all = [...left, ...fill, ...right];
    if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g)))
      throw new Error(`invalid CIDR address ${text}`);
    for (const g of all) address = (address << 16n) | BigInt(parseInt(g, 16));
    bits = 128;
  }
  if (
    slash < 0 ||
    !Number.isInteger(prefixLength) ||
    prefixLength < 0 ||
    prefixLength > bits
  )
    throw new Error(`invalid CIDR address ${text}`);
  const mask =
    ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefixLength)) - 1n);
  return { address: address & mask, length: prefixLength, bits };
}

/** An address as Go prints it: dotted for IPv4, RFC 5952 for IPv6 (the longest zero run as `::`). */
function formatAddress(address: bigint, bits: 32 | 128): string {
  if (bits === 32)
    return [24n, 16n, 8n, 0n]
      .map((s) => String((address >> s) & 255n))
      .join(".");
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((address >> BigInt(112 - 16 * i)) & 0xffffn),
  );
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLength).join(":")}`;
}

/** Terraform's cidrsubnet(): subnet number `netnum` of `newbits` more bits. */
function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const p = parseCidr(prefix);
  const bits = p.length + newbits;
  if (bits > p.bits)
    throw new Error(
      `cidrsubnet: insufficient address space to extend prefix of ${p.length} by ${newbits}`,
    );
  if (netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits))
    throw new Error(
      `cidrsubnet: prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`,
    );
  return `${formatAddress(p.address | (BigInt(netnum) << BigInt(p.bits - bits)), p.bits)}/${bits}`;
}

export interface VpcArgs {
  cidr: string;
  azCount?: number;
  /** What data aws_availability_zones.available answers, read by the program that creates this component before anything is created (its loops count it; a constructor cannot wait). */
  available: aws.GetAvailabilityZonesResult;
}

/** The Terraform module modules/vpc, as a component. */
export class Vpc extends pulumi.ComponentResource {
  public readonly privateSubnetIds: pulumi.Output<string[]>;
  public readonly publicSubnetIds: pulumi.Output<string[]>;

  constructor(
    name: string,
    args: VpcArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Vpc", name, {}, opts);

    const cidr = args.cidr;
    const azCount = args.azCount ?? 2;
    const available = args.available;

    const this_ = new aws.ec2.Vpc(
      `${name}-this`,
      {
        cidrBlock: cidr,
      },
      { parent: this },
    );

    const private_: aws.ec2.Subnet[] = [];
    for (let i = 0; i < azCount; i++) {
      private_.push(
        new aws.ec2.Subnet(
          `${name}-private-${i}`,
          {
            vpcId: this_.id,
            cidrBlock: cidrsubnet(cidr, 8, i),
            availabilityZone: available.names[i],
          },
          { parent: this },
        ),
      );
    }

    const public_: aws.ec2.Subnet[] = [];
    for (let i = 0; i < length(available.names); i++) {
      public_.push(
        new aws.ec2.Subnet(
          `${name}-public-${i}`,
          {
            vpcId: this_.id,
            cidrBlock: cidrsubnet(cidr, 8, 100 + i),
            availabilityZone: available.names[i],
          },
          { parent: this },
        ),
      );
    }

    this.privateSubnetIds = pulumi.output(private_.map((v) => v.id));
    this.publicSubnetIds = pulumi.output(public_.map((v) => v.id));

    this.registerOutputs({
      privateSubnetIds: this.privateSubnetIds,
      publicSubnetIds: this.publicSubnetIds,
    });
  }
}
