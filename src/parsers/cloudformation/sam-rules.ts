/**
 * What the SAM transform writes for the EventBridge rule of a `Schedule` or `EventBridgeRule`
 * event, a function's or a state machine's (eventbridge_utils.py): the target's dead-letter
 * queue, the one `DeadLetterConfig.Arn` names or one it makes (`QueueLogicalId`, else
 * `<rule>Queue`) with the queue policy that lets the rule send to it (`<rule>QueuePolicy`).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { getAtt, isIntrinsic, isObj, type ApiPaths, type Obj } from "./sam-definition.js";
import { spokenFor } from "./sam-unread.js";

/** The target's `DeadLetterConfig` (nothing without one), the queue and its policy added to `made` where the transform makes them. */
export function deadLetterTarget(ruleId: string, p: Obj, shared: Obj, made: Obj, diags: Diagnostic[], at: Location): Obj {
  const dlq = isObj(p.DeadLetterConfig) ? p.DeadLetterConfig : undefined;
  if (dlq === undefined) return {};
  if (dlq.Arn !== undefined) return { DeadLetterConfig: { Arn: dlq.Arn } };
  const queueId = typeof dlq.QueueLogicalId === "string" ? dlq.QueueLogicalId : `${ruleId}Queue`;
  if (dlq.Type !== "SQS") diags.push(diagnostic("PG2004", "error", `${ruleId}: DeadLetterConfig names neither an Arn nor Type SQS (the transform rejects it); a queue is made as for Type SQS`, at));
  made[queueId] = { Type: "AWS::SQS::Queue", ...shared, Properties: {} };
  made[`${ruleId}QueuePolicy`] = {
    Type: "AWS::SQS::QueuePolicy",
    ...shared,
    Properties: {
      PolicyDocument: { Version: "2012-10-17", Statement: [{ Action: "sqs:SendMessage", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Resource: getAtt(queueId, "Arn"), Condition: { ArnEquals: { "aws:SourceArn": getAtt(ruleId, "Arn") } } }] },
      Queues: [{ Ref: queueId }],
    },
  };
  return { DeadLetterConfig: { Arn: getAtt(queueId, "Arn") } };
}

/**
 * A state machine's `Schedule` and `EventBridgeRule` (or `CloudWatchEvent`) events, as the
 * transform expands them (stepfunctions/events.py): each an EventBridge rule `<Id><Event>`
 * whose target starts an execution with the role `<Id><Event>Role` (events.amazonaws.com may
 * assume it; its one policy allows states:StartExecution on the machine), with the event's
 * input, retry policy and dead-letter queue; an `Api` event of an API of the transform the role
 * `<Id><Event>Role` API Gateway starts executions with (its path: stateMachineApiPaths). Other
 * event types, and an Api event of another API, are a warning each.
 */
/** The role a service (EventBridge, API Gateway) starts the machine's executions with, as the transform writes it. */
function startExecutionRole(id: string, roleId: string, service: string, props: Obj, shared: Obj): Obj {
  return {
    Type: "AWS::IAM::Role",
    ...shared,
    Properties: {
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Action: ["sts:AssumeRole"], Effect: "Allow", Principal: { Service: [service] } }] },
      Policies: [{ PolicyName: `${roleId}StartExecutionPolicy`, PolicyDocument: { Statement: [{ Action: "states:StartExecution", Effect: "Allow", Resource: { Ref: id } }] } }],
      ...(props.PermissionsBoundary !== undefined ? { PermissionsBoundary: props.PermissionsBoundary } : {}),
    },
  };
}

