/**
 * What the SAM transform makes beside functions and APIs: the role it gives a function or state
 * machine that names none (`<Id>Role`: the trust policy, managed policies, inline statements
 * and policy templates), and the simpler resource types: `AWS::Serverless::LayerVersion`,
 * `SimpleTable` and `StateMachine`.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { getAtt, isIntrinsic, isObj, pick, type ApiPaths, type Obj } from "./sam-api.js";
import { expandPolicyTemplate } from "./sam-policies.js";
import { stateMachineEvents } from "./sam-rules.js";

export type At = (...p: string[]) => Location;

/** A SAM resource's `Tags` map as CloudFormation's list of `{ Key, Value }`. */
const tagList = (tags: Obj): Obj[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** The tags the transform gives what it makes: its own (`lambda:createdBy: SAM`) first, then the resource's `Tags`. */
export function samTags(key: string, tags: unknown): Obj[] {
  return [{ Key: key, Value: "SAM" }, ...(isObj(tags) && !isIntrinsic(tags) ? tagList(tags) : [])];
}

export const partition = (rest: string): Obj => ({ "Fn::Sub": `arn:\${AWS::Partition}:${rest}` });
export const managed = (name: string): Obj => partition(`iam::aws:policy/${name}`);

/** `AWS::Serverless::LayerVersion`: the layer version, its content a local path or an S3 location; `RetentionPolicy: Retain` keeps it on delete. */
export function layerVersion(id: string, r: Obj, props: Obj): Obj {
  const uri = props.ContentUri;
  const s3 = typeof uri === "string" ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
  const content = s3 ? { S3Bucket: s3[1], S3Key: s3[2] } : isObj(uri) && !isIntrinsic(uri) ? { S3Bucket: uri.Bucket, S3Key: uri.Key, ...(uri.Version !== undefined ? { S3ObjectVersion: uri.Version } : {}) } : uri;
  return {
    ...r,
    Type: "AWS::Lambda::LayerVersion",
    ...(props.RetentionPolicy === "Retain" ? { DeletionPolicy: "Retain" } : {}),
    Properties: { LayerName: props.LayerName ?? id, Content: content, ...pick(props, ["Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo"]) },
  };
}

/**
 * `AWS::Serverless::Application`: the nested stack of its `Location`, a template's URL or path (as
 * `sam package` uploads it); undefined (the caller warns) for an application of the Serverless
 * Application Repository, whose template the transform asks the repository for.
 */
export function application(r: Obj, props: Obj): Obj | undefined {
  if (typeof props.Location !== "string") return undefined;
  return {
    ...r,
    Type: "AWS::CloudFormation::Stack",
    Properties: { TemplateURL: props.Location, ...pick(props, ["Parameters", "NotificationARNs", "TimeoutInMinutes"]), ...(isObj(props.Tags) ? { Tags: tagList(props.Tags) } : {}) },
  };
}

/** `AWS::Serverless::SimpleTable`: a DynamoDB table keyed by one attribute (`id`, a string, unless it says), on demand unless it gives a throughput. */
export function simpleTable(r: Obj, props: Obj): Obj {
  const key = isObj(props.PrimaryKey) ? props.PrimaryKey : {};
  const name = key.Name ?? "id";
  const kind = key.Type === "Number" ? "N" : key.Type === "Binary" ? "B" : "S";
  const table: Obj = {
    ...(props.TableName !== undefined ? { TableName: props.TableName } : {}),
    AttributeDefinitions: [{ AttributeName: name, AttributeType: kind }],
    KeySchema: [{ AttributeName: name, KeyType: "HASH" }],
    ...(props.ProvisionedThroughput !== undefined ? { ProvisionedThroughput: props.ProvisionedThroughput } : { BillingMode: "PAY_PER_REQUEST" }),
    ...(props.SSESpecification !== undefined ? { SSESpecification: props.SSESpecification } : {}),
    ...(isObj(props.Tags) ? { Tags: tagList(props.Tags) } : {}),
  };
  return { ...r, Type: "AWS::DynamoDB::Table", Properties: table };
}

/** A role's trust policy: `service` may assume it. */
export const trustedBy = (service: string): Obj => ({ Version: "2012-10-17", Statement: [{ Action: ["sts:AssumeRole"], Effect: "Allow", Principal: { Service: [service] } }] });

/**
 * The role the transform makes for a function or state machine (`<Id>Role`) that names none:
 * trusted by `service`, with the managed policies given (by name or ARN) and the inline
 * statement documents of its `Policies`, each policy template's statements (sam-policies.ts),
 * then the `documents` the transform adds (a dead-letter target's, destinations'). Undefined where it
 * names its own `Role` (its `Policies` are then ignored, as the transform ignores them).
 */
export function executionRole(id: string, service: string, props: Obj, managedPolicies: unknown[], shared: Obj, diags: Diagnostic[], at: At, tags: readonly Obj[], documents: readonly Obj[] = [], linked: { readonly policies: readonly unknown[]; readonly documents: readonly Obj[] } = { policies: [], documents: [] }): Obj | undefined {
  if (props.Role !== undefined) {
    if (props.Policies !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: Policies are ignored where it names its own Role, as the transform ignores them`, at("Properties", "Policies")));
    return undefined;
  }
  const role = `${id}Role`;
  const inline: Obj[] = [];
  const policies = props.Policies === undefined ? [] : Array.isArray(props.Policies) ? props.Policies : [props.Policies];
  policies.forEach((pol, i) => {
    if (typeof pol === "string") managedPolicies.push(pol.startsWith("arn:") ? pol : managed(pol));
    else if (isObj(pol) && (isIntrinsic(pol) || "Ref" in pol)) managedPolicies.push(pol);
    else if (isObj(pol) && "Statement" in pol) inline.push({ PolicyName: `${role}Policy${i}`, PolicyDocument: pol });
    else {
      const expanded = isObj(pol) ? expandPolicyTemplate(pol) : { unknown: JSON.stringify(pol) };
      if ("document" in expanded) inline.push({ PolicyName: `${role}Policy${i}`, PolicyDocument: expanded.document });
      else if ("missing" in expanded) {
        const { template, parameters } = expanded.missing;
        diags.push(diagnostic("PG2004", "warning", `${id}: the SAM policy template ${template} needs ${parameters.join(" and ")} (the transform rejects it without); it is not expanded`, at("Properties", "Policies", String(i))));
      } else diags.push(diagnostic("PG2004", "warning", `${id}: the SAM policy template ${expanded.unknown} is not expanded; write its statements in the role's policy`, at("Properties", "Policies", String(i))));
    }
  });
  return {
    Type: "AWS::IAM::Role",
    ...shared,
    Properties: {
      // A function's own AssumeRolePolicyDocument replaces the transform's trust of Lambda.
      AssumeRolePolicyDocument: service === "lambda.amazonaws.com" && props.AssumeRolePolicyDocument !== undefined ? props.AssumeRolePolicyDocument : trustedBy(service),
      ...(managedPolicies.length || linked.policies.length ? { ManagedPolicyArns: [...managedPolicies, ...linked.policies.filter((p) => !managedPolicies.some((m) => JSON.stringify(m) === JSON.stringify(p)))] } : {}),
      ...(inline.length || documents.length || linked.documents.length ? { Policies: [...inline, ...documents, ...linked.documents] } : {}),
      ...pick(props, ["PermissionsBoundary"]),
      ...(props.RolePath !== undefined ? { Path: props.RolePath } : {}),
      Tags: tags,
    },
  };
}

