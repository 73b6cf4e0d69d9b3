/**
 * The schemas of @pulumi/aws, @pulumi/aws-native, @pulumi/random, @pulumi/command and @pulumi/tls, generated from its type declarations by scripts/gen-schema.mjs.
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
  /** An aws-native resource's primary identifier: the properties its `get` function reads it by (in alphabetical order, not the identifier's own). */
  readonly identifier?: readonly string[];
}

export interface FunctionSchema {
  readonly token: string;
  readonly args: Props;
  readonly required: readonly string[];
  readonly result: Props;
  /** Result attributes the package deprecates for another holding the same value (getRegion's `name` → `region`). */
  readonly resultRenamed?: Readonly<Record<string, string>>;
  readonly output: boolean;
}

export interface AwsSchema {
  readonly package: string;
  readonly resources: Readonly<Record<string, ResourceSchema>>;
  readonly functions: Readonly<Record<string, FunctionSchema>>;
  readonly inputTypes: Readonly<Record<string, Props>>;
  readonly outputTypes: Readonly<Record<string, Props>>;
  /** The properties an input type requires (no `?` in the package's types), for the types that require any. */
  readonly inputRequired: Readonly<Record<string, readonly string[]>>;
}

interface ModuleFile {
  readonly resources: Record<string, ResourceSchema>;
  readonly functions: Record<string, FunctionSchema>;
  readonly inputTypes: Record<string, Props>;
  readonly outputTypes: Record<string, Props>;
  readonly inputRequired: Record<string, readonly string[]>;
}

interface SchemaIndex {
  readonly package: string;
  /** Module → its resource and function names (what is iterated; nested types are found by module). */
  readonly modules: Readonly<Record<string, { readonly resources: readonly string[]; readonly functions: readonly string[] }>>;
}

type Section = keyof ModuleFile;

/**
 * A schema read module by module: `resources["apigateway.Integration"]` parses
 * `apigateway.json` the first time a key of that module is asked for, so a program pays for
 * the modules it uses, not for the whole 5 MB. Iterating a section's keys needs only the index;
 * iterating its values loads every module.
 */
function lazySchema(dir: string): AwsSchema {
  const require = createRequire(import.meta.url);
  const index = require(`./${dir}/_index.json`) as SchemaIndex;
  const modules = new Map<string, ModuleFile | null>();
  const load = (module: string): ModuleFile | null => {
    let m = modules.get(module);
    if (m === undefined) {
      m = module in index.modules ? (require(`./${dir}/${module}.json`) as ModuleFile) : null;
      modules.set(module, m);
    }
    return m;
  };
  // Resource and function names are in the index: a key that is not there loads nothing.
  const listed = { resources: new Set<string>(), functions: new Set<string>() };
  for (const [module, names] of Object.entries(index.modules)) {
    for (const n of names.resources) listed.resources.add(`${module}.${n}`);
    for (const n of names.functions) listed.functions.add(`${module}.${n}`);
  }
  const lookup = (section: Section, key: string): unknown => {
    const dot = key.indexOf(".");
    if (dot <= 0) return undefined;
    if ((section === "resources" || section === "functions") && !listed[section].has(key)) return undefined;
    const m = load(key.slice(0, dot));
    return m && Object.prototype.hasOwnProperty.call(m[section], key) ? m[section][key] : undefined;
  };
  const keys = (section: Section): string[] =>
    Object.entries(index.modules).flatMap(([module, names]) =>
      section === "resources" || section === "functions" ? names[section].map((n) => `${module}.${n}`) : Object.keys(load(module)?.[section] ?? {}),
    );
  const view = <T>(section: Section): Readonly<Record<string, T>> =>
    new Proxy({} as Record<string, T>, {
      get: (_, key) => (typeof key === "string" ? lookup(section, key) : undefined),
      has: (_, key) => typeof key === "string" && lookup(section, key) !== undefined,
      ownKeys: () => keys(section),
      getOwnPropertyDescriptor: (_, key) => {
        if (typeof key !== "string") return undefined;
        // Listing keys (Object.keys) must not load the modules: listed keys answer with a getter.
        if (section === "resources" || section === "functions") return listed[section].has(key) ? { get: () => lookup(section, key), enumerable: true, configurable: true } : undefined;
        const value = lookup(section, key);
        return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
      },
    });
  return { package: index.package, resources: view("resources"), functions: view("functions"), inputTypes: view("inputTypes"), outputTypes: view("outputTypes"), inputRequired: view("inputRequired") };
}

let cached: AwsSchema | undefined;
let cachedNative: AwsSchema | undefined;
let cachedRandom: AwsSchema | undefined;

export function awsSchema(): AwsSchema {
  cached ??= lazySchema("aws");
  return cached;
}

/**
 * The schema of @pulumi/aws-native (resources and input types only), the fallback for
 * CloudFormation types with no curated classic mapping. Tokens are `aws-native:module:Name`.
 */
export function nativeSchema(): AwsSchema {
  cachedNative ??= lazySchema("aws-native");
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
  cachedRandom ??= lazySchema("random");
  return cachedRandom;
}

let cachedCommand: AwsSchema | undefined;

/** The schema of @pulumi/command (resources only), the target of a `null_resource`'s `local-exec` provisioners. */
export function commandSchema(): AwsSchema {
  cachedCommand ??= lazySchema("command");
  return cachedCommand;
}

let cachedTls: AwsSchema | undefined;

/** The schema of @pulumi/tls (its resources and data sources), the target of Terraform's `tls_*` resources and data sources. */
export function tlsSchema(): AwsSchema {
  cachedTls ??= lazySchema("tls");
  return cachedTls;
}
