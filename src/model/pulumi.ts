import type { Comments, Expr } from "./expr.js";
import type { Location } from "./location.js";
import type { Constraints, Timeouts, VariableType } from "./program.js";

/**
 * The Pulumi program the mappers build and the emitter prints. Declarations come in source
 * order; the emitter orders them by dependency. Expressions refer to declarations through
 * `ref` nodes with a `decl` target. Calls are either Terraform-style function names (`join`,
 * `jsonencode`, …, the shared function vocabulary of both source formats), or qualified
 * TypeScript names (`aws.getRegionOutput`), or constructors written `new X`.
 */
export interface PulumiProgram {
  readonly decls: readonly Decl[];
  readonly trailingComments: readonly string[];
}

export type Decl = ConfigDecl | ConstDecl | InvokeDecl | ResourceDecl | ExportDecl | AssertionDecl | CommentDecl;

interface DeclBase {
  /** Unique id; references use it. */
  readonly id: string;
  /** The name the source used; the naming module derives the TypeScript name from it. */
  readonly sourceName: string;
  readonly loc?: Location;
  readonly comments?: Comments;
}

export type ConfigType =
  | { readonly kind: "string" }
  | { readonly kind: "number" }
  | { readonly kind: "boolean" }
  | { readonly kind: "object"; readonly type: VariableType };

export interface ConfigDecl extends DeclBase {
  readonly kind: "config";
  readonly key: string;
  readonly type: ConfigType;
  readonly default?: Expr;
  /** `default = null`: the value may be absent (`config.get`, no fallback). */
  readonly optional?: boolean;
  /** Declared with neither a type nor a default: the typing pass reads it as its uses need. */
  readonly untyped?: boolean;
  readonly secret: boolean;
  /** A component's argument that callers may pass as an Output (`pulumi.Input<T>`). */
  readonly input?: boolean;
  /** A component's argument typed by a TypeScript type of a package (`aws.GetAvailabilityZonesResult`, a data source's answer the caller reads). */
  readonly tsType?: string;
  readonly description?: string;
  /** Allowed values, checked when the program runs. */
  readonly allowedValues?: readonly Expr[];
  /** Pattern, bounds and lengths, checked when the program runs. */
  readonly constraints?: Constraints;
  /** Conditions over the value (Terraform `validation`), each with the message its failure throws. */
  readonly checks?: readonly Check[];
}

export interface ConstDecl extends DeclBase {
  readonly kind: "const";
  readonly value: Expr;
  /** A type annotation, where inference would be too narrow (a lookup table read by computed keys). */
  readonly type?: VariableType;
}

export interface InvokeDecl extends DeclBase {
  readonly kind: "invoke";
  /** `aws.iam.getPolicyDocumentOutput` */
  readonly fn: string;
  readonly args: Expr;
  readonly options: ResourceOptions;
  /** `count` / `for_each` on a data source: one invoke per instance. */
  readonly repeat?: Repeat;
  /** Read before anything is created (a loop counts its result): `await aws.x.getY({…})`, a plain value (typing/await.ts). */
  readonly awaited?: boolean;
}

export type Repeat =
  | { readonly kind: "count"; readonly count: Expr }
  | { readonly kind: "forEach"; readonly collection: Expr; readonly set: boolean }
  /**
   * Zero or one instance. `list`: Terraform's `count = cond ? 1 : 0`, whose bare reference
   * (`aws_x.y`, not `aws_x.y[0]`) is a list of zero or one; a CloudFormation `Condition`'s
   * reference is the resource itself.
   */
  | { readonly kind: "conditional"; readonly condition: Expr; readonly list?: true };

/** A repetition's expression: the count, the collection or the condition. */
export function repeatExpr(r: Repeat): Expr {
  return r.kind === "count" ? r.count : r.kind === "forEach" ? r.collection : r.condition;
}

/** The repetition with its expression (the count, the collection or the condition) rewritten by `f`. */
export function mapRepeat(r: Repeat | undefined, f: (e: Expr) => Expr): Repeat | undefined {
  if (!r) return undefined;
  return r.kind === "count" ? { ...r, count: f(r.count) } : r.kind === "forEach" ? { ...r, collection: f(r.collection) } : { ...r, condition: f(r.condition) };
}

export interface ResourceOptions {
  /** The component resource a resource belongs to (`{ parent: this }`). */
  readonly parent?: Expr;
  readonly dependsOn?: readonly Expr[];
  readonly provider?: Expr;
  /** The providers a component passes down (`providers = { aws = aws.west }` on a module call). */
  readonly providers?: Expr;
  readonly protect?: boolean;
  readonly ignoreChanges?: readonly string[];
  readonly retainOnDelete?: boolean;
  readonly deleteBeforeReplace?: boolean;
  /** Resources whose replacement replaces this one (`replaceWith`). */
  readonly replaceWith?: readonly Expr[];
  /** A value whose change replaces this one (`replacementTrigger`). */
  readonly replacementTrigger?: Expr;
  /** How long creating, updating and deleting may take (`customTimeouts`). */
  readonly customTimeouts?: Timeouts;
}

/** A condition checked before a declaration is made, and the message its failure throws. */
export interface Check {
  readonly condition: Expr;
  readonly message: Expr;
  /** Who reports the failure, where it is not the value checked (a CloudFormation rule). */
  readonly subject?: string;
}

export interface ResourceDecl extends DeclBase {
  readonly kind: "resource";
  /** `aws.apigateway.Integration`, or a component class generated from a module (`ApiGateway`). */
  readonly className: string;
  /** An instance of a component class generated from a module. */
  readonly component?: boolean;
  /** The Pulumi resource name (the logical name in the state). */
  readonly resourceName: string;
  readonly args: Expr;
  readonly options: ResourceOptions;
  readonly repeat?: Repeat;
  /** Notes printed above the declaration. */
  readonly notes?: readonly string[];
  /** What it was in the source: the Terraform type and address, or the CloudFormation type and logical id. */
  readonly source?: { readonly type: string; readonly address: string };
  /** Terraform `precondition` blocks: checked before it is created. */
  readonly checks?: readonly Check[];
}

export interface ExportDecl extends DeclBase {
  readonly kind: "export";
  readonly value: Expr;
  /** Where the value is written, for what is said about it (the declaration's own location is the output's). */
  readonly valueLoc?: Location;
}

/**
 * An assertion of a Terraform `check` block: when its condition is false (once the values it
 * reads are known), a warning naming the check, never an error, as Terraform reports it.
 */
export interface AssertionDecl extends DeclBase {
  readonly kind: "assertion";
  /** The check block's name. */
  readonly check: string;
  readonly condition: Expr;
  readonly message: Expr;
}

export interface CommentDecl extends DeclBase {
  readonly kind: "comment";
  readonly lines: readonly string[];
}