/**
 * `AWS::Serverless::StateMachine`: the Step Functions state machine (`Definition` and its
 * substitutions as written, name, type, logging, tracing), and its role `<Id>Role` (trusted by
 * Step Functions, with its `Policies`) unless it names one. A `DefinitionUri` (a file the
 * transform uploads) and events are warnings.
 */
export function stateMachine(id: string, r: Obj, props: Obj, diags: Diagnostic[], at: At, apis?: (apiId: unknown) => ApiPaths | undefined): Obj {
  const shared = { ...(r.Condition !== undefined ? { Condition: r.Condition } : {}) };
  for (const k of ["DefinitionUri", "AutoPublishAlias", "DeploymentPreference"]) {
    if (props[k] !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: ${k} is not expanded (the transform uploads a definition file, or makes triggers and versions of it); write it with Pulumi classes`, at("Properties", k)));
  }
  const tags = samTags("stateMachine:createdBy", props.Tags);
  const role = executionRole(id, "states.amazonaws.com", props, [], shared, diags, at, tags);
  const machine: Obj = {
    ...r,
    Type: "AWS::StepFunctions::StateMachine",
    Properties: {
      ...(props.Name !== undefined ? { StateMachineName: props.Name } : {}),
      ...(props.Type !== undefined ? { StateMachineType: props.Type } : {}),
      ...pick(props, ["Definition", "DefinitionSubstitutions"]),
      ...(props.Logging !== undefined ? { LoggingConfiguration: props.Logging } : {}),
      ...(props.Tracing !== undefined ? { TracingConfiguration: props.Tracing } : {}),
      RoleArn: props.Role ?? getAtt(`${id}Role`, "Arn"),
      Tags: tags,
    },
  };
  return { ...(role ? { [`${id}Role`]: role } : {}), [id]: machine, ...stateMachineEvents(id, props.Events, props, shared, diags, at, apis) };
}
