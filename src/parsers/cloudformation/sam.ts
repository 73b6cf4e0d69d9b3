/**
 * The `AWS::Serverless-2016-10-31` transform, done as CloudFormation does it before a template
 * deploys, on the template as read. Each `AWS::Serverless::Function` becomes the
 * `AWS::Lambda::Function` of the same logical id (`Globals.Function` applied first), its
 * execution role `<Id>Role` unless it names one, a function URL for a `FunctionUrlConfig`, its
 * alias and asynchronous invocation settings, and what its events need (sam-events.ts). The APIs
 * are sam-api.ts's; the roles and the other resource types (a `SimpleTable` its DynamoDB table, a
 * `LayerVersion` its Lambda layer version, a `StateMachine` its state machine and role)
 * sam-resources.ts's. The logical ids are the transform's, so that `!Ref`, `!GetAtt` and
 * `${ServerlessRestApi}` read what they read in the transformed template. What is not expanded
 * is a located warning.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { deploymentGroup, preferenceOf, sharedDeployment } from "./sam-deploy.js";
import { expandEvents, IMPLICIT_API, withNotifications, withTriggers, type ApiLookup } from "./sam-events.js";
import { application, executionRole, layerVersion, managed, samTags, simpleTable, stateMachine, type At } from "./sam-resources.js";
import { getAtt, IMPLICIT_HTTP_API, isIntrinsic, isObj, pick, serverlessApi, serverlessHttpApi, usagePlan, type ApiPaths, type Obj, type SharedPlan } from "./sam-api.js";
import { logicalIdHash, noEventsYet } from "./sam-definition.js";
import { tracked, type Tracked } from "./sam-unread.js";
import { stateMachineApiPaths } from "./sam-rules.js";

/** SAM's Globals rule: the function's own value wins for a scalar, maps merge, lists add the globals first. */
function mergeGlobal(global: unknown, own: unknown): unknown {
  if (own === undefined) return global;
  if (Array.isArray(global) && Array.isArray(own)) return [...global, ...own];
  if (isObj(global) && isObj(own) && !isIntrinsic(global) && !isIntrinsic(own)) {
    const out: Obj = { ...global };
    for (const [k, v] of Object.entries(own)) out[k] = mergeGlobal(global[k], v);
    return out;
  }
  return own;
}

/** Properties of AWS::Serverless::Function that AWS::Lambda::Function has under the same name. */
const SAME = [
  "FunctionName", "Handler", "Runtime", "Timeout", "MemorySize", "Description", "Architectures", "Environment", "Layers",
  "VpcConfig", "ReservedConcurrentExecutions", "KmsKeyArn", "EphemeralStorage", "FileSystemConfigs", "ImageConfig",
  "PackageType", "LoggingConfig", "SnapStart", "RuntimeManagementConfig", "CodeSigningConfigArn", "RecursiveLoop", "TenancyConfig",
];

/** Properties the transform reads and this expansion does not: each is a warning where it is written. */
const NOT_EXPANDED = ["AutoPublishCodeSha256", "VersionDescription"];

/** What a function's role may do with a dead-letter target, by its `Type`. */
const DEAD_LETTER_ACTIONS: Readonly<Record<string, string>> = { SQS: "sqs:SendMessage", SNS: "sns:Publish" };

/** An asynchronous invocation's destination types: the role's policy for each (its name's suffix, its action), as the transform writes it. */
const DESTINATIONS: Readonly<Record<string, readonly [string, string]>> = {
  SQS: ["SQSPolicy", "sqs:SendMessage"],
  SNS: ["SNSPolicy", "sns:publish"],
  EventBridge: ["EventBridgePolicy", "events:PutEvents"],
  Lambda: ["LambdaPolicy", "lambda:InvokeFunction"],
};

/**
 * `EventInvokeConfig`: the function's `<Id>EventInvokeConfig` (on its alias, else `$LATEST`),
 * each destination with the role's policy to reach it, and the queue or topic the transform makes
 * where an SQS or SNS destination names none (`<Id>EventInvokeConfigOnFailureQueue`).
 */
