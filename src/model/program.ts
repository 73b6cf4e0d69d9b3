import type { Comments, Expr } from "./expr.js";
import type { Location } from "./location.js";

/**
 * The source-neutral model a parser lowers to: what the user declared, in source order,
 * with comments and locations. Mappers turn it into a {@link PulumiProgram}.
 */
export interface SourceProgram {
  readonly format: "terraform" | "cloudformation";
  readonly items: readonly SourceItem[];
  /** Comments at the end of a file that belong to nothing after them. */
  readonly trailingComments: readonly string[];
}

export type SourceItem = Variable | Local | Resource | ModuleCall | Output | ProviderConfig | ImportBlock | MovedBlock | RemovedBlock | CheckBlock | Note;

/** A body attribute or nested block, in source order. */
export type BodyItem = Attribute | Block | DynamicBlock;

export interface Attribute {
  readonly kind: "attribute";
  readonly name: string;
  readonly value: Expr;
  readonly loc: Location;
  readonly comments?: Comments;
}

export interface Block {
  readonly kind: "block";
  readonly name: string;
  readonly labels: readonly string[];
  readonly body: readonly BodyItem[];
  readonly loc: Location;
  readonly comments?: Comments;
}

export interface DynamicBlock {
  readonly kind: "dynamic";
  /** The block type it generates. */
  readonly name: string;
  readonly forEach: Expr;
  /** The iterator name (`iterator = x`), defaults to the block name. */
  readonly iterator: string;
  readonly content: readonly BodyItem[];
  readonly loc: Location;
  readonly comments?: Comments;
}

export type VariableType =
  | { readonly kind: "string" }
  | { readonly kind: "number" }
  | { readonly kind: "bool" }
  | { readonly kind: "any" }
  | { readonly kind: "list"; readonly element: VariableType; /** `set(…)`: no duplicates, sorted. */ readonly set?: boolean }
  | { readonly kind: "map"; readonly element: VariableType }
  /** `optional(T, default)`: an attribute that may be left out, and what it then is. */
  | { readonly kind: "object"; readonly fields: readonly { name: string; type: VariableType; optional: boolean; default?: Expr }[] }
  | { readonly kind: "tuple"; readonly elements: readonly VariableType[] };

export interface Variable {
  readonly kind: "variable";
  readonly name: string;
  /** Undefined: no type given. */
  readonly type?: VariableType;
  readonly default?: Expr;
  readonly description?: string;
  readonly sensitive: boolean;
  /** Allowed values (CloudFormation `AllowedValues`), pattern, bounds: checked at run time. */
  readonly allowedValues?: readonly Expr[];
  readonly constraints?: Constraints;
  /** CloudFormation `AWS::SSM::Parameter::Value<T>`: the value is read from SSM by this name; `T`. */
  readonly ssmParameter?: string;
  /** Terraform `validation` blocks: a condition over the value and the message when it fails. */
  readonly validations?: readonly Validation[];
  readonly loc: Location;
  readonly comments?: Comments;
}

/**
 * A `provisioner` block converted to a command: `local-exec` (its `command`), `remote-exec` (its
 * `inline` commands) or `file` (its `source` or `content` copied to `destination`), with the
 * `connection` it runs over (its own, else the resource's).
 */
export interface ProvisionerRun {
  readonly kind: "local-exec" | "remote-exec" | "file";
  readonly command?: Expr;
  readonly inline?: Expr;
  readonly source?: Expr;
  readonly content?: Expr;
  readonly destination?: Expr;
  /** The `connection` block's arguments, by their Terraform names. */
  readonly connection?: Readonly<Record<string, Expr>>;
  /** `when = destroy`: run when the resource is destroyed. */
  readonly onDestroy: boolean;
  readonly workingDir?: Expr;
  readonly environment?: Expr;
  readonly interpreter?: Expr;
  /** `on_failure = continue`: a failure does not fail the resource. */
  readonly continueOnFailure: boolean;
  readonly loc: Location;
}

export interface Validation {
  readonly condition: Expr;
  readonly message: Expr;
  /** Who reports the failure, where it is not the variable (a CloudFormation rule: `rule Name`). */
  readonly subject?: string;
  readonly loc: Location;
}

/** CloudFormation parameter constraints. */
export interface Constraints {
  readonly pattern?: string;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** `ConstraintDescription`: the message when a check fails. */
  readonly message?: string;
}

export interface Local {
  readonly kind: "local";
  readonly name: string;
  /** CloudFormation Mappings and Conditions have namespaces of their own. */
  readonly role?: "mapping" | "condition";
  readonly value: Expr;
  readonly loc: Location;
  readonly comments?: Comments;
}

