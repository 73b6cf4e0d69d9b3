/** Terraform's IP network functions, IPv4 and IPv6 (see ./strings.ts). */

/** An address prefix: the address as a number of `bits` bits, and the prefix length. */
interface Prefix {
  readonly address: bigint;
  readonly length: number;
  readonly bits: 32 | 128;
}

/** Reads `10.0.0.0/8` or `fd00::/56`; octets with leading zeros are decimal, as in Terraform. */
export function parseCidr(text: string): Prefix {
  const slash = text.indexOf("/");
  const prefixLength = Number(text.slice(slash + 1));
  const ip = text.slice(0, slash);
  let address = 0n;
  let bits: 32 | 128;
  if (!ip.includes(":")) {
    const octets = ip.split(".");
    if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) throw new Error(`invalid CIDR address ${text}`);
    for (const o of octets) address = (address << 8n) | BigInt(Number(o));
    bits = 32;
  } else {
    const [head, tail] = ip.includes("::") ? ip.split("::") : [ip, undefined];
    const groups = (s: string | undefined) => (s ? s.split(":") : []);
    const left = groups(head);
    const right = groups(tail);
    const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
    const all = [...left, ...fill, ...right];
    if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) throw new Error(`invalid CIDR address ${text}`);
    for (const g of all) address = (address << 16n) | BigInt(parseInt(g, 16));
    bits = 128;
  }
  if (slash < 0 || !Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > bits) throw new Error(`invalid CIDR address ${text}`);
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefixLength)) - 1n);
  return { address: address & mask, length: prefixLength, bits };
}

/** An address as Go prints it: dotted for IPv4, RFC 5952 for IPv6 (the longest zero run as `::`). */
export function formatAddress(address: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((address >> s) & 255n)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((address >> BigInt(112 - 16 * i)) & 0xffffn));
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

/** Terraform's cidrhost(): the address of host number `hostnum` (negative: from the end). */
export function cidrhost(prefix: string, hostnum: number): string {
  const p = parseCidr(prefix);
  const size = 1n << BigInt(p.bits - p.length);
  const host = hostnum < 0 ? size + BigInt(hostnum) : BigInt(hostnum);
  if (host < 0n || host >= size) throw new Error(`cidrhost: prefix ${prefix} has no host number ${hostnum}`);
  return formatAddress(p.address + host, p.bits);
}

/** Terraform's cidrnetmask(): the subnet mask of an IPv4 prefix. */
export function cidrnetmask(prefix: string): string {
  const p = parseCidr(prefix);
  if (p.bits !== 32) throw new Error("cidrnetmask: only IPv4 prefixes have a netmask");
  return formatAddress(((1n << 32n) - 1n) ^ ((1n << BigInt(32 - p.length)) - 1n), 32);
}

/** Terraform's cidrsubnet(): subnet number `netnum` of `newbits` more bits. */
export function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const p = parseCidr(prefix);
  const bits = p.length + newbits;
  if (bits > p.bits) throw new Error(`cidrsubnet: insufficient address space to extend prefix of ${p.length} by ${newbits}`);
  if (netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) throw new Error(`cidrsubnet: prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return `${formatAddress(p.address | (BigInt(netnum) << BigInt(p.bits - bits)), p.bits)}/${bits}`;
}

/** Terraform's cidrsubnets(): consecutive subnets of `newbits` more bits each, aligned, in order. */
export function cidrsubnets(prefix: string, ...newbits: number[]): string[] {
  const p = parseCidr(prefix);
  const end = p.address + (1n << BigInt(p.bits - p.length));
  let next = p.address;
  return newbits.map((n) => {
    const bits = p.length + n;
    if (n < 1 || bits > p.bits) throw new Error(`cidrsubnets: invalid new bits ${n} for prefix ${prefix}`);
    const size = 1n << BigInt(p.bits - bits);
    const start = ((next + size - 1n) / size) * size;
    if (start + size > end) throw new Error(`cidrsubnets: not enough remaining address space for a subnet with a prefix of ${bits} bits after ${formatAddress(next, p.bits)}`);
    next = start + size;
    return `${formatAddress(start, p.bits)}/${bits}`;
  });
}

/** CloudFormation's Fn::Cidr: `count` IPv4 subnets of `2^bits` addresses each. */
export function cidr(block: string, count: number, bits: number): string[] {
  const p = parseCidr(block);
  return Array.from({ length: count }, (_, i) => `${formatAddress(p.address + BigInt(i) * (1n << BigInt(bits)), p.bits)}/${p.bits - bits}`);
}
