/**
 * What the SAM transform writes for the EventBridge rule of a `Schedule` or `EventBridgeRule`
 * event, a function's or a state machine's (eventbridge_utils.py): the target's dead-letter
 * queue, the one `DeadLetterConfig.Arn` names or one it makes (`QueueLogicalId`, else
 * `<rule>Queue`) with the queue policy that lets the rule send to it (`<rule>QueuePolicy`).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { getAtt, isIntrinsic, isObj, type Obj } from "./sam-definition.js";
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
 * input, retry policy and dead-letter queue. Other event types (an `Api` event's path) are a
 * warning each.
 */
export function stateMachineEvents(id: string, events: unknown, props: Obj, shared: Obj, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
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
    made[roleId] = {
      Type: "AWS::IAM::Role",
      ...shared,
      Properties: {
        AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Action: ["sts:AssumeRole"], Effect: "Allow", Principal: { Service: ["events.amazonaws.com"] } }] },
        Policies: [{ PolicyName: `${roleId}StartExecutionPolicy`, PolicyDocument: { Statement: [{ Action: "states:StartExecution", Effect: "Allow", Resource: { Ref: id } }] } }],
        ...(props.PermissionsBoundary !== undefined ? { PermissionsBoundary: props.PermissionsBoundary } : {}),
      },
    };
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