export interface ResourceMeta {
  readonly count?: Expr;
  readonly forEach?: Expr;
  readonly dependsOn: readonly Expr[];
  readonly provider?: Expr;
  readonly protect?: boolean;
  readonly ignoreChanges?: readonly string[];
  readonly retainOnDelete?: boolean;
  readonly createBeforeDestroy?: boolean;
  readonly condition?: Expr;
  /** `lifecycle { replace_triggered_by = [...] }`: resources or attributes whose change replaces this one. */
  readonly replaceTriggeredBy?: readonly Expr[];
  /** The resource had `provisioner` (or `connection`) blocks. */
  readonly provisioners?: boolean;
  /** Its `local-exec`, `remote-exec` and `file` provisioners, in order: `@pulumi/command` commands (mappers/terraform/command.ts). */
  readonly provisionerRuns?: readonly ProvisionerRun[];
  /** `lifecycle { precondition { … } }`: checked before the resource is planned. */
  readonly preconditions?: readonly Validation[];
  /** `timeouts { create = "30m" }`: how long each operation may take (Go durations, as Pulumi's customTimeouts read them too). */
  readonly timeouts?: Timeouts;
}

export interface Timeouts {
  readonly create?: string;
  readonly update?: string;
  readonly delete?: string;
}

export interface Resource {
  readonly kind: "resource";
  /** `managed` resources and `data` sources share the shape. */
  readonly mode: "managed" | "data";
  /** An `ephemeral` block (Terraform 1.10): read as the data source of its type (mode "data"), `ephemeral.T.N` as `data.T.N`. */
  readonly ephemeral?: boolean;
  readonly type: string;
  readonly name: string;
  readonly body: readonly BodyItem[];
  readonly meta: ResourceMeta;
  readonly loc: Location;
  readonly comments?: Comments;
}

/** A `module` block: a call of another module directory (or a downloaded copy of a registry module). */
export interface ModuleCall {
  readonly kind: "module";
  readonly name: string;
  /** `source` as written: `./modules/api`, `../x`, `clouddrove/labels/aws`, `git::…`. */
  readonly source: string;
  readonly version?: string;
  /** The module's input variables, as written. */
  readonly args: readonly Attribute[];
  /** `count`, `for_each`, `depends_on` (a module call has no `provider`, it has `providers`). */
  readonly meta: ResourceMeta;
  /** `providers = { aws = aws.west }`. */
  readonly providers?: Expr;
  readonly loc: Location;
  readonly comments?: Comments;
}

export interface Output {
  readonly kind: "output";
  readonly name: string;
  readonly value: Expr;
  readonly description?: string;
  /** CloudFormation `Export.Name`. */
  readonly exportName?: Expr;
  /** CloudFormation output `Condition`. */
  readonly condition?: Expr;
  readonly sensitive: boolean;
  readonly loc: Location;
  /** Where the value is written (`value = …`, `Value:`), for what is said about it. */
  readonly valueLoc?: Location;
  readonly comments?: Comments;
}

export interface ProviderConfig {
  readonly kind: "provider";
  readonly name: string;
  readonly alias?: string;
  readonly body: readonly BodyItem[];
  readonly loc: Location;
  readonly comments?: Comments;
}

/** Something the source declares that has no declaration in Pulumi, carried as a comment. */
/** Terraform 1.5's `import { to = aws_x.y, id = "…" }`: an existing resource the program adopts (an entry of the project's import.json). */
export interface ImportBlock {
  readonly kind: "import";
  /** The resource instance, as a reference (`aws_s3_bucket.this["logs"]`, `module.m.aws_x.y`). */
  readonly to?: Expr;
  /** The ID the resource is imported by (Terraform's and the bridged Pulumi provider's are the same). */
  readonly id?: Expr;
  /** `for_each` (Terraform 1.7): one import per element. */
  readonly forEach?: Expr;
  readonly loc: Location;
  readonly comments?: Comments;
}

/** `moved { from = aws_x.a, to = aws_x.b }`: what the state holds at `from` is the program's `to`. */
export interface MovedBlock {
  readonly kind: "moved";
  readonly from?: Expr;
  readonly to?: Expr;
  readonly loc: Location;
  readonly comments?: Comments;
}

/** `removed { from = aws_x.a }` (Terraform 1.7): no longer managed; `destroy` (default true) unless `lifecycle { destroy = false }`. */
export interface RemovedBlock {
  readonly kind: "removed";
  readonly from?: Expr;
  readonly destroy: boolean;
  readonly loc: Location;
  readonly comments?: Comments;
}

/** `check "name" { assert { condition, error_message } }` (Terraform 1.5): its scoped data sources are data resources of their own. */
export interface CheckBlock {
  readonly kind: "check";
  readonly name: string;
  readonly asserts: readonly Validation[];
  /** Its scoped data sources' addresses (`data.aws_s3_bucket.logs`). */
  readonly data: readonly string[];
  readonly loc: Location;
  readonly comments?: Comments;
}

export interface Note {
  readonly kind: "note";
  readonly text: string;
  readonly loc: Location;
  readonly comments?: Comments;
}
