/**
 * The signatures of the model's function vocabulary: Terraform's built-in functions (and the
 * few the CloudFormation lowering and the typing pass add), each with its family, its result
 * type from its argument types, and how it treats Outputs. The emitter prints each one; a test
 * checks that the two tables name the same functions, and the README's list is generated from
 * this one.
 */
import { ANY, BOOL, iteration, join, joinAll, list, map, NUMBER, opt, required, STRING, unwrap, type Type } from "./types.js";

export type Family =
  | "string"
  | "regex"
  | "numeric"
  | "collection"
  | "encoding"
  | "filesystem"
  | "datetime"
  | "hash"
  | "network"
  | "conversion"
  | "provider"
  | "cloudformation"
  | "converter";

export interface Signature {
  readonly family: Family;
  /** The result type from the argument types (plain: lifted arguments are unwrapped). */
  readonly result: (args: readonly Type[]) => Type;
  /**
   * How Outputs among the arguments are handled: `lift` (the default) runs the function inside
   * `.apply`; `structural` functions only move values, so arguments holding outputs (not being
   * outputs) pass through; `outputs` functions take outputs themselves (`pulumi.secret`).
   */
  readonly outputs?: "lift" | "structural" | "outputs";
  /** Not a function with a value Terraform fixes: evaluated each time the program runs. */
  readonly impure?: boolean;
  /**
   * The primitive parameters Terraform converts arguments to: one letter a parameter (`s`
   * string, `n` number, `b` bool, `c` a string or collection, never null, `a` anything else),
   * `*` after the last repeating it. Only `a` takes null.
   */
  readonly params?: string;
  /** Not converted: a placeholder stands in, and this says why. */
  readonly unsupported?: string;
}

const s = (result: Type, family: Family): Signature => ({ family, result: () => result });
const str = (family: Family = "string") => s(STRING, family);
const num = (family: Family = "numeric") => s(NUMBER, family);
const bool = (family: Family = "string") => s(BOOL, family);
const elementOf = (t: Type | undefined): Type => (t ? iteration(t).value : ANY);
const sameList = (family: Family): Signature => ({ family, result: (a) => a[0] ?? list(ANY) });
const listOf = (family: Family, of: Type): Signature => ({ family, result: () => list(of) });
const setOf = (args: readonly Type[]): Type => list(joinAll(args.map(elementOf)), true);

