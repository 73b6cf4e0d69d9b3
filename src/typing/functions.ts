/**
 * The signatures of the model's function vocabulary: Terraform's built-in functions (and the
 * few the CloudFormation lowering adds), each with its family, its result type from its
 * argument types, and how it treats Outputs. The emitter prints each one; a test checks that
 * the two tables name the same functions, and the README's list is generated from this one.
 */
import { ANY, BOOL, iteration, join, joinAll, list, map, NUMBER, opt, STRING, unwrap, type Type } from "./types.js";

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
  | "cloudformation";

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
  chomp: str(),
  endswith: bool(),
  format: str(),
  formatlist: listOf("string", STRING),
  indent: str(),
  join: str(),
  lower: str(),
  replace: str(),
  split: listOf("string", STRING),
  startswith: bool(),
  strcontains: bool(),
  strrev: str(),
  substr: str(),
  templatestring: str(),
  title: str(),
  trim: str(),
  trimprefix: str(),
  trimspace: str(),
  trimsuffix: str(),
  upper: str(),
  // Regular expressions.
  regex: s(ANY, "regex"),
  regexall: listOf("regex", ANY),
  // Numbers.
  abs: num(),
  ceil: num(),
  floor: num(),
  log: num(),
  max: num(),
  min: num(),
  parseint: num(),
  pow: num(),
  signum: num(),
  sum: num("collection"),
  // Collections.
  alltrue: bool("collection"),
  anytrue: bool("collection"),
  chunklist: { family: "collection", result: (a) => list(a[0] ?? list(ANY)) },
  coalesce: { family: "collection", result: (a) => joinAll(a) },
  coalescelist: { family: "collection", result: (a) => joinAll(a) },
  compact: listOf("collection", STRING),
  concat: { family: "collection", outputs: "structural", result: (a) => list(joinAll(a.map(elementOf))) },
  contains: bool("collection"),
  distinct: sameList("collection"),
  element: { family: "collection", outputs: "structural", result: (a) => elementOf(a[0]) },
  flatten: { family: "collection", result: (a) => list(flatElement(a[0] ?? ANY)) },
  index: num("collection"),
  keys: listOf("collection", STRING),
  length: { family: "collection", outputs: "structural", result: () => NUMBER },
  list: { family: "collection", outputs: "structural", result: (a) => list(joinAll(a)) },
  lookup: { family: "collection", outputs: "structural", result: (a) => (a[2] ? join(elementOf(a[0]), a[2]) : elementOf(a[0])) },
  map: { family: "collection", outputs: "structural", result: (a) => map(joinAll(a.filter((_, i) => i % 2 === 1))) },
  matchkeys: sameList("collection"),
  merge: { family: "collection", outputs: "structural", result: mergeType },
  one: { family: "collection", result: (a) => opt(elementOf(a[0])) },
  range: listOf("collection", NUMBER),
  reverse: { family: "collection", outputs: "structural", result: (a) => a[0] ?? list(ANY) },
  setintersection: { family: "collection", result: setOf },
  setproduct: { family: "collection", result: (a) => list(list(joinAll(a.map(elementOf)))) },
  setsubtract: { family: "collection", result: setOf },
  setunion: { family: "collection", result: setOf },
  slice: { family: "collection", outputs: "structural", result: (a) => a[0] ?? list(ANY) },
  sort: listOf("collection", STRING),
  transpose: { family: "collection", result: () => map(list(STRING)) },
  values: { family: "collection", outputs: "structural", result: (a) => list(elementOf(a[0])) },
  zipmap: { family: "collection", outputs: "structural", result: (a) => map(elementOf(a[1])) },
  // Encoding.
  base64decode: str("encoding"),
  base64encode: str("encoding"),
  base64gzip: str("encoding"),
  csvdecode: listOf("encoding", map(STRING)),
  jsondecode: s(ANY, "encoding"),
  jsonencode: { family: "encoding", outputs: "structural", result: () => STRING },
  textdecodebase64: str("encoding"),
  textencodebase64: str("encoding"),
  urlencode: str("encoding"),
  yamldecode: s(ANY, "encoding"),
  yamlencode: str("encoding"),
  // File system.
  abspath: str("filesystem"),
  basename: str("filesystem"),
  dirname: str("filesystem"),
  file: str("filesystem"),
  filebase64: str("filesystem"),
  fileexists: bool("filesystem"),
  fileset: { family: "filesystem", result: () => list(STRING, true) },
  pathexpand: str("filesystem"),
  templatefile: str("filesystem"),
  // Date and time.
  formatdate: str("datetime"),
  plantimestamp: { family: "datetime", impure: true, result: () => STRING },
  timeadd: str("datetime"),
  timecmp: num("datetime"),
  timestamp: { family: "datetime", impure: true, result: () => STRING },
  // Hash and crypto.
  base64sha256: str("hash"),
  base64sha512: str("hash"),
  bcrypt: { family: "hash", impure: true, result: () => STRING },
  filebase64sha256: str("hash"),
  filebase64sha512: str("hash"),
  filemd5: str("hash"),
  filesha1: str("hash"),
  filesha256: str("hash"),
  filesha512: str("hash"),
  md5: str("hash"),
  rsadecrypt: str("hash"),
  sha1: str("hash"),
  sha256: str("hash"),
  sha512: str("hash"),
  uuid: { family: "hash", impure: true, result: () => STRING },
  uuidv5: str("hash"),
  // IP network.
  cidrhost: str("network"),
  cidrnetmask: str("network"),
  cidrsubnet: str("network"),
  cidrsubnets: listOf("network", STRING),
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
  // What the CloudFormation lowering adds to the vocabulary.
  cidr: listOf("cloudformation", STRING),
  tojsonstring: { family: "cloudformation", outputs: "structural", result: () => STRING },
  /** `Fn::FindInMap` with a `DefaultValue`: the value where the keys find one, else the default. */
  withdefault: { family: "cloudformation", result: (a) => join(a[0] ?? ANY, a[1] ?? ANY) },
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

/** Functions of the vocabulary that Terraform documents as built-in (every family but CloudFormation's). */
export function terraformFunctions(): string[] {
  return Object.entries(SIGNATURES)
    .filter(([, s]) => s.family !== "cloudformation")
    .map(([n]) => n)
    .sort();
}
