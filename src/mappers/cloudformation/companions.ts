/**
 * Settings CloudFormation keeps on a resource that classic Pulumi makes a resource of their own,
 * beside it (`<Id><Suffix>`, created after it, conditional with it, and counted among its parts,
 * so that a `DependsOn` on the resource waits for them as CloudFormation's does):
 * - a Lambda function's `RuntimeManagementConfig` → `aws.lambda.RuntimeManagementConfig` on the
 *   function's `$LATEST`, which is what CloudFormation sets (the qualifier is written out, as the
 *   import ID `<function>,$LATEST` names it); its `RecursiveLoop` →
 *   `aws.lambda.FunctionRecursionConfig`;
 * - a CodeBuild project's `Triggers` with `Webhook: true` → `aws.codebuild.Webhook` (its filter
 *   groups, a list of lists in CloudFormation, a list of `{ filters }`); `Webhook: false` makes
 *   none, as CloudFormation makes none;
 * - a log group's `DataProtectionPolicy` → `aws.cloudwatch.LogDataProtectionPolicy`, its one
 *   `FieldIndexPolicies` item → `aws.cloudwatch.LogIndexPolicy`; a topic's
 *   `DataProtectionPolicy` → `aws.sns.DataProtectionPolicy`.
 * A property in a shape these cannot read (an intrinsic where a mapping is expected) stays on the
 * resource, where the mapping leaves its TODO and warning.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../../model/expr.js";
import type { ResourceDecl } from "../../model/pulumi.js";
import { awsSchema } from "../../schema/index.js";
import { declare, sibling, withLeading, type ResourceContext } from "./build.js";
import { entriesOf, mapEntries, type SourceEntry } from "./values.js";

interface Companion {
  /** The CloudFormation property. */
  readonly property: string;
  /** Appended to the logical id: the companion's declaration and Pulumi name. */
  readonly suffix: string;
  readonly className: string;
  /** Whether the property is read from this value (it is taken off the resource then). */
  readonly reads: (value: Expr) => boolean;
  /** Why a value read makes no companion (an info), where one can say so. */
  readonly noneWhen?: (value: Expr) => string | undefined;
  /** The companion's own arguments (after what names the resource), mapped from the property. */
  readonly args: (ctx: ResourceContext, entry: SourceEntry) => Extract<Expr, { kind: "object" }>;
  /** What names the resource: the companion's argument, and the resource's attribute it takes. */
  readonly owner: readonly [key: string, attr: string];
  readonly note: string;
}

const str = (value: string): Expr => ({ kind: "literal", value });
const isTrue = (e: Expr | undefined) => e?.kind === "literal" && (e.value === true || e.value === "true");
const isLiteral = (e: Expr | undefined) => e === undefined || e.kind === "literal";
const field = (e: Expr, name: string) => entriesOf(e).find((x) => x.name === name)?.value;
const argsOf = (className: string) => awsSchema().resources[className]!.args;
/** The property's value as one argument of the companion (a JSON document as its text, as mapping does for a string argument). */
const asArgument = (className: string, key: string) => (ctx: ResourceContext, entry: SourceEntry) => mapEntries([{ ...entry, name: key }], argsOf(className), ctx.values, { [key]: key });