function eventInvokeConfig(id: string, cfg: Obj, alias: { id: string; name: string } | undefined, shared: Obj, made: Obj, documents: Obj[], diags: Diagnostic[], at: At): void {
  const config = `${id}EventInvokeConfig`;
  const destinations: Obj = {};
  for (const on of ["OnSuccess", "OnFailure"]) {
    const d = isObj(cfg.DestinationConfig) ? cfg.DestinationConfig[on] : undefined;
    if (d === undefined) continue;
    const where = at("Properties", "EventInvokeConfig", "DestinationConfig", on);
    const policy = isObj(d) && typeof d.Type === "string" ? DESTINATIONS[d.Type] : undefined;
    if (!isObj(d) || !policy) {
      diags.push(diagnostic("PG2004", "warning", `${id}: the ${on} destination's Type must be SQS, SNS, EventBridge or Lambda (the transform rejects others); it is not expanded`, where));
      continue;
    }
    const prefix = `${config}${on}`;
    let arn = d.Destination;
    if (arn === undefined && (d.Type === "SQS" || d.Type === "SNS")) {
      const made_ = `${prefix}${d.Type === "SQS" ? "Queue" : "Topic"}`;
      made[made_] = { Type: d.Type === "SQS" ? "AWS::SQS::Queue" : "AWS::SNS::Topic", ...shared };
      arn = d.Type === "SQS" ? getAtt(made_, "Arn") : { Ref: made_ };
    } else if (arn === undefined) {
      diags.push(diagnostic("PG2004", "warning", `${id}: the ${on} destination of Type ${String(d.Type)} needs a Destination (the transform rejects it without); it is not expanded`, where));
      continue;
    }
    documents.push({ PolicyName: `${prefix}${policy[0]}`, PolicyDocument: { Statement: [{ Action: policy[1], Effect: "Allow", Resource: arn }] } });
    destinations[on] = { Destination: arn };
  }
  made[config] = {
    Type: "AWS::Lambda::EventInvokeConfig",
    ...shared,
    ...(alias ? { DependsOn: [alias.id] } : {}),
    Properties: {
      FunctionName: { Ref: id },
      Qualifier: alias?.name ?? "$LATEST",
      ...(Object.keys(destinations).length ? { DestinationConfig: destinations } : {}),
      ...pick(cfg, ["MaximumEventAgeInSeconds", "MaximumRetryAttempts"]),
    },
  };
}




export interface SamExpansion {
  /** The resources, each SAM resource expanded replaced by what it becomes, in the order written. */
  readonly resources: Obj;
  /** Each logical id the expansion made → the SAM resource it was made from (where it is located). */
  readonly origin: ReadonlyMap<string, string>;
  /** Whether any SAM resource was expanded. */
  readonly expanded: boolean;
  /** `!Ref Fn.Alias` and `!Ref Fn.Version` of a function with an AutoPublishAlias → what they read: the alias (its ARN), the function's latest version's ARN. */
  readonly references: ReadonlyMap<string, { readonly id: string; readonly attr?: string }>;
}


/** Whether the resource's own Properties write this path (else it came from Globals). */
function writtenAt(written: Obj, path: readonly string[]): boolean {
  let at: unknown = written;
  for (const k of path) {
    if (!isObj(at) || !(k in at)) return false;
    at = at[k];
  }
  return true;
}

