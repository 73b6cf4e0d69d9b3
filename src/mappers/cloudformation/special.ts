/**
 * Curated types whose CloudFormation shape differs from classic Pulumi's by more than names:
 * a REST API's `BodyS3Location`, a Lambda function's `Code`, an IAM role's inline `Policies`, `AWS::IAM::Policy` (one inline
 * policy per role, user and group), a Deployment's `StageName` (a Stage of its own in Pulumi),
 * a Stage's `MethodSettings`, a usage plan's per-method throttles (a load balancer's attributes
 * and a topic's settings lists: spread.ts). Everything else maps property by property.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../../model/expr.js";
import type { ResourceDecl } from "../../model/pulumi.js";
import { awsSchema, nativeSchema } from "../../schema/index.js";
import { curatedArgs, declare, get, sibling, withLeading, type ResourceContext } from "./build.js";
import { apiKey } from "./api-keys.js";
import { splitMethod } from "./method.js";
import { loadBalancer, snsTopic } from "./spread.js";
import { CURATED, resolveCfnType } from "./types.js";
import { entriesOf, mapEntries, type SourceEntry } from "./values.js";

type Obj = Extract<Expr, { kind: "object" }>;
type Handler = (ctx: ResourceContext) => ResourceDecl[];

const str = (value: string): Expr => ({ kind: "literal", value });
const args = (className: string) => awsSchema().resources[className]!.args;

function renameKeys(e: Expr, renames: Readonly<Record<string, string>>): Expr {
  if (e.kind !== "object") return e;
  return { ...e, entries: e.entries.map((en) => (typeof en.key === "string" && renames[en.key] ? { ...en, key: renames[en.key]! } : en)) };
}


const lambdaFunction: Handler = (ctx) => {
  const runtime = get(ctx.entries, "Runtime");
  const ext = runtime?.kind === "literal" && typeof runtime.value === "string" && runtime.value.startsWith("python") ? "py" : "js";
  const entries: SourceEntry[] = [];
  const extra: ObjectEntry[] = [];
  // The code goes where `Code` was: entries map one to one, so its index is kept.
  let at = -1;
  for (const e of ctx.entries) {
    // FileSystemConfigs holds at most one file system (Lambda takes one): classic Pulumi's fileSystemConfig.
    if (e.name === "FileSystemConfigs" && e.value.kind === "list" && e.value.items.length === 1) {
      entries.push({ ...e, name: "FileSystemConfig", value: e.value.items[0]! });
      continue;
    }
    if (e.name !== "Code") {
      entries.push(e);
      continue;
    }
    at = entries.length;
    if (e.value.kind === "literal" && typeof e.value.value === "string") {
      // A local path, as `aws cloudformation package` and `sam deploy` read it.
      extra.push({ key: "code", value: { kind: "call", name: "new pulumi.asset.FileArchive", args: [e.value] } });
      continue;
    }
    if (e.value.kind !== "object") {
      // Neither a path nor a mapping of S3Bucket/S3Key/ZipFile/ImageUri: nothing says where the code is.
      ctx.diags.push(diagnostic("PG2005", "warning", `${ctx.id}: Code is neither a local path nor a mapping of S3Bucket, S3Key, ZipFile or ImageUri; the function is given no code`, e.loc ?? ctx.loc));
      continue;
    }
    for (const c of entriesOf(e.value)) {
      if (c.name === "ZipFile") {
        // CloudFormation writes ZipFile code to index.<runtime extension>.
        const asset: Expr = { kind: "call", name: "new pulumi.asset.StringAsset", args: [c.value] };
        extra.push({ key: "code", value: { kind: "call", name: "new pulumi.asset.AssetArchive", args: [{ kind: "object", entries: [{ key: `index.${ext}`, value: asset }] }] } });
      } else entries.push({ ...c, ...(c.loc ? {} : e.loc ? { loc: e.loc } : {}) });
    }
  }
  const mapped = curatedArgs(ctx, entries).entries;
  const codeAt = at < 0 ? mapped.length : at;
  return [declare(ctx, "aws.lambda.Function", { kind: "object", entries: [...mapped.slice(0, codeAt), ...extra, ...mapped.slice(codeAt)] })];
};

/** A layer's `Content`: a local path (a FileArchive) or its S3 location, as the layer's own arguments. */
const layerVersion: Handler = (ctx) => {
  const entries: SourceEntry[] = [];
  const extra: ObjectEntry[] = [];
  for (const e of ctx.entries) {
    if (e.name !== "Content") entries.push(e);
    else if (e.value.kind === "literal" && typeof e.value.value === "string") extra.push({ key: "code", value: { kind: "call", name: "new pulumi.asset.FileArchive", args: [e.value] } });
    else if (e.value.kind === "object") for (const c of entriesOf(e.value)) entries.push({ ...c, ...(c.loc ? {} : e.loc ? { loc: e.loc } : {}) });
    else ctx.diags.push(diagnostic("PG2005", "warning", `${ctx.id}: Content is neither a local path nor a mapping of S3Bucket and S3Key; the layer is given no code`, e.loc ?? ctx.loc));
  }
  const mapped = curatedArgs(ctx, entries);
  return [declare(ctx, "aws.lambda.LayerVersion", { kind: "object", entries: [...mapped.entries, ...extra] })];
};

