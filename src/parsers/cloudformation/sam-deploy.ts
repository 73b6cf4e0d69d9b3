/**
 * A SAM function's `DeploymentPreference`, as the transform expands it: the CodeDeploy
 * application `ServerlessDeploymentApplication` and service role `CodeDeployServiceRole` that
 * the template's functions share (the role left out when every preference names its own), and
 * the function's `<Id>DeploymentGroup` (blue/green with traffic control, rolled back on failure,
 * its alarms and triggers). The transform also gives the function's alias CloudFormation's
 * `CodeDeployLambdaAliasUpdate` update policy, by which CloudFormation shifts traffic to a new
 * version through CodeDeploy and runs the hooks; Pulumi has no update policy, so each such
 * function is a warning that says what the program does instead.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { getAtt, isIntrinsic, isObj, type Obj } from "./sam-api.js";
import { managed, type At } from "./sam-resources.js";
import { spokenFor } from "./sam-unread.js";

const APPLICATION = "ServerlessDeploymentApplication";
const SERVICE_ROLE = "CodeDeployServiceRole";

/** CodeDeploy's own configurations for Lambda, which the transform names `CodeDeployDefault.Lambda<Type>`. */
const PREDEFINED = [
  "Canary10Percent5Minutes", "Canary10Percent10Minutes", "Canary10Percent15Minutes", "Canary10Percent30Minutes",
  "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes", "Linear10PercentEvery10Minutes",
  "AllAtOnce",
];

/** A function's DeploymentPreference that is on (`Enabled: false` turns it off), with the function's condition. */
export interface Preference {
  readonly id: string;
  readonly preference: Obj;
  readonly condition?: unknown;
}

/** The DeploymentPreference of a function's properties (Globals merged) that the transform expands, if any. */
export function preferenceOf(props: Obj): Obj | undefined {
  const p = props.DeploymentPreference;
  if (!isObj(p) || isIntrinsic(p)) return undefined;
  if (p.Enabled !== false) return p;
  // Turned off: the transform makes nothing of it, and nothing of it is lost.
  spokenFor(p);
  return undefined;
}

/**
 * The application and service role the preferences share: under the functions' condition when
 * all of them have the same one (the transform joins several with `Fn::Or` in a condition of its
 * own, which is a warning here: they are made unconditionally).
 */
export function sharedDeployment(preferences: readonly Preference[], diags: Diagnostic[], at: At): Obj {
  if (!preferences.length) return {};
  const conditions = new Set(preferences.map((p) => (typeof p.condition === "string" ? p.condition : undefined)));
  const condition = conditions.size === 1 ? [...conditions][0] : undefined;
  if (conditions.size > 1 && !conditions.has(undefined)) {
    diags.push(diagnostic("PG2004", "warning", `${APPLICATION} and ${SERVICE_ROLE} are made whatever the conditions ${[...conditions].join(", ")} of the functions with a DeploymentPreference (the transform makes them under a condition that joins them)`, at()));
  }
  const shared = condition !== undefined ? { Condition: condition } : {};
  return {
    [APPLICATION]: { Type: "AWS::CodeDeploy::Application", ...shared, Properties: { ComputePlatform: "Lambda" } },
    ...(preferences.some((p) => p.preference.Role === undefined)
      ? {
          [SERVICE_ROLE]: {
            Type: "AWS::IAM::Role",
            ...shared,
            Properties: {
              AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Action: ["sts:AssumeRole"], Effect: "Allow", Principal: { Service: ["codedeploy.amazonaws.com"] } }] },
              ManagedPolicyArns: [managed("service-role/AWSCodeDeployRoleForLambda")],
            },
          },
        }
      : {}),
  };
}

/** `Alarms` as the deployment group's AlarmConfiguration: none is off (so that removing them clears the group's), a list on. */
function alarms(written: unknown): unknown {
  const build = (list: unknown): unknown => (Array.isArray(list) ? (list.length ? { Enabled: true, Alarms: list.map((Name) => ({ Name })) } : {}) : list);
  if (written === undefined) return { Enabled: false, Alarms: [] };
  if (isObj(written) && Array.isArray(written["Fn::If"]) && written["Fn::If"].length === 3) {
    const [condition, a, b] = written["Fn::If"] as unknown[];
    return { "Fn::If": [condition, build(a), build(b)] };
  }
  return build(written);
}

/** The function's deployment group, and the warning that Pulumi moves its alias at once. */
export function deploymentGroup(id: string, preference: Obj, alias: string | undefined, shared: Obj, diags: Diagnostic[], at: At): Obj {
  const where = at("Properties", "DeploymentPreference");
  if (!alias) {
    diags.push(diagnostic("PG2004", "error", `${id}: a DeploymentPreference needs an AutoPublishAlias (the transform rejects it without one); not expanded`, where));
    return {};
  }
  const type = preference.Type;
  if (type === undefined) {
    diags.push(diagnostic("PG2004", "error", `${id}: a DeploymentPreference needs a Type (the transform rejects it without one); not expanded`, where));
    return {};
  }
  const hooks = isObj(preference.Hooks) ? Object.keys(preference.Hooks) : [];
  diags.push(
    diagnostic(
      "PG2004",
      "warning",
      `${id}: DeploymentPreference${typeof type === "string" ? ` ${type}` : ""}: the CodeDeploy application and ${id}DeploymentGroup are made as the transform makes them, but an update moves ${alias} to the new version at once: CloudFormation's CodeDeployLambdaAliasUpdate update policy, which shifts the traffic through CodeDeploy${hooks.length ? ` and runs the ${hooks.join(" and ")} hooks` : ""}, has no Pulumi counterpart; start the deployment with CodeDeploy (aws deploy create-deployment) or shift the alias's routingConfig in steps`,
      where,
    ),
  );
  return {
    [`${id}DeploymentGroup`]: {
      Type: "AWS::CodeDeploy::DeploymentGroup",
      ...shared,
      Properties: {
        AlarmConfiguration: alarms(preference.Alarms),
        ApplicationName: { Ref: APPLICATION },
        AutoRollbackConfiguration: { Enabled: true, Events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"] },
        DeploymentConfigName: typeof type === "string" && PREDEFINED.includes(type) ? { "Fn::Sub": ["CodeDeployDefault.Lambda${ConfigName}", { ConfigName: type }] } : type,
        DeploymentStyle: { DeploymentType: "BLUE_GREEN", DeploymentOption: "WITH_TRAFFIC_CONTROL" },
        ServiceRoleArn: preference.Role ?? getAtt(SERVICE_ROLE, "Arn"),
        ...(preference.TriggerConfigurations !== undefined ? { TriggerConfigurations: preference.TriggerConfigurations } : {}),
      },
    },
  };
}