export function expandSam(resources: Obj, globals: unknown, diags: Diagnostic[], locate: (path: readonly string[]) => Location): SamExpansion {
  const origin = new Map<string, string>();
  const global = (kind: string): Obj => (isObj(globals) && isObj(globals[kind]) ? globals[kind] : {});
  const sam = (r: unknown, type: string): r is Obj => isObj(r) && r.Type === type && (r.Properties === undefined || isObj(r.Properties));
  // Each API of the transform (REST and HTTP, and the implicit one of each) gets the paths of the events that name it.
  const registry = (implicit: string, type: string) => {
    const apis = new Map<string, ApiPaths>([[implicit, noEventsYet()]]);
    for (const [id, r] of Object.entries(resources)) if (sam(r, type)) apis.set(id, noEventsYet());
    return apis;
  };
  const rest = registry(IMPLICIT_API, "AWS::Serverless::Api");
  const http = registry(IMPLICIT_HTTP_API, "AWS::Serverless::HttpApi");
  const lookup = (apis: Map<string, ApiPaths>, implicit: string) => (apiId: unknown): ApiPaths | undefined => {
    if (apiId === undefined) return apis.get(implicit);
    return isObj(apiId) && typeof apiId.Ref === "string" && apiId.Ref !== implicit ? apis.get(apiId.Ref) : undefined;
  };
  // The buckets S3 events name, with the notifications to add to each.
  const buckets = new Map<string, { configurations: Obj[]; permissions: string[] }>();
  for (const [id, r] of Object.entries(resources)) if (isObj(r) && r.Type === "AWS::S3::Bucket") buckets.set(id, { configurations: [], permissions: [] });
  // The user pools Cognito events name, with the triggers to add to each.
  const pools = new Map<string, Obj>();
  for (const [id, r] of Object.entries(resources)) if (isObj(r) && r.Type === "AWS::Cognito::UserPool") pools.set(id, {});
  const named = <T>(m: Map<string, T>) => (v: unknown): T | undefined => (isObj(v) && typeof v.Ref === "string" ? m.get(v.Ref) : undefined);
  const restSuffix = (apiId: unknown): string => {
    if (apiId === undefined) return "Prod";
    const target = typeof apiId === "string" ? apiId : isObj(apiId) && typeof apiId.Ref === "string" ? apiId.Ref : undefined;
    if (target === undefined) return "AllStages";
    if (!sam(resources[target], "AWS::Serverless::Api")) return "";
    const stage = (mergeGlobal(global("Api"), (resources[target] as Obj).Properties ?? {}) as Obj).StageName;
    const suffix = typeof stage === "string" ? stage : "Stage";
    // A suffix of other characters than letters and digits is hashed, as the transform's logical id generator does.
    return /^[\p{L}\p{N}]+$/u.test(suffix) ? suffix : logicalIdHash(suffix);
  };
  const apiFor: ApiLookup = { rest: lookup(rest, IMPLICIT_API), restSuffix, http: lookup(http, IMPLICIT_HTTP_API), bucket: named(buckets), pool: named(pools) };
  // Functions first: their events give the APIs their paths.
  const made = new Map<string, Obj>();
  const sharedPlan: SharedPlan = { stages: [], recordSets: new Map() };
  const references = new Map<string, { id: string; attr?: string }>();
  // Each SAM resource's properties, Globals merged in, read through a record of what the expansion reads (sam-unread.ts).
  const reads: { id: string; kind: string; written: Obj; t: Tracked }[] = [];
  const watched = (id: string, r: Obj, kind: string, props: Obj): Obj => {
    const t = tracked(props);
    reads.push({ id, kind, written: isObj(r.Properties) ? r.Properties : {}, t });
    return t.props;
  };
  const functions = Object.entries(resources).flatMap(([id, r]) => (sam(r, "AWS::Serverless::Function") ? [{ id, r, props: watched(id, r, "Function", mergeGlobal(global("Function"), r.Properties ?? {}) as Obj), at: (...p: string[]) => locate(["Resources", id, ...p]) }] : []));
  // The CodeDeploy application and role the functions' deployment preferences share, made with the first of them.
  const preferences = functions.flatMap(({ id, r, props }) => {
    const preference = preferenceOf(props);
    return preference && typeof props.AutoPublishAlias === "string" && preference.Type !== undefined ? [{ id, preference, condition: r.Condition }] : [];
  });
  const deployment = { entries: sharedDeployment(preferences, diags, functions.find((f) => f.id === preferences[0]?.id)?.at ?? (() => locate(["Resources"]))), first: preferences[0]?.id };
  for (const { id, r, props, at } of functions) {
    made.set(id, expandFunction(id, r, props, apiFor, deployment, diags, at));
    if (typeof props.AutoPublishAlias === "string") {
      references.set(`${id}.Alias`, { id: aliasIdOf(id, props.AutoPublishAlias) });
      references.set(`${id}.Version`, { id, attr: "QualifiedArn" });
    }
  }
  // State machines' Api events give the APIs their paths too, before any API is expanded.
  for (const [id, r] of Object.entries(resources)) if (sam(r, "AWS::Serverless::StateMachine")) stateMachineApiPaths(id, ((r.Properties ?? {}) as Obj).Events, apiFor.rest);
  const out: Obj = {};
  const place = (from: string, entries: Obj) => {
    for (const [k, v] of Object.entries(entries)) {
      out[k] = v;
      if (k !== from) origin.set(k, from);
    }
  };
  let expanded = made.size > 0;
  for (const [id, r] of Object.entries(resources)) {
    const fn = made.get(id);
    if (fn) place(id, fn);
    else if (sam(r, "AWS::Serverless::Application")) {
      const stack = application(r, watched(id, r, "", (r.Properties ?? {}) as Obj));
      if (stack) {
        out[id] = stack;
        expanded = true;
      } else out[id] = r; // An application of the Serverless Application Repository: the transform asks the repository for its template (the mapper's warning says to convert the transformed template).
    } else if (sam(r, "AWS::Serverless::SimpleTable")) {
      out[id] = simpleTable(r, watched(id, r, "SimpleTable", (r.Properties ?? {}) as Obj));
      expanded = true;
    } else if (sam(r, "AWS::Serverless::LayerVersion")) {
      out[id] = layerVersion(id, r, watched(id, r, "", (r.Properties ?? {}) as Obj));
      expanded = true;
    } else if (sam(r, "AWS::Serverless::StateMachine")) {
      const at = (...p: string[]) => locate(["Resources", id, ...p]);
      place(id, stateMachine(id, r, watched(id, r, "", (r.Properties ?? {}) as Obj), diags, at, apiFor.rest));
      expanded = true;
    } else if (sam(r, "AWS::Serverless::Api")) {
      const at = (...p: string[]) => locate(["Resources", id, ...p]);
      place(id, serverlessApi(id, r, watched(id, r, "Api", mergeGlobal(global("Api"), r.Properties ?? {}) as Obj), rest.get(id)!, sharedPlan, diags, at));
      expanded = true;
    } else if (sam(r, "AWS::Serverless::HttpApi")) {
      const at = (...p: string[]) => locate(["Resources", id, ...p]);
      place(id, serverlessHttpApi(id, r, watched(id, r, "HttpApi", mergeGlobal(global("HttpApi"), r.Properties ?? {}) as Obj), http.get(id)!, sharedPlan.recordSets, diags, at));
      expanded = true;
    } else if (buckets.get(id)?.configurations.length) out[id] = withNotifications(r as Obj, buckets.get(id)!);
    else if (Object.keys(pools.get(id) ?? {}).length) out[id] = withTriggers(r as Obj, pools.get(id)!);
    else out[id] = r;
  }
  // The implicit APIs, where events use them: Globals apply to them too; the REST one's stage is always Prod.
  for (const [implicit, apis, make] of [
    [IMPLICIT_API, rest, (api: ApiPaths, at: At) => serverlessApi(IMPLICIT_API, {}, { ...global("Api"), StageName: "Prod" }, api, sharedPlan, diags, at)],
    [IMPLICIT_HTTP_API, http, (api: ApiPaths, at: At) => serverlessHttpApi(IMPLICIT_HTTP_API, {}, global("HttpApi"), api, sharedPlan.recordSets, diags, at)],
  ] as const) {
    const api = apis.get(implicit)!;
    if (!Object.keys(api.paths).length) continue;
    const first = api.users[0]!;
    place(first, make(api, (...p: string[]) => locate(["Resources", first, ...p])));
  }
  // The usage plan the APIs asking for a SHARED one share, with its key.
  if (sharedPlan.props && sharedPlan.owner) {
    const owner = sharedPlan.owner === IMPLICIT_API ? rest.get(IMPLICIT_API)!.users[0]! : sharedPlan.owner;
    place(owner, usagePlan("Serverless", sharedPlan.props, sharedPlan.stages, {}));
  }
  // What no expansion read is said where it is written: under the resource's Properties, or under Globals.
  for (const { id, kind, written, t } of reads) t.report(id, diags, (path) => locate(writtenAt(written, path) || !kind ? ["Resources", id, "Properties", ...path] : ["Globals", kind, ...path]));
  return { resources: out, origin, expanded, references };
}