const COMPANIONS: Readonly<Record<string, readonly Companion[]>> = {
  "AWS::Lambda::Function": [
    {
      property: "RuntimeManagementConfig",
      suffix: "RuntimeManagementConfig",
      className: "lambda.RuntimeManagementConfig",
      reads: (v) => v.kind === "object",
      args: (ctx, entry) => withLeading([{ key: "qualifier", value: str("$LATEST") }], mapEntries(entriesOf(entry.value), argsOf("lambda.RuntimeManagementConfig"), ctx.values)),
      owner: ["functionName", "name"],
      note: "the function's RuntimeManagementConfig in CloudFormation (it applies to $LATEST)",
    },
    {
      property: "RecursiveLoop",
      suffix: "RecursionConfig",
      className: "lambda.FunctionRecursionConfig",
      reads: () => true,
      args: asArgument("lambda.FunctionRecursionConfig", "recursiveLoop"),
      owner: ["functionName", "name"],
      note: "the function's RecursiveLoop in CloudFormation",
    },
  ],
  "AWS::CodeBuild::Project": [
    {
      property: "Triggers",
      suffix: "Webhook",
      className: "codebuild.Webhook",
      reads: (v) => v.kind === "object" && isLiteral(field(v, "Webhook")),
      noneWhen: (v) => (isTrue(field(v, "Webhook")) ? undefined : "Triggers without Webhook: true makes no webhook in CloudFormation, so none is made here"),
      args: (ctx, entry) => {
        const own = entriesOf(entry.value).filter((e) => e.name !== "Webhook");
        // A list of lists of filters in CloudFormation; in classic Pulumi a list of groups, each its `filters`.
        const groups = own.map((e) =>
          e.name === "FilterGroups" && e.value.kind === "list" ? { ...e, value: { ...e.value, items: e.value.items.map((g): Expr => ({ kind: "object", entries: [{ key: "Filters", value: g }] })) } } : e,
        );
        return mapEntries(groups, argsOf("codebuild.Webhook"), ctx.values);
      },
      owner: ["projectName", "name"],
      note: "the webhook the project's Triggers made in CloudFormation",
    },
  ],
  "AWS::Logs::LogGroup": [
    {
      property: "DataProtectionPolicy",
      suffix: "DataProtectionPolicy",
      className: "cloudwatch.LogDataProtectionPolicy",
      reads: () => true,
      args: asArgument("cloudwatch.LogDataProtectionPolicy", "policyDocument"),
      owner: ["logGroupName", "name"],
      note: "the log group's DataProtectionPolicy in CloudFormation",
    },
    {
      property: "FieldIndexPolicies",
      suffix: "IndexPolicy",
      className: "cloudwatch.LogIndexPolicy",
      // A log group has one index policy: a list of one written out.
      reads: (v) => v.kind === "list" && v.items.length === 1,
      args: (ctx, entry) => asArgument("cloudwatch.LogIndexPolicy", "policyDocument")(ctx, { ...entry, value: (entry.value as Extract<Expr, { kind: "list" }>).items[0]! }),
      owner: ["logGroupName", "name"],
      note: "the log group's FieldIndexPolicies in CloudFormation",
    },
  ],
  "AWS::SNS::Topic": [
    {
      property: "DataProtectionPolicy",
      suffix: "DataProtectionPolicy",
      className: "sns.DataProtectionPolicy",
      reads: () => true,
      args: asArgument("sns.DataProtectionPolicy", "policy"),
      owner: ["arn", "arn"],
      note: "the topic's DataProtectionPolicy in CloudFormation",
    },
  ],
};

/** The companions a resource of this type with these properties gets, each with its property's entry. */
function found<E extends { name: string; value: Expr }>(type: string, entries: readonly E[]): { c: Companion; entry: E; none?: string }[] {
  return (COMPANIONS[type] ?? []).flatMap((c) => {
    const entry = entries.find((e) => e.name === c.property);
    if (!entry || !c.reads(entry.value)) return [];
    const none = c.noneWhen?.(entry.value);
    return [{ c, entry, ...(none ? { none } : {}) }];
  });
}

/** The suffixes of the companions a resource of this type with these properties gets (for `DependsOn` on it). */
export function companionSuffixes(type: string, entries: readonly { name: string; value: Expr }[]): string[] {
  return found(type, entries).flatMap((f) => (f.none ? [] : [f.c.suffix]));
}

/**
 * The resource's context without the properties its companions take, and the companions'
 * declarations (made after the resource's own).
 */
export function withCompanions(ctx: ResourceContext): { ctx: ResourceContext; companions: () => ResourceDecl[] } {
  const taken = found(ctx.type, ctx.entries);
  if (!taken.length) return { ctx, companions: () => [] };
  const rest = { ...ctx, entries: ctx.entries.filter((e) => !taken.some((t) => t.entry === e)) };
  for (const t of taken) if (t.none) ctx.diags.push(diagnostic("PG2010", "info", `${ctx.id}: ${t.none}`, t.entry.loc ?? ctx.loc));
  const make = ({ c, entry }: (typeof taken)[number]): ResourceDecl => {
    const lead: ObjectEntry[] = [{ key: c.owner[0], value: sibling(ctx, "", [c.owner[1]]) }];
    return declare(ctx, `aws.${c.className}`, withLeading(lead, c.args(ctx, entry)), { suffix: c.suffix, withComments: false, notes: [c.note] });
  };
  return { ctx: rest, companions: () => taken.filter((t) => !t.none).map(make) };
}
