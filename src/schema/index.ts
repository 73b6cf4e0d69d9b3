/**
 * The schemas of @pulumi/aws, @pulumi/aws-native and @pulumi/random, generated from its type declarations by scripts/gen-schema.mjs.
 * Keys are `module.Name` (`apigateway.Integration`, `iam.getPolicyDocument`); the root
 * module is `index`.
 */
import { createRequire } from "node:module";

/** See scripts/gen-schema.mjs for the encoding. */
export type Shape =
  | "s" | "n" | "b" | "a" | "A" | "F" | "AF"
  | readonly ["l", Shape]
  | readonly ["m", Shape]
  | readonly ["o", string]
  | readonly ["r", string];

export type Props = Readonly<Record<string, Shape>>;

export interface ResourceSchema {
  readonly token: string;
  /** The class @pulumi/aws deprecates this one in favour of (`s3.BucketAcl` for `s3.BucketAclV2`). */
  readonly deprecatedFor?: string;
  readonly args: Props;
  readonly required: readonly string[];
  readonly outputs: Props;
  /** Outputs typed `Output<T | undefined>`: the provider may leave them unset. */
  readonly optionalOutputs?: readonly string[];
  /**
   * How `pulumi import` identifies one: `[attr]` (that attribute's value, `id` for the
   * provider's id) or `[separator, ...attrs]`, from the class's documented import format.
   */
  readonly importId?: readonly string[];
}

export interface FunctionSchema {
  readonly token: string;
  readonly args: Props;
  readonly required: readonly string[];
  readonly result: Props;
  readonly output: boolean;
}

export interface AwsSchema {
  readonly package: string;
  readonly resources: Readonly<Record<string, ResourceSchema>>;
  readonly functions: Readonly<Record<string, FunctionSchema>>;
  readonly inputTypes: Readonly<Record<string, Props>>;
  readonly outputTypes: Readonly<Record<string, Props>>;
}

let cached: AwsSchema | undefined;
let cachedNative: AwsSchema | undefined;
let cachedRandom: AwsSchema | undefined;

export function awsSchema(): AwsSchema {
  cached ??= createRequire(import.meta.url)("./aws-schema.json") as AwsSchema;
  return cached;
}

/**
 * The schema of @pulumi/aws-native (resources and input types only), the fallback for
 * CloudFormation types with no curated classic mapping. Tokens are `aws-native:module:Name`.
 */
export function nativeSchema(): AwsSchema {
  cachedNative ??= createRequire(import.meta.url)("./aws-native-schema.json") as AwsSchema;
  return cachedNative;
}

export function isList(s: Shape | undefined): s is readonly ["l", Shape] {
  return Array.isArray(s) && s[0] === "l";
}

export function objectTypeOf(s: Shape | undefined): string | undefined {
  if (!Array.isArray(s)) return undefined;
  if (s[0] === "o") return s[1] as string;
  if (s[0] === "l") return objectTypeOf(s[1] as Shape);
  return undefined;
}

/** The schema of @pulumi/random (resources only), the target of Terraform's `random_*` resources. */
export function randomSchema(): AwsSchema {
  cachedRandom ??= createRequire(import.meta.url)("./random-schema.json") as AwsSchema;
  return cachedRandom;
}