/** The function's code: a local folder or file (`sam build` packages it), an S3 location, inline code or an image. */
function code(props: Obj): unknown {
  if (props.InlineCode !== undefined) return { ZipFile: props.InlineCode };
  if (props.ImageUri !== undefined) return { ImageUri: props.ImageUri };
  const uri = props.CodeUri;
  if (typeof uri === "string") {
    const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    return s3 ? { S3Bucket: s3[1], S3Key: s3[2] } : uri;
  }
  if (isObj(uri) && !isIntrinsic(uri)) return { S3Bucket: uri.Bucket, S3Key: uri.Key, ...(uri.Version !== undefined ? { S3ObjectVersion: uri.Version } : {}) };
  return uri;
}



const aliasIdOf = (id: string, name: string): string => `${id}Alias${name.replace(/[^A-Za-z0-9]/g, "")}`;

/** The alias an `AutoPublishAlias` names, under the transform's logical id `<Id>Alias<Name>` (its name's letters and digits). */
function aliasOf(id: string, props: Obj, diags: Diagnostic[], at: At): { id: string; name: string } | undefined {
  const name = props.AutoPublishAlias;
  if (name === undefined) return undefined;
  if (typeof name !== "string") {
    diags.push(diagnostic("PG2004", "warning", `${id}: an AutoPublishAlias written with an intrinsic function is not expanded; write the alias with Pulumi classes`, at("Properties", "AutoPublishAlias")));
    return undefined;
  }
  const aliasId = aliasIdOf(id, name);
  diags.push(diagnostic("PG2010", "info", `${id}: AutoPublishAlias ${name}: the function publishes a version each time its code or configuration changes (publish: true, where the transform makes a Version under a hashed id) and ${aliasId} points at the latest; its events invoke the alias`, at("Properties", "AutoPublishAlias")));
  return { id: aliasId, name };
}

