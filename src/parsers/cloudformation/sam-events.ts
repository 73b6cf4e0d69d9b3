/**
 * A SAM function's events, as the transform expands them (sam.ts makes the function): `Api` and
 * `HttpApi` a permission and a path of their API (the implicit `ServerlessRestApi` or
 * `ServerlessHttpApi`, or the API of the transform they name), `Schedule` and `EventBridgeRule` an
 * events rule and its permission, `ScheduleV2` a Scheduler schedule and its role, `SQS`,
 * `DynamoDB`, `Kinesis`, `MSK`, `MQ`, `SelfManagedKafka` and `DocumentDB` an event source mapping
 * (sam-pollers.ts), `SNS` a subscription and its permission, `S3`
 * a notification of the bucket it names and its permission, `CloudWatchLogs` a subscription
 * filter and its permission, `Cognito` triggers of the user pool it names and their permission,
 * `IoTRule` a topic rule and its permission, `AlexaSkill` a permission for the skill.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { getAtt, IMPLICIT_HTTP_API, isIntrinsic, isObj, pick, type ApiPaths, type Obj } from "./sam-api.js";
import { poller, POLLERS } from "./sam-pollers.js";
import { managed, trustedBy, type At } from "./sam-resources.js";
import { othersThan, spokenFor } from "./sam-unread.js";
import { deadLetterTarget } from "./sam-rules.js";

export const IMPLICIT_API = "ServerlessRestApi";

/**
 * What events reach in other resources: the API of the transform an event's `RestApiId` (REST)
 * or `ApiId` (HTTP) names, the implicit one when it names none (undefined for an API written
 * out); the bucket of the template an S3 event names.
 */
export interface ApiLookup {
  readonly rest: (apiId: unknown) => ApiPaths | undefined;
  /**
   * The suffix of a REST event's permission, as the transform names it: `Prod` for the implicit
   * API, the stage of the API named (`Stage` when that is an intrinsic), `AllStages` for an id it
   * cannot follow (`!ImportValue`); none for an id of the template that is no API of the transform.
   */
  readonly restSuffix: (apiId: unknown) => string;
  readonly http: (apiId: unknown) => ApiPaths | undefined;
  readonly bucket: (bucket: unknown) => { configurations: Obj[]; permissions: string[] } | undefined;
  /** A user pool of the template: trigger → the function Cognito events add. */
  readonly pool: (pool: unknown) => Obj | undefined;
}

/** A user pool of the template with the triggers Cognito events add to its LambdaConfig. */
export function withTriggers(r: Obj, triggers: Obj): Obj {
  const props = isObj(r.Properties) ? r.Properties : {};
  return { ...r, Properties: { ...props, LambdaConfig: { ...(isObj(props.LambdaConfig) ? props.LambdaConfig : {}), ...triggers } } };
}

/** A bucket of the template with the notifications S3 events add, after the permissions they need (S3 checks its destinations when they are set). */
export function withNotifications(r: Obj, events: { configurations: Obj[]; permissions: string[] }): Obj {
  const props = isObj(r.Properties) ? r.Properties : {};
  const config = isObj(props.NotificationConfiguration) ? props.NotificationConfiguration : {};
  const own = Array.isArray(config.LambdaConfigurations) ? config.LambdaConfigurations : [];
  const depends = r.DependsOn === undefined ? [] : Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
  return {
    ...r,
    DependsOn: [...depends, ...events.permissions],
    Properties: { ...props, NotificationConfiguration: { ...config, LambdaConfigurations: [...own, ...events.configurations] } },
  };
}

/** The function whose events these are: what they invoke (its alias, if any), where what they make goes, the role's managed policies they add to. */
export interface EventContext {
  readonly id: string;
  readonly shared: Obj;
  readonly made: Obj;
  readonly fnRef: Obj;
  readonly fnArn: Obj;
  readonly alias: { readonly id: string; readonly name: string } | undefined;
  readonly managedPolicies: unknown[];
  /** The role's inline policies the events add (a poller's failure destination). */
  readonly documents: Obj[];
  readonly apiFor: ApiLookup;
  readonly diags: Diagnostic[];
  readonly at: At;
}