const iamRole: Handler = (ctx) => {
  const entries = ctx.entries.map((e) =>
    e.name === "Policies" && e.value.kind === "list" ? { ...e, value: { ...e.value, items: e.value.items.map((p) => renameKeys(p, { PolicyName: "Name", PolicyDocument: "Policy" })) } } : e,
  );
  return [declare(ctx, "aws.iam.Role", curatedArgs(ctx, entries))];
};

const iamPolicy: Handler = (ctx) => {
  const common = ctx.entries.filter((e) => !["Roles", "Users", "Groups"].includes(e.name));
  const decls: ResourceDecl[] = [];
  const kinds = [
    { list: "Roles", className: "aws.iam.RolePolicy", key: "role", suffix: "Role" },
    { list: "Users", className: "aws.iam.UserPolicy", key: "user", suffix: "User" },
    { list: "Groups", className: "aws.iam.GroupPolicy", key: "group", suffix: "Group" },
  ];
  const targets = kinds.flatMap((k) => {
    const v = get(ctx.entries, k.list);
    if (v === undefined) return [];
    if (v.kind !== "list") {
      ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: ${k.list} is not a literal list; the policy is not attached`, ctx.loc));
      return [];
    }
    return v.items.map((item, i) => ({ ...k, item, i }));
  });
  if (targets.length === 0) ctx.diags.push(diagnostic("PG2011", "warning", `${ctx.id}: an AWS::IAM::Policy attached to no role, user or group`, ctx.loc));
  for (const t of targets) {
    const mapped = curatedArgs(ctx, common, t.className.slice(4));
    const first = decls.length === 0;
    decls.push(declare(ctx, t.className, withLeading([{ key: t.key, value: t.item }], mapped), { suffix: first ? "" : `${t.suffix}${t.i}`, withComments: first }));
  }
  return decls;
};

/**
 * Resources that become one declaration per item of a list property (no Pulumi class takes the
 * list): the property, and what names the second and later items' declarations
 * (`<Id><Suffix><n>`; the first keeps the logical id, which `DependsOn` and `Ref` reach).
 */
export const SPLIT_BY_LIST: Readonly<Record<string, { readonly list: string; readonly suffix: string }>> = {
  "AWS::Route53::RecordSetGroup": { list: "RecordSets", suffix: "Record" },
  "AWS::SQS::QueuePolicy": { list: "Queues", suffix: "Queue" },
  "AWS::IAM::UserToGroupAddition": { list: "Users", suffix: "User" },
};

/** The declaration suffix of a split resource's item `i` (see {@link SPLIT_BY_LIST}). */
export const itemSuffix = (type: string, i: number): string => (i ? `${SPLIT_BY_LIST[type]!.suffix}${i}` : "");

/**
 * `AWS::SQS::QueuePolicy`: classic Pulumi's QueuePolicy holds the policy of one queue, so each
 * queue it names (by URL, what `Ref` of a queue returns) gets one, the first under the resource's
 * logical id (what `DependsOn` reaches first), the others `<Id>Queue<n>`.
 */
const queuePolicy: Handler = (ctx) => {
  const common = ctx.entries.filter((e) => e.name !== "Queues");
  const queues = get(ctx.entries, "Queues");
  if (queues?.kind !== "list" || !queues.items.length) {
    ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: Queues is not a list written out, so the policy is attached to no queue`, ctx.loc));
    return [];
  }
  const mapped = curatedArgs(ctx, common);
  return queues.items.map((item, i) => declare(ctx, "aws.sqs.QueuePolicy", withLeading([{ key: "queueUrl", value: item }], mapped), { suffix: itemSuffix(ctx.type, i), withComments: i === 0 }));
};