export function stateMachineEvents(id: string, events: unknown, props: Obj, shared: Obj, diags: Diagnostic[], at: (...p: string[]) => Location, apis: (apiId: unknown) => ApiPaths | undefined = () => undefined): Obj {
  const made: Obj = {};
  if (events === undefined) return made;
  if (!isObj(events) || isIntrinsic(events)) {
    diags.push(diagnostic("PG2004", "warning", `${id}: Events written with an intrinsic function are not expanded (the transform needs them written out); write each trigger with Pulumi classes`, at("Properties", "Events")));
    return made;
  }
  for (const [name, ev] of Object.entries(events)) {
    const e = isObj(ev) ? ev : {};
    const p = isObj(e.Properties) ? e.Properties : {};
    const ruleId = `${id}${name}`;
    const schedule = e.Type === "Schedule";
    // An Api event of an API of the transform (its path written by stateMachineApiPaths): the role API Gateway starts executions with.
    if (e.Type === "Api" && p.RestApiId !== undefined && apis(p.RestApiId) !== undefined && typeof p.Path === "string" && typeof p.Method === "string") {
      spokenFor(p);
      made[`${ruleId}Role`] = startExecutionRole(id, `${ruleId}Role`, "apigateway.amazonaws.com", props, shared);
      continue;
    }
    if (!schedule && e.Type !== "EventBridgeRule" && e.Type !== "CloudWatchEvent") {
      spokenFor(e);
      diags.push(diagnostic("PG2004", "warning", `${id}: event ${name} of type ${String(e.Type)} is not expanded; write its trigger with Pulumi classes`, at("Properties", "Events", name)));
      continue;
    }
    const state = schedule && p.Enabled !== undefined ? { State: p.Enabled ? "ENABLED" : "DISABLED" } : p.State !== undefined ? { State: p.State } : {};
    const rule: Obj = schedule
      ? { ScheduleExpression: p.Schedule, ...state, ...(p.Name !== undefined ? { Name: p.Name } : {}), ...(p.Description !== undefined ? { Description: p.Description } : {}) }
      : { ...(p.EventBusName !== undefined ? { EventBusName: p.EventBusName } : {}), EventPattern: p.Pattern, ...(p.RuleName !== undefined ? { Name: p.RuleName } : {}), ...state };
    const roleId = `${ruleId}Role`;
    made[roleId] = startExecutionRole(id, roleId, "events.amazonaws.com", props, shared);
    const target: Obj = {
      Arn: { Ref: id },
      Id: isObj(p.Target) && p.Target.Id !== undefined ? p.Target.Id : `${ruleId}StepFunctionsTarget`,
      RoleArn: getAtt(roleId, "Arn"),
      ...(p.Input !== undefined ? { Input: p.Input } : {}),
      ...(!schedule && p.InputPath !== undefined ? { InputPath: p.InputPath } : {}),
      ...deadLetterTarget(ruleId, p, shared, made, diags, at("Properties", "Events", name, "Properties", "DeadLetterConfig")),
      ...(p.RetryPolicy !== undefined ? { RetryPolicy: p.RetryPolicy } : {}),
    };
    made[ruleId] = { Type: "AWS::Events::Rule", ...shared, Properties: { ...rule, Targets: [target] } };
  }
  return made;
}

/**
 * A state machine's `Api` events on the paths of the API each names (an `AWS::Serverless::Api`
 * of the template whose body the transform generates), before the APIs are expanded: each
 * method an `aws` integration that starts an execution (StartExecution, with the event's role
 * as its credentials and the request as the execution's input, as the transform's request
 * template writes it), answering 200 and 400. The event's Auth is the method's, as a function
 * event's is.
 */
export function stateMachineApiPaths(id: string, events: unknown, apis: (apiId: unknown) => ApiPaths | undefined): void {
  if (!isObj(events) || isIntrinsic(events)) return;
  for (const [name, ev] of Object.entries(events)) {
    const e = isObj(ev) ? ev : {};
    const p = isObj(e.Properties) ? e.Properties : {};
    const [path, method] = [p.Path, typeof p.Method === "string" ? p.Method.toLowerCase() : undefined];
    const api = e.Type === "Api" && typeof path === "string" && method !== undefined && p.RestApiId !== undefined ? apis(p.RestApiId) : undefined;
    if (!api || typeof path !== "string" || method === undefined) continue;
    const key = method === "any" ? "x-amazon-apigateway-any-method" : method;
    const input = p.UnescapeMappingTemplate === true
      ? `{"input": "$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'","'")", "stateMachineArn": "\${${id}}"}`
      : `{"input": "$util.escapeJavaScript($input.json('$'))", "stateMachineArn": "\${${id}}"}`;
    const item = (api.paths[path] ??= {}) as Obj;
    item[key] = {
      "x-amazon-apigateway-integration": {
        type: "aws",
        httpMethod: "POST",
        uri: { "Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution" },
        responses: { "200": { statusCode: "200" }, "400": { statusCode: "400" } },
        credentials: getAtt(`${id}${name}Role`, "Arn"),
        requestTemplates: { "application/json": { "Fn::Sub": input } },
      },
      responses: { "200": { description: "OK" }, "400": { description: "Bad Request" } },
    };
    if (isObj(p.Auth)) api.auth.set(`${path} ${key}`, { authorizer: p.Auth.Authorizer, scopes: p.Auth.AuthorizationScopes, apiKey: p.Auth.ApiKeyRequired });
    api.users.push(id);
  }
}