export const SIGNATURES: Readonly<Record<string, Signature>> = {
  // Strings.
  chomp: { ...str(), params: "s" },
  endswith: { ...bool(), params: "ss" },
  format: { ...str(), params: "sa*" },
  formatlist: { ...listOf("string", STRING), params: "sa*" },
  indent: { ...str(), params: "ns" },
  join: { ...str(), params: "sa*" },
  lower: { ...str(), params: "s" },
  replace: { ...str(), params: "sss" },
  split: { ...listOf("string", STRING), params: "ss" },
  startswith: { ...bool(), params: "ss" },
  strcontains: { ...bool(), params: "ss" },
  strrev: { ...str(), params: "s" },
  substr: { ...str(), params: "snn" },
  templatestring: { ...str(), params: "sa" },
  title: { ...str(), params: "s" },
  trim: { ...str(), params: "ss" },
  trimprefix: { ...str(), params: "ss" },
  trimspace: { ...str(), params: "s" },
  trimsuffix: { ...str(), params: "ss" },
  upper: { ...str(), params: "s" },
  // Regular expressions.
  regex: { ...s(ANY, "regex"), params: "ss" },
  regexall: { ...listOf("regex", ANY), params: "ss" },
  // Numbers.
  abs: { ...num(), params: "n" },
  ceil: { ...num(), params: "n" },
  floor: { ...num(), params: "n" },
  log: { ...num(), params: "nn" },
  max: { ...num(), params: "n*" },
  min: { ...num(), params: "n*" },
  parseint: { ...num(), params: "sn" },
  pow: { ...num(), params: "nn" },
  signum: { ...num(), params: "n" },
  sum: num("collection"),
  // Collections.
  alltrue: bool("collection"),
  anytrue: bool("collection"),
  chunklist: { family: "collection", result: (a) => list(a[0] ?? list(ANY)), params: "an" },
  coalesce: { family: "collection", result: (a) => joinAll(a) },
  coalescelist: { family: "collection", result: (a) => joinAll(a) },
  compact: listOf("collection", STRING),
  concat: { family: "collection", outputs: "structural", result: (a) => list(joinAll(a.map(elementOf))) },
  contains: bool("collection"),
  distinct: sameList("collection"),
  element: { family: "collection", outputs: "structural", result: (a) => elementOf(a[0]), params: "an" },
  flatten: { family: "collection", result: (a) => list(flatElement(a[0] ?? ANY)) },
  index: num("collection"),
  keys: listOf("collection", STRING),
  length: { family: "collection", outputs: "structural", result: () => NUMBER, params: "c" },
  list: { family: "collection", outputs: "structural", result: (a) => list(joinAll(a)) },
  lookup: { family: "collection", outputs: "structural", result: (a) => (a[2] ? join(elementOf(a[0]), a[2]) : elementOf(a[0])) },
  map: { family: "collection", outputs: "structural", result: (a) => map(joinAll(a.filter((_, i) => i % 2 === 1))) },
  matchkeys: sameList("collection"),
  merge: { family: "collection", outputs: "structural", result: mergeType },
  one: { family: "collection", result: (a) => opt(elementOf(a[0])) },
  range: { ...listOf("collection", NUMBER), params: "n*" },
  reverse: { family: "collection", outputs: "structural", result: (a) => a[0] ?? list(ANY) },
  setintersection: { family: "collection", result: setOf },
  setproduct: { family: "collection", result: (a) => list(list(joinAll(a.map(elementOf)))) },
  setsubtract: { family: "collection", result: setOf },
  setunion: { family: "collection", result: setOf },
  slice: { family: "collection", outputs: "structural", result: (a) => a[0] ?? list(ANY), params: "ann" },
  sort: listOf("collection", STRING),
  transpose: { family: "collection", result: () => map(list(STRING)) },
  values: { family: "collection", outputs: "structural", result: (a) => list(elementOf(a[0])) },
  zipmap: { family: "collection", outputs: "structural", result: (a) => map(elementOf(a[1])) },
  // Encoding.
  base64decode: { ...str("encoding"), params: "s" },
  base64encode: { ...str("encoding"), params: "s" },
  base64gzip: { ...str("encoding"), params: "s" },
  csvdecode: { ...listOf("encoding", map(STRING)), params: "s" },
  jsondecode: { ...s(ANY, "encoding"), params: "s" },
  jsonencode: { family: "encoding", outputs: "structural", result: () => STRING },
  textdecodebase64: { ...str("encoding"), params: "ss" },
  textencodebase64: { ...str("encoding"), params: "ss" },
  urlencode: { ...str("encoding"), params: "s" },
  yamldecode: { ...s(ANY, "encoding"), params: "s" },
  yamlencode: str("encoding"),
  // File system.
  abspath: { ...str("filesystem"), params: "s" },
  basename: { ...str("filesystem"), params: "s" },
  dirname: { ...str("filesystem"), params: "s" },
  file: { ...str("filesystem"), params: "s" },
  filebase64: { ...str("filesystem"), params: "s" },
  fileexists: { ...bool("filesystem"), params: "s" },
  fileset: { family: "filesystem", result: () => list(STRING, true), params: "ss" },
  pathexpand: { ...str("filesystem"), params: "s" },
  templatefile: { ...str("filesystem"), params: "sa" },
  // Date and time.
  formatdate: { ...str("datetime"), params: "ss" },
  plantimestamp: { family: "datetime", impure: true, result: () => STRING },
  timeadd: { ...str("datetime"), params: "ss" },
  timecmp: { ...num("datetime"), params: "ss" },
  timestamp: { family: "datetime", impure: true, result: () => STRING },
  // Hash and crypto.
  base64sha256: { ...str("hash"), params: "s" },
  base64sha512: { ...str("hash"), params: "s" },
  bcrypt: { family: "hash", impure: true, result: () => STRING, unsupported: "salts at random on every run; hash with a bcrypt library where the program needs it" },
  filebase64sha256: { ...str("hash"), params: "s" },
  filebase64sha512: { ...str("hash"), params: "s" },
  filemd5: { ...str("hash"), params: "s" },
  filesha1: { ...str("hash"), params: "s" },
  filesha256: { ...str("hash"), params: "s" },
  filesha512: { ...str("hash"), params: "s" },
  md5: { ...str("hash"), params: "s" },
  rsadecrypt: { ...str("hash"), params: "ss" },
  sha1: { ...str("hash"), params: "s" },
  sha256: { ...str("hash"), params: "s" },
  sha512: { ...str("hash"), params: "s" },
  uuid: { family: "hash", impure: true, result: () => STRING },
  uuidv5: { ...str("hash"), params: "ss" },
  // IP network.
  cidrhost: { ...str("network"), params: "sn" },
  cidrnetmask: { ...str("network"), params: "s" },
  cidrsubnet: { ...str("network"), params: "snn" },
  cidrsubnets: { ...listOf("network", STRING), params: "sn*" },
  // Type conversion.
  can: { family: "conversion", result: () => BOOL },
  ephemeralasnull: { family: "conversion", outputs: "outputs", result: (a) => a[0] ?? ANY },
  issensitive: { family: "conversion", outputs: "outputs", result: () => BOOL },
  nonsensitive: { family: "conversion", outputs: "outputs", result: (a) => a[0] ?? ANY },
  sensitive: { family: "conversion", outputs: "outputs", result: (a) => a[0] ?? ANY },
  tobool: { family: "conversion", result: () => opt(BOOL) },
  tolist: { family: "conversion", outputs: "structural", result: (a) => list(elementOf(a[0])) },
  tomap: { family: "conversion", outputs: "structural", result: (a) => map(elementOf(a[0])) },
  tonumber: { family: "conversion", result: (a) => (a[0]?.k === "number" ? NUMBER : opt(NUMBER)) },
  toset: { family: "conversion", result: (a) => list(elementOf(a[0]), true) },
  tostring: { family: "conversion", result: (a) => (a[0]?.k === "string" || a[0]?.k === "number" || a[0]?.k === "bool" ? STRING : opt(STRING)) },
  try: { family: "conversion", result: (a) => joinAll(a) },
  // The AWS provider's functions (`provider::aws::…`).
  "provider::aws::arn_build": { ...str("provider"), params: "sssss" },
  "provider::aws::arn_parse": { family: "provider", params: "s", result: () => ({ k: "object", fields: { partition: STRING, service: STRING, region: STRING, account_id: STRING, resource: STRING } }) },
  "provider::aws::trim_iam_role_path": { ...str("provider"), params: "s" },
  // What the CloudFormation lowering adds to the vocabulary.
  cidr: { ...listOf("cloudformation", STRING), params: "snn" },
  tojsonstring: { family: "cloudformation", outputs: "structural", result: () => STRING },
  /** `Fn::FindInMap` with a `DefaultValue`: the value where the keys find one, else the default. */
  withdefault: { family: "cloudformation", result: (a) => join(a[0] ?? ANY, a[1] ?? ANY) },
  // What the typing pass inserts, from any source.
  /** A value the provider may leave unset, where a required argument takes it (typing/coerce.ts): taken as set. */
  present: { family: "converter", result: (a) => required(a[0] ?? ANY) },
};

function flatElement(t: Type): Type {
  const u = unwrap(t);
  if (u.k === "list") return flatElement(u.of);
  if (u.k === "tuple") return joinAll(u.of.map(flatElement));
  return t;
}

function mergeType(args: readonly Type[]): Type {
  const fields: Record<string, Type> = {};
  for (const a of args) {
    if (a.k === "object") Object.assign(fields, a.fields);
    else if (a.k !== "null") return map(joinAll(args.map((x) => iteration(x).value)));
  }
  return { k: "object", fields };
}

/** Functions of the vocabulary that Terraform documents as built-in (every family but what the CloudFormation lowering and the typing pass add). */
export function terraformFunctions(): string[] {
  return Object.entries(SIGNATURES)
    .filter(([, s]) => s.family !== "cloudformation" && s.family !== "converter")
    .map(([n]) => n)
    .sort();
}