/**
 * `AWS::IAM::UserToGroupAddition`: adds users to one group without owning its membership. Classic
 * Pulumi's UserGroupMembership is the same for one user (GroupMembership would own the whole
 * group's), so each user gets one, the first under the resource's logical id, the others `<Id>User<n>`.
 */
const userToGroup: Handler = (ctx) => {
  const group = get(ctx.entries, "GroupName");
  const users = get(ctx.entries, "Users");
  if (users?.kind !== "list" || !users.items.length || group === undefined) {
    ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: GroupName and a list of Users written out are needed to add users to a group; nothing is added`, ctx.loc));
    return [];
  }
  return users.items.map((user, i) => declare(ctx, "aws.iam.UserGroupMembership", { kind: "object", entries: [{ key: "user", value: user }, { key: "groups", value: { kind: "list", items: [group] } }] }, { suffix: itemSuffix(ctx.type, i), withComments: i === 0 }));
};

/**
 * A REST API's `BodyS3Location` on S3 (a local path is read as the body: packaged.ts): the classic
 * RestApi takes its definition as a `body` only, so it is a TODO saying what to do, with a warning.
 */
const restApi: Handler = (ctx) => {
  const at = ctx.entries.find((e) => e.name === "BodyS3Location");
  if (!at) return [declare(ctx, "aws.apigateway.RestApi", curatedArgs(ctx, ctx.entries))];
  ctx.diags.push(diagnostic("PG2004", "warning", `${ctx.id}: a BodyS3Location on S3 is not read (the classic RestApi takes its definition as a body): download it beside the template and name its path, or write it as Body`, at.loc ?? ctx.loc));
  const mapped = curatedArgs(ctx, ctx.entries.filter((e) => e !== at));
  const todo: ObjectEntry = { key: "// TODO(pulumigrate): BodyS3Location on S3 is not read: download the definition and name its path, or write it as Body", value: at.value, ...(at.comments ? { comments: at.comments } : {}) };
  return [declare(ctx, "aws.apigateway.RestApi", { kind: "object", entries: [...mapped.entries, todo] })];
};

const deployment: Handler = (ctx) => {
  const own = ctx.entries.filter((e) => e.name !== "StageName" && e.name !== "StageDescription");
  const decls = [declare(ctx, "aws.apigateway.Deployment", curatedArgs(ctx, own))];
  const stageName = get(ctx.entries, "StageName");
  if (stageName) {
    // Classic Pulumi's Deployment has no stage: the stage CloudFormation makes is a Stage here.
    const restApi = decls[0]!.args.kind === "object" ? decls[0]!.args.entries.find((e) => e.key === "restApi") : undefined;
    const described = entriesOf(get(ctx.entries, "StageDescription"));
    const stage = mapEntries(described, args("apigateway.Stage"), ctx.values, CURATED["AWS::ApiGateway::Stage"]!.props);
    const lead: ObjectEntry[] = [{ key: "deployment", value: sibling(ctx, "", ["id"]) }, ...(restApi ? [{ key: "restApi", value: restApi.value }] : []), { key: "stageName", value: stageName }];
    decls.push(declare(ctx, "aws.apigateway.Stage", withLeading(lead, stage), { suffix: "Stage", withComments: false, notes: ["the stage this Deployment's StageName created in CloudFormation"] }));
  }
  return decls;
};

/** `/~1pets/~1{id}` + `GET` → `pets/{id}/GET`; `/*` + `*` → `*\/*`. */
function methodPath(resourcePath: Expr | undefined, httpMethod: Expr | undefined): Expr {
  if (resourcePath?.kind === "literal" && typeof resourcePath.value === "string" && httpMethod?.kind === "literal" && typeof httpMethod.value === "string") {
    const p = resourcePath.value.replace(/~1/g, "/").replace(/^\/+/, "");
    return str(`${p || "*"}/${httpMethod.value}`);
  }
  return { kind: "template", parts: [resourcePath ?? str("*"), "/", httpMethod ?? str("*")] };
}

const stage: Handler = (ctx) => {
  // A canary without a DeploymentId (which the classic Stage requires) starts on the stage's own deployment, as API Gateway starts one.
  const deploymentId = get(ctx.entries, "DeploymentId");
  const own = ctx.entries.filter((e) => e.name !== "MethodSettings").map((e) => {
    if (e.name !== "CanarySetting" || e.value.kind !== "object" || !deploymentId || e.value.entries.some((x) => x.key === "DeploymentId")) return e;
    ctx.diags.push(diagnostic("PG2010", "info", `${ctx.id}: CanarySetting names no DeploymentId: the canary starts on the stage's own deployment, as the classic Stage needs one`, e.loc));
    return { ...e, value: { ...e.value, entries: [{ key: "DeploymentId", value: deploymentId }, ...e.value.entries] } };
  });
  const decls = [declare(ctx, "aws.apigateway.Stage", curatedArgs(ctx, own))];
  const settings = get(ctx.entries, "MethodSettings");
  if (settings?.kind === "list") {
    const restApi = decls[0]!.args.kind === "object" ? decls[0]!.args.entries.find((e) => e.key === "restApi") : undefined;
    settings.items.forEach((s, i) => {
      const es = entriesOf(s);
      const rest = es.filter((e) => e.name !== "ResourcePath" && e.name !== "HttpMethod");
      const mapped = mapEntries(rest, awsSchema().inputTypes["apigateway.MethodSettingsSettings"]!, ctx.values);
      const a: Obj = {
        kind: "object",
        entries: [
          ...(restApi ? [{ key: "restApi", value: restApi.value }] : []),
          { key: "stageName", value: sibling(ctx, "", ["stageName"]) },
          { key: "methodPath", value: methodPath(get(es, "ResourcePath"), get(es, "HttpMethod")) },
          { key: "settings", value: mapped },
        ],
      };
      decls.push(declare(ctx, "aws.apigateway.MethodSettings", a, { suffix: `MethodSettings${i}`, withComments: false }));
    });
  } else if (settings) ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: MethodSettings is not a literal list; it is not converted`, ctx.loc));
  return decls;
};

const usagePlan: Handler = (ctx) => {
  // Per-method throttles: a map of `/path/METHOD` → limits in CloudFormation, a list in Pulumi.
  const throttlesAsList = (stageExpr: Expr): Expr => {
    if (stageExpr.kind !== "object") return stageExpr;
    return {
      ...stageExpr,
      entries: stageExpr.entries.map((en) =>
        en.key === "Throttle" && en.value.kind === "object"
          ? { ...en, value: { kind: "list", items: en.value.entries.map((t) => ({ kind: "object", entries: [{ key: "Path", value: typeof t.key === "string" ? str(t.key) : t.key }, ...(t.value.kind === "object" ? t.value.entries : [])] }) as Expr) } }
          : en,
      ),
    };
  };
  const entries = ctx.entries.map((e) => (e.name === "ApiStages" && e.value.kind === "list" ? { ...e, value: { ...e.value, items: e.value.items.map(throttlesAsList) } } : e));
  return [declare(ctx, "aws.apigateway.UsagePlan", curatedArgs(ctx, entries))];
};

const CUSTOM_BUCKET = "config.customResourceBucket";

/** Whether a service token is an SNS topic's (a topic of the template, or a topic ARN): the emulator invokes Lambda functions only. */
function isTopic(ctx: ResourceContext, e: Expr | undefined): boolean {
  if (e?.kind === "literal") return typeof e.value === "string" && e.value.startsWith("arn:aws:sns:");
  if (e?.kind !== "ref" || e.target.kind !== "decl") return false;
  const m = /^res\.([^.]+)$/.exec(e.target.id);
  const t = m ? ctx.table.resources.get(m[1]!)?.target : undefined;
  return t !== undefined && (t.kind === "classic" || t.kind === "native") && t.className === "aws.sns.Topic";
}

/**
 * A custom resource (`Custom::Seeder`, `AWS::CloudFormation::CustomResource`) becomes aws-native's
 * CustomResourceEmulator, which invokes its Lambda with CloudFormation's custom resource protocol:
 * its properties go as written (the Lambda reads them by their CloudFormation names), and the
 * Lambda's response comes back through an S3 bucket, named by the stack's config (one for all).
 */
export const customResource: Handler = (ctx) => {
  const token = get(ctx.entries, "ServiceToken");
  if (!ctx.table.hoisted.has(CUSTOM_BUCKET)) {
    ctx.table.hoisted.set(CUSTOM_BUCKET, {
      kind: "config",
      id: CUSTOM_BUCKET,
      sourceName: "customResourceBucket",
      key: "customResourceBucket",
      type: { kind: "string" },
      secret: false,
      description: "The S3 bucket the custom resources' Lambda functions answer through (CustomResourceEmulator).",
      loc: ctx.loc,
    });
  }
  ctx.diags.push(diagnostic("PG2010", "info", `${ctx.id}: ${ctx.type} converts to aws_native.cloudformation.CustomResourceEmulator, which invokes its Lambda as CloudFormation does; the answer comes back through the S3 bucket config customResourceBucket names`, ctx.loc));
  if (!token) ctx.diags.push(diagnostic("PG2011", "warning", `${ctx.id} (${ctx.type}): required property 'ServiceToken' is missing; a placeholder stands in its place`, ctx.loc));
  if (isTopic(ctx, token)) {
    ctx.diags.push(diagnostic("PG2005", "warning", `${ctx.id}: an SNS-backed custom resource; the emulator invokes Lambda functions only, so give it a Lambda that does the topic's work`, ctx.loc));
  }
  const properties: ObjectEntry[] = ctx.entries.filter((e) => e.name !== "ServiceToken").map((e) => ({ key: e.name, value: e.value, ...(e.comments ? { comments: e.comments } : {}), ...(e.loc ? { loc: e.loc } : {}) }));
  const entries: ObjectEntry[] = [
    { key: "serviceToken", value: token ?? { kind: "unsupported", text: "ServiceToken", reason: "required property missing" } },
    { key: "resourceType", value: str(ctx.type) },
    { key: "customResourceProperties", value: { kind: "object", entries: properties } },
    { key: "bucketName", value: { kind: "ref", target: { kind: "decl", id: CUSTOM_BUCKET }, path: [] } },
    { key: "bucketKeyPrefix", value: str(`custom-resources/${ctx.id}`) },
  ];
  return [declare(ctx, "aws_native.cloudformation.CustomResourceEmulator", { kind: "object", entries })];
};

/**
 * `AWS::Route53::RecordSetGroup` (which no Pulumi class has): each of its RecordSets an
 * aws-native RecordSet in the group's hosted zone, the first under the group's name (what `Ref`
 * and `DependsOn` reach), the others `<Group>Record<n>`.
 */
const recordSetGroup: Handler = (ctx) => {
  const zone = ctx.entries.filter((e) => e.name === "HostedZoneId" || e.name === "HostedZoneName");
  for (const e of ctx.entries) if (e.name !== "HostedZoneId" && e.name !== "HostedZoneName" && e.name !== "RecordSets" && e.name !== "Comment") ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id} (${ctx.type}): property '${e.name}' has no counterpart on its records; it is left out`, e.loc));
  const records = get(ctx.entries, "RecordSets");
  if (records?.kind !== "list" || !records.items.length) {
    ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id} (${ctx.type}): RecordSets is not a list written out, so no record is made`, ctx.loc));
    return [];
  }
  const t = resolveCfnType("AWS::Route53::RecordSet");
  if (t.kind !== "native") return [];
  return records.items.map((item, i) => declare(ctx, t.className, mapEntries([...zone, ...entriesOf(item)], t.schema.args, { ...ctx.values, schema: nativeSchema() }, {}, t.typeKey), { suffix: itemSuffix(ctx.type, i), withComments: i === 0 }));
};

export const HANDLERS: Readonly<Record<string, Handler>> = {
  "AWS::ApiGateway::Method": splitMethod,
  "AWS::ApiGateway::RestApi": restApi,
  "AWS::ApiGateway::Deployment": deployment,
  "AWS::ApiGateway::Stage": stage,
  "AWS::ApiGateway::UsagePlan": usagePlan,
  "AWS::ApiGateway::ApiKey": apiKey,
  "AWS::Lambda::Function": lambdaFunction,
  "AWS::Lambda::LayerVersion": layerVersion,
  "AWS::IAM::Role": iamRole,
  "AWS::IAM::Policy": iamPolicy,
  "AWS::ElasticLoadBalancingV2::LoadBalancer": loadBalancer,
  "AWS::SNS::Topic": snsTopic,
  "AWS::Route53::RecordSetGroup": recordSetGroup,
  "AWS::SQS::QueuePolicy": queuePolicy,
  "AWS::IAM::UserToGroupAddition": userToGroup,
};