function expandFunction(id: string, r: Obj, props: Obj, apiFor: ApiLookup, deployment: { entries: Obj; first?: string }, diags: Diagnostic[], at: At): Obj {
  const shared = { ...(r.Condition !== undefined ? { Condition: r.Condition } : {}) };
  const fn: Obj = pick(props, SAME);
  const source = code(props);
  if (isObj(props.CodeUri) && isIntrinsic(props.CodeUri)) {
    diags.push(diagnostic("PG2004", "warning", `${id}: a CodeUri written with ${Object.keys(props.CodeUri)[0]} is not expanded (the transform reads it as an S3 location or a folder to package); give the function's code as a folder or an S3 bucket and key`, at("Properties", "CodeUri")));
  } else if (source !== undefined) fn.Code = source;
  else diags.push(diagnostic("PG2005", "warning", `${id}: no CodeUri, InlineCode or ImageUri: the function is given no code (the transform requires one)`, at("Properties")));
  if (props.Tracing !== undefined) fn.TracingConfig = { Mode: props.Tracing };
  // Policies the transform adds to the role it makes: the dead-letter target's, the destinations'.
  const documents: Obj[] = [];
  if (isObj(props.DeadLetterQueue)) {
    fn.DeadLetterConfig = { TargetArn: props.DeadLetterQueue.TargetArn };
    const action = typeof props.DeadLetterQueue.Type === "string" ? DEAD_LETTER_ACTIONS[props.DeadLetterQueue.Type] : undefined;
    if (action) documents.push({ PolicyName: "DeadLetterQueuePolicy", PolicyDocument: { Version: "2012-10-17", Statement: [{ Action: action, Resource: props.DeadLetterQueue.TargetArn, Effect: "Allow" }] } });
    else diags.push(diagnostic("PG2004", "warning", `${id}: a DeadLetterQueue's Type must be SQS or SNS (the transform rejects others); the role is given no policy for it`, at("Properties", "DeadLetterQueue")));
  }
  const tags = samTags("lambda:createdBy", props.Tags);
  fn.Tags = tags;
  for (const k of NOT_EXPANDED) {
    if (props[k] !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: ${k} is not expanded (the SAM transform makes versions, aliases or other resources of it); write them with Pulumi classes`, at("Properties", k)));
  }
  const made: Obj = {};
  // AutoPublishAlias: the function publishes a version each time it changes and the alias points at the latest; events call the alias.
  const alias = aliasOf(id, props, diags, at);
  if (alias) {
    fn.Publish = true;
    made[alias.id] = { Type: "AWS::Lambda::Alias", ...shared, Properties: { Name: alias.name, FunctionName: { Ref: id }, FunctionVersion: getAtt(id, "Version"), ...pick(props, ["ProvisionedConcurrencyConfig"]) } };
  } else if (props.ProvisionedConcurrencyConfig !== undefined) {
    diags.push(diagnostic("PG2004", "warning", `${id}: ProvisionedConcurrencyConfig is not expanded without an AutoPublishAlias (the transform requires one, and sets it on the alias)`, at("Properties", "ProvisionedConcurrencyConfig")));
  }
  // DeploymentPreference: the CodeDeploy resources (sam-deploy.ts), the shared ones with the first function that has one.
  const preference = preferenceOf(props);
  if (preference) {
    if (deployment.first === id) Object.assign(made, deployment.entries);
    Object.assign(made, deploymentGroup(id, preference, alias?.id, shared, diags, at));
  }
  const managedPolicies: unknown[] = [managed("service-role/AWSLambdaBasicExecutionRole")];
  if (props.Tracing === "Active") managedPolicies.push(managed("AWSXrayWriteOnlyAccess"));
  if (props.VpcConfig !== undefined) managedPolicies.push(managed("service-role/AWSLambdaVPCAccessExecutionRole"));
  const fnRef = { Ref: alias?.id ?? id };
  const fnArn = alias ? fnRef : getAtt(id, "Arn");
  // What the events add to the role comes after what the function's own properties give it, as the transform links it.
  const linked = { policies: [] as unknown[], documents: [] as Obj[] };
  expandEvents({ id, shared, made, fnRef, fnArn, alias, managedPolicies: linked.policies, documents: linked.documents, apiFor, diags, at }, props.Events);
  // A function URL, and (without IAM auth) the permission for anyone to call it.
  if (isObj(props.FunctionUrlConfig) && !isIntrinsic(props.FunctionUrlConfig)) {
    const url = props.FunctionUrlConfig;
    made[`${id}Url`] = { Type: "AWS::Lambda::Url", ...shared, Properties: { TargetFunctionArn: fnRef, ...pick(url, ["AuthType", "Cors", "InvokeMode"]) } };
    if (url.AuthType === "NONE") {
      made[`${id}UrlPublicPermissions`] = { Type: "AWS::Lambda::Permission", ...shared, Properties: { Action: "lambda:InvokeFunctionUrl", FunctionName: fnRef, Principal: "*", FunctionUrlAuthType: "NONE" } };
    }
  } else if (props.FunctionUrlConfig !== undefined) {
    diags.push(diagnostic("PG2004", "warning", `${id}: a FunctionUrlConfig written with an intrinsic function is not expanded; write the function URL with Pulumi classes`, at("Properties", "FunctionUrlConfig")));
  }
  if (isObj(props.EventInvokeConfig) && !isIntrinsic(props.EventInvokeConfig)) eventInvokeConfig(id, props.EventInvokeConfig, alias, shared, made, documents, diags, at);
  else if (props.EventInvokeConfig !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: an EventInvokeConfig written with an intrinsic function is not expanded; write it with Pulumi classes`, at("Properties", "EventInvokeConfig")));
  const role = executionRole(id, "lambda.amazonaws.com", props, managedPolicies, shared, diags, at, tags, documents, linked);
  if (role) made[`${id}Role`] = role;
  fn.Role = props.Role ?? getAtt(`${id}Role`, "Arn");
  const lambda: Obj = { ...r, Type: "AWS::Lambda::Function", Properties: fn };
  return { [id]: lambda, ...made };
}