export function expandEvents(ctx: EventContext, written: unknown): void {
  const { id, shared, made, fnRef, fnArn, alias, managedPolicies, documents, apiFor, diags, at } = ctx;
  /** The function's permission for a service to invoke it, from the source given (`SourceArn`, or S3's `SourceAccount`). */
  const permission = (principal: string, source: Obj): Obj => ({ Type: "AWS::Lambda::Permission", ...shared, Properties: { Action: "lambda:InvokeFunction", FunctionName: fnRef, Principal: principal, ...source } });
  /**
   * An events rule whose target is the function (with what the event passes it: its input, retry
   * policy, and a dead-letter queue, the one named or `<rule>Queue` with the policy letting the
   * rule send to it), and the rule's permission, as the transform writes them.
   */
  const rule = (name: string, p: Obj, props: Obj, target: Obj): void => {
    const ruleId = `${id}${name}`;
    const targetId = isObj(p.Target) && p.Target.Id !== undefined ? p.Target.Id : `${ruleId}LambdaTarget`;
    const extra = { ...deadLetterTarget(ruleId, p, shared, made, diags, at("Properties", "Events", name, "Properties", "DeadLetterConfig")), ...pick(p, ["RetryPolicy"]) };
    made[ruleId] = { Type: "AWS::Events::Rule", ...shared, Properties: { ...props, Targets: [{ Arn: fnArn, Id: targetId, ...target, ...extra }] } };
    made[`${ruleId}Permission`] = permission("events.amazonaws.com", { SourceArn: getAtt(ruleId, "Arn") });
  };
  /** A poller's event source mapping, and what lets the function read the source (sam-pollers.ts): the managed policy and inline documents, each once. */
  const addPoller = (type: string, mappingId: string, p: Obj, where: Location): void => {
    const made_ = poller(type, mappingId, p, fnRef, shared, diags, where);
    made[mappingId] = made_.mapping;
    const policy = made_.managed ? managed(`service-role/${made_.managed}`) : undefined;
    if (policy && !managedPolicies.some((m) => JSON.stringify(m) === JSON.stringify(policy))) managedPolicies.push(policy);
    for (const d of made_.documents) if (!documents.some((x) => JSON.stringify(x.PolicyDocument) === JSON.stringify(d.PolicyDocument))) documents.push(d);
  };
  const events = isObj(written) && !isIntrinsic(written) ? written : {};
  if (isObj(written) && isIntrinsic(written)) {
    diags.push(diagnostic("PG2004", "warning", `${id}: Events written with ${Object.keys(written)[0]} are not expanded (the transform needs them written out); write each event, or its trigger with Pulumi classes`, at("Properties", "Events")));
  }
  for (const [name, ev] of Object.entries(events)) {
    const e = isObj(ev) ? ev : {};
    const p = isObj(e.Properties) ? e.Properties : {};
    const where = at("Properties", "Events", name);
    if (e.Type === "Api" || e.Type === "HttpApi") {
      const restful = e.Type === "Api";
      const named = restful ? p.RestApiId : p.ApiId;
      if (!restful && typeof p.Path !== "string") {
        spokenFor(e);
        diags.push(diagnostic("PG2004", "warning", `${id}: event ${name}, an HttpApi event without a Path (the API's $default route), is not expanded; write the route with Pulumi classes`, where));
        continue;
      }
      // What the conversion writes of an API event; anything else is said, never dropped unseen.
      const known = restful ? ["RestApiId", "Path", "Method", "Auth", "RequestModel", "RequestParameters", "TimeoutInMillis"] : ["ApiId", "Path", "Method", "Auth", "PayloadFormatVersion", "TimeoutInMillis", "RouteSettings"];
      for (const k of othersThan(p, known)) diags.push(diagnostic("PG2004", "warning", `${id}: event ${name}'s ${k} is not expanded; set it on the API's ${restful ? "method" : "route"} with Pulumi classes`, at("Properties", "Events", name, "Properties", k)));
      if (isObj(p.Auth)) {
        const auth = restful ? ["Authorizer", "AuthorizationScopes", "ApiKeyRequired", "InvokeRole", "ResourcePolicy"] : ["Authorizer", "AuthorizationScopes"];
        for (const k of othersThan(p.Auth, auth)) diags.push(diagnostic("PG2004", "warning", `${id}: event ${name}'s Auth ${k} is not expanded; set it on the API's ${restful ? "method" : "route"} with Pulumi classes`, at("Properties", "Events", name, "Properties", "Auth", k)));
      }
      const method = typeof p.Method === "string" ? p.Method.toLowerCase() : "any";
      const path = typeof p.Path === "string" ? p.Path : "/";
      // The permission's resource path: path parameters and the method as wildcards, as the transform writes it.
      // A trailing slash is left out too (API Gateway drops it).
      const permitted = restful ? path.replace(/^(.+)\/$/, "$1") : path;
      const arnPath = `${method === "any" ? "*" : method.toUpperCase()}${permitted.replace(/\{[^}]+\}/g, "*")}`;
      const apiId = named ?? { Ref: restful ? IMPLICIT_API : IMPLICIT_HTTP_API };
      // An API of the transform gets the path; a plain RestApi or ApiGatewayV2 Api has its own methods or routes.
      const api = (restful ? apiFor.rest : apiFor.http)(named);
      if (api) {
        const entry = (api.paths[path] ??= {}) as Obj;
        const key = method === "any" ? "x-amazon-apigateway-any-method" : method;
        // The authorizer the event names (or NONE) instead of the API's default.
        if (isObj(p.Auth)) api.auth.set(`${path} ${key}`, { authorizer: p.Auth.Authorizer, scopes: p.Auth.AuthorizationScopes, apiKey: p.Auth.ApiKeyRequired, ...(restful && "InvokeRole" in p.Auth ? { invokeRole: p.Auth.InvokeRole } : {}), at: at("Properties", "Events", name, "Properties", "Auth") });
        // What the method's request must hold, written into the API's definition with it (sam-models.ts).
        if (restful && (p.RequestModel !== undefined || p.RequestParameters !== undefined)) {
          api.requests.set(`${path} ${key}`, { event: name, ...(p.RequestModel !== undefined ? { model: p.RequestModel } : {}), ...(p.RequestParameters !== undefined ? { parameters: p.RequestParameters } : {}), at: where });
        }
        // Both kinds invoke the function (or its alias) through API Gateway's Lambda path, as the transform writes it.
        const uri = { "Fn::Sub": `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${alias?.id ?? `${id}.Arn`}}/invocations` };
        // TimeoutInMillis: how long API Gateway waits for the function, on the integration.
        const timeout = p.TimeoutInMillis !== undefined ? { timeoutInMillis: p.TimeoutInMillis } : {};
        entry[key] = {
          "x-amazon-apigateway-integration": restful ? { httpMethod: "POST", type: "aws_proxy", uri, ...timeout } : { httpMethod: "POST", type: "aws_proxy", uri, payloadFormatVersion: p.PayloadFormatVersion ?? "2.0", ...timeout },
          responses: {},
        };
        api.users.push(id);
        // An HTTP event's RouteSettings, for its route on the stage (under the function's condition, where it has one).
        if (!restful && p.RouteSettings !== undefined) api.routeSettings.set(method === "any" ? path : `${method.toUpperCase()} ${path}`, shared.Condition !== undefined ? { "Fn::If": [shared.Condition, p.RouteSettings, { Ref: "AWS::NoValue" }] } : p.RouteSettings);
        // The transform adds the event's policy when it reads the event: on the methods its path has by then.
        if (restful && isObj(p.Auth) && p.Auth.ResourcePolicy !== undefined) api.policies.push({ event: name, path, methods: Object.keys(entry), policy: p.Auth.ResourcePolicy, at: at("Properties", "Events", name, "Properties", "Auth", "ResourcePolicy") });
      } else if (restful) {
        if (p.RequestModel !== undefined || p.RequestParameters !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: event ${name}'s RequestModel and RequestParameters are left out: its RestApiId is not an API of the transform (the transform writes them into such an API's definition); set them on the API's method`, where));
        if (isObj(p.Auth) && p.Auth.ResourcePolicy !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: event ${name}'s Auth ResourcePolicy is left out: its RestApiId is not an API of the transform (the transform writes it into such an API's definition); add its statements to the API's policy`, where));
      }
      // Any stage: the transform writes the stage as a wildcard too.
      const sourceArn = { "Fn::Sub": [`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/*/${arnPath}`, { __ApiId__: apiId }] };
      made[`${id}${name}Permission${restful ? apiFor.restSuffix(named) : ""}`] = permission("apigateway.amazonaws.com", { SourceArn: sourceArn });
    } else if (e.Type === "ScheduleV2") {
      // An EventBridge Scheduler schedule, and the role it invokes the function with.
      const schedule = `${id}${name}`;
      made[schedule] = {
        Type: "AWS::Scheduler::Schedule",
        ...shared,
        Properties: {
          ScheduleExpression: p.ScheduleExpression,
          FlexibleTimeWindow: p.FlexibleTimeWindow ?? { Mode: "OFF" },
          ...pick(p, ["Name", "Description", "ScheduleExpressionTimezone", "StartDate", "EndDate", "GroupName", "KmsKeyArn", "State"]),
          Target: { Arn: fnArn, RoleArn: p.RoleArn ?? getAtt(`${schedule}Role`, "Arn"), ...pick(p, ["Input", "RetryPolicy", "DeadLetterConfig"]) },
        },
      };
      if (p.RoleArn === undefined) {
        made[`${schedule}Role`] = {
          Type: "AWS::IAM::Role",
          ...shared,
          Properties: {
            AssumeRolePolicyDocument: trustedBy("scheduler.amazonaws.com"),
            Policies: [{ PolicyName: `${schedule}LambdaPolicy`, PolicyDocument: { Statement: [{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: fnArn }] } }],
          },
        };
      }
    } else if (e.Type === "Schedule") {
      rule(name, p, { ScheduleExpression: p.Schedule, ...pick(p, ["Name", "Description"]), State: p.Enabled === false || p.State === "DISABLED" ? "DISABLED" : "ENABLED" }, pick(p, ["Input"]));
    } else if (typeof e.Type === "string" && e.Type in POLLERS) {
      addPoller(e.Type, `${id}${name}`, p, where);
    } else if (e.Type === "S3") {
      const bucket = apiFor.bucket(p.Bucket);
      if (!bucket) {
        spokenFor(e);
        diags.push(diagnostic("PG2004", "warning", `${id}: event ${name} (S3) names no bucket of this template (the transform requires one it can add the notification to); write the bucket's notification with Pulumi classes`, where));
        continue;
      }
      const permissionId = `${id}${name}Permission`;
      made[permissionId] = permission("s3.amazonaws.com", { SourceAccount: { Ref: "AWS::AccountId" } });
      for (const event of Array.isArray(p.Events) ? p.Events : [p.Events]) bucket.configurations.push({ Event: event, Function: fnArn, ...pick(p, ["Filter"]) });
      bucket.permissions.push(permissionId);
    } else if (e.Type === "CloudWatchLogs") {
      // A subscription filter of the log group, after the permission for CloudWatch Logs to invoke the function.
      const permissionId = `${id}${name}Permission`;
      made[permissionId] = permission("logs.amazonaws.com", { SourceArn: { "Fn::Sub": ["arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*", { __LogGroupName__: p.LogGroupName }] } });
      made[`${id}${name}`] = { Type: "AWS::Logs::SubscriptionFilter", ...shared, DependsOn: [permissionId], Properties: { LogGroupName: p.LogGroupName, FilterPattern: p.FilterPattern, DestinationArn: fnArn } };
    } else if (e.Type === "Cognito") {
      const pool = apiFor.pool(p.UserPool);
      if (!pool) {
        spokenFor(e);
        diags.push(diagnostic("PG2004", "warning", `${id}: event ${name} (Cognito) names no user pool of this template (the transform requires one it can add the trigger to); write the pool's LambdaConfig with Pulumi classes`, where));
        continue;
      }
      for (const trigger of Array.isArray(p.Trigger) ? p.Trigger : [p.Trigger]) if (typeof trigger === "string") pool[trigger] = fnArn;
      // One permission for the function's Cognito events, as the transform names it.
      made[`${id}CognitoPermission`] = permission("cognito-idp.amazonaws.com", { SourceArn: getAtt((p.UserPool as Obj).Ref as string, "Arn") });
    } else if (e.Type === "IoTRule") {
      // A topic rule whose action invokes the function, and the permission for IoT from this account.
      made[`${id}${name}Permission`] = permission("iot.amazonaws.com", { SourceAccount: { "Fn::Sub": "${AWS::AccountId}" }, SourceArn: { "Fn::Sub": ["arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}", { RuleName: { Ref: `${id}${name}` } }] } });
      made[`${id}${name}`] = { Type: "AWS::IoT::TopicRule", ...shared, Properties: { TopicRulePayload: { Sql: p.Sql, RuleDisabled: false, Actions: [{ Lambda: { FunctionArn: fnArn } }], ...pick(p, ["AwsIotSqlVersion"]) } } };
    } else if (e.Type === "AlexaSkill") {
      made[`${id}${name}Permission`] = permission("alexa-appkit.amazon.com", p.SkillId !== undefined ? { EventSourceToken: p.SkillId } : {});
    } else if (e.Type === "SNS") {
      const subscription = (protocol: string, endpoint: unknown): Obj => ({ Type: "AWS::SNS::Subscription", ...shared, Properties: { Protocol: protocol, Endpoint: endpoint, TopicArn: p.Topic, ...pick(p, ["Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"]) } });
      const sqs = p.SqsSubscription;
      if (sqs === undefined || sqs === false) {
        made[`${id}${name}`] = subscription("lambda", fnArn);
        made[`${id}${name}Permission`] = permission("sns.amazonaws.com", { SourceArn: p.Topic });
        continue;
      }
      // SqsSubscription: the topic feeds a queue (one the transform makes, or the one named), which the function polls.
      const eventId = `${id}${name}`;
      const given = isObj(sqs) && !isIntrinsic(sqs) ? sqs : undefined;
      if (sqs !== true && (!given || given.QueueArn === undefined || given.QueueUrl === undefined)) {
        spokenFor(sqs);
        diags.push(diagnostic("PG2004", "error", `${id}: event ${name}'s SqsSubscription is true or names a QueueArn and a QueueUrl (the transform rejects anything else: 'No QueueARN or QueueURL provided'); the topic is subscribed to nothing`, at("Properties", "Events", name, "Properties", "SqsSubscription")));
        continue;
      }
      if (!given) made[`${eventId}Queue`] = { Type: "AWS::SQS::Queue", ...shared, Properties: {} };
      const queueArn = given ? given.QueueArn : getAtt(`${eventId}Queue`, "Arn");
      const queueUrl = given ? given.QueueUrl : { Ref: `${eventId}Queue` };
      const policyId = typeof given?.QueuePolicyLogicalId === "string" ? given.QueuePolicyLogicalId : `${eventId}QueuePolicy`;
      made[policyId] = {
        Type: "AWS::SQS::QueuePolicy",
        ...shared,
        Properties: { PolicyDocument: { Version: "2012-10-17", Statement: [{ Action: "sqs:SendMessage", Effect: "Allow", Principal: "*", Resource: queueArn, Condition: { ArnEquals: { "aws:SourceArn": p.Topic } } }] }, Queues: [queueUrl] },
      };
      made[eventId] = subscription("sqs", queueArn);
      // The transform's SQS event of the queue: a batch of the size given (10 by default), always enabled (it reads Enabled and sets true).
      void given?.Enabled;
      addPoller("SQS", `${eventId}EventSourceMapping`, { Queue: queueArn, BatchSize: given?.BatchSize ?? 10, Enabled: true }, where);
    } else if (e.Type === "EventBridgeRule" || e.Type === "CloudWatchEvent") {
      rule(name, p, { EventPattern: p.Pattern, ...pick(p, ["EventBusName"]), ...(p.RuleName !== undefined ? { Name: p.RuleName } : {}), ...(p.Enabled !== undefined ? { State: p.Enabled === false ? "DISABLED" : "ENABLED" } : pick(p, ["State"])) }, pick(p, ["Input", "InputPath", "InputTransformer"]));
    } else {
      spokenFor(e);
      diags.push(diagnostic("PG2004", "warning", `${id}: event ${name} of type ${String(e.Type)} is not expanded; write its trigger with Pulumi classes`, where));
    }
  }
}
