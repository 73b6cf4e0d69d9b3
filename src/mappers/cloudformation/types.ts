/**
 * CloudFormation resource types → Pulumi classes. A curated table gives the classic
 * `@pulumi/aws` class of each type this converter knows well, what `Ref` and `Fn::GetAtt`
 * return on it, and the property renames no rule reaches. Any other type goes through
 * `@pulumi/aws-native` (whose names follow CloudFormation one to one) when it exists there.
 */
import { memo } from "../../model/memo.js";
import { snake } from "../../model/names.js";
import { awsSchema, nativeSchema, type ResourceSchema } from "../../schema/index.js";

export interface Curated {
  /** `module.Class` in @pulumi/aws. */
  readonly className: string;
  /** The property `Ref` returns; `id` is the resource's own id. */
  readonly ref: string;
  /** `Fn::GetAtt` attribute → output property, where camelCase does not reach it. */
  readonly getAtt?: Readonly<Record<string, string>>;
  /** CloudFormation property → Pulumi argument, where the property rules do not reach it. */
  readonly props?: Readonly<Record<string, string>>;
}

const ApiGw = (className: string, ref = "id", extra: Omit<Curated, "className" | "ref"> = {}): Curated => ({
  className: `apigateway.${className}`,
  ref,
  ...extra,
  props: { RestApiId: "restApi", ...extra.props },
});

export const CURATED: Readonly<Record<string, Curated>> = {
  "AWS::ApiGateway::Account": ApiGw("Account"),
  "AWS::ApiGateway::ApiKey": ApiGw("ApiKey", "id", { getAtt: { APIKeyId: "id" } }),
  "AWS::ApiGateway::Authorizer": ApiGw("Authorizer", "id", { getAtt: { AuthorizerId: "id" }, props: { ProviderARNs: "providerArns" } }),
  "AWS::ApiGateway::BasePathMapping": ApiGw("BasePathMapping", "id", { props: { Stage: "stageName" } }),
  "AWS::ApiGateway::ClientCertificate": ApiGw("ClientCertificate"),
  "AWS::ApiGateway::Deployment": ApiGw("Deployment", "id", { getAtt: { DeploymentId: "id" } }),
  "AWS::ApiGateway::DocumentationPart": ApiGw("DocumentationPart", "id", { getAtt: { DocumentationPartId: "documentationPartId" }, props: { RestApiId: "restApiId" } }),
  "AWS::ApiGateway::DocumentationVersion": ApiGw("DocumentationVersion", "version", { props: { RestApiId: "restApiId", DocumentationVersion: "version" } }),
  "AWS::ApiGateway::DomainName": ApiGw("DomainName", "domainName", {
    getAtt: { DistributionDomainName: "cloudfrontDomainName", DistributionHostedZoneId: "cloudfrontZoneId", RegionalHostedZoneId: "regionalZoneId", DomainNameArn: "arn" },
  }),
  "AWS::ApiGateway::GatewayResponse": ApiGw("Response", "id", { props: { RestApiId: "restApiId" } }),
  "AWS::ApiGateway::Method": ApiGw("Method", "id", { props: { AuthorizationType: "authorization" } }),
  "AWS::ApiGateway::Model": ApiGw("Model", "name"),
  "AWS::ApiGateway::RequestValidator": ApiGw("RequestValidator", "id", { getAtt: { RequestValidatorId: "id" } }),
  "AWS::ApiGateway::Resource": ApiGw("Resource", "id", { getAtt: { ResourceId: "id" } }),
  "AWS::ApiGateway::RestApi": ApiGw("RestApi", "id", { getAtt: { RestApiId: "id" }, props: { ApiKeySourceType: "apiKeySource", Mode: "putRestApiMode" } }),
  "AWS::ApiGateway::Stage": ApiGw("Stage", "stageName", { props: { DeploymentId: "deployment", TracingEnabled: "xrayTracingEnabled", AccessLogSetting: "accessLogSettings", CanarySetting: "canarySettings" } }),
  "AWS::ApiGateway::UsagePlan": ApiGw("UsagePlan", "id", { props: { Quota: "quotaSettings", Throttle: "throttleSettings", UsagePlanName: "name" } }),
  "AWS::ApiGateway::UsagePlanKey": ApiGw("UsagePlanKey"),
  "AWS::ApiGateway::VpcLink": ApiGw("VpcLink", "id", { props: { TargetArns: "targetArn" } }),
  "AWS::Lambda::Function": { className: "lambda.Function", ref: "name", getAtt: { Arn: "arn" }, props: { FunctionName: "name" } },
  "AWS::Lambda::Permission": { className: "lambda.Permission", ref: "id", props: { FunctionName: "function" } },
  // Its Content: see special.ts (a local path, as `aws cloudformation package` reads it, is a FileArchive).
  "AWS::Lambda::LayerVersion": { className: "lambda.LayerVersion", ref: "arn", getAtt: { LayerVersionArn: "arn" } },
  "AWS::IAM::Role": { className: "iam.Role", ref: "name", getAtt: { Arn: "arn", RoleId: "uniqueId" }, props: { AssumeRolePolicyDocument: "assumeRolePolicy", Policies: "inlinePolicies", RoleName: "name" } },
  // One inline policy per role, user and group it names: see policy.ts.
  "AWS::IAM::Policy": { className: "iam.RolePolicy", ref: "id", props: { PolicyName: "name", PolicyDocument: "policy" } },
  "AWS::Logs::LogGroup": { className: "cloudwatch.LogGroup", ref: "name", getAtt: { Arn: "arn" }, props: { LogGroupName: "name" } },
  "AWS::SQS::Queue": {
    className: "sqs.Queue",
    ref: "url",
    getAtt: { Arn: "arn", QueueName: "name", QueueUrl: "url" },
    props: { QueueName: "name", MessageRetentionPeriod: "messageRetentionSeconds", VisibilityTimeout: "visibilityTimeoutSeconds", MaximumMessageSize: "maxMessageSize", ReceiveMessageWaitTimeSeconds: "receiveWaitTimeSeconds" },
  },
  // Types CloudFormation's registry (and so aws-native) does not have, whose classic classes take the properties by the rules.
  "AWS::CodeBuild::Project": { className: "codebuild.Project", ref: "name", getAtt: { Arn: "arn" }, props: { TimeoutInMinutes: "buildTimeout", QueuedTimeoutInMinutes: "queuedTimeout" } },
  "AWS::IAM::AccessKey": { className: "iam.AccessKey", ref: "id", getAtt: { SecretAccessKey: "secret" }, props: { UserName: "user" } },
  "AWS::DocDB::DBCluster": { className: "docdb.Cluster", ref: "id", getAtt: { Endpoint: "endpoint", ReadEndpoint: "readerEndpoint", Port: "port", ClusterResourceId: "clusterResourceId" }, props: { DBClusterIdentifier: "clusterIdentifier", DBSubnetGroupName: "dbSubnetGroupName", DBClusterParameterGroupName: "dbClusterParameterGroupName", MasterUserPassword: "masterPassword", VpcSecurityGroupIds: "vpcSecurityGroupIds", PreferredBackupWindow: "preferredBackupWindow" } },
  "AWS::Elasticsearch::Domain": { className: "elasticsearch.Domain", ref: "domainName", getAtt: { Arn: "arn", DomainArn: "arn", DomainEndpoint: "endpoint" }, props: { ElasticsearchClusterConfig: "clusterConfig", AccessPolicies: "accessPolicies", VPCOptions: "vpcOptions" } },
  // One membership per user it names: see special.ts.
  "AWS::IAM::UserToGroupAddition": { className: "iam.UserGroupMembership", ref: "id" },
  // One policy per queue it names: see special.ts.
  "AWS::SQS::QueuePolicy": { className: "sqs.QueuePolicy", ref: "id", props: { PolicyDocument: "policy" } },
  "AWS::SNS::Topic": { className: "sns.Topic", ref: "arn", getAtt: { TopicArn: "arn", TopicName: "name" }, props: { TopicName: "name" } },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": {
    className: "lb.LoadBalancer",
    ref: "arn",
    getAtt: { DNSName: "dnsName", CanonicalHostedZoneID: "zoneId", LoadBalancerFullName: "arnSuffix", LoadBalancerName: "name", LoadBalancerArn: "arn" },
    props: { Type: "loadBalancerType", Scheme: "internal" },
  },
};

export type Target =
  | { readonly kind: "classic"; readonly className: string; readonly schema: ResourceSchema; readonly curated: Curated; readonly typeKey: string }
  | {
      readonly kind: "native";
      readonly className: string;
      readonly schema: ResourceSchema;
      readonly typeKey: string;
      /** What `Ref` reads where it is not the resource's id. */
      readonly ref?: string;
      /** A custom resource (`Custom::Seeder`), emulated: `Fn::GetAtt` reads the response's Data. */
      readonly custom?: true;
    }
  | { readonly kind: "serverless" }
  | { readonly kind: "unknown" };

let nativeIndex: Map<string, string> | undefined;

/** `AWS::EC2::VPC` → `ec2.Vpc` when @pulumi/aws-native has it. */
export function nativeClass(cfnType: string): string | undefined {
  if (!nativeIndex) {
    nativeIndex = new Map();
    // Keys are `module.Name` and tokens `aws-native:module:Name`: the index needs no module file.
    for (const key of Object.keys(nativeSchema().resources)) {
      const dot = key.indexOf(".");
      nativeIndex.set(`${key.slice(0, dot)}::${key.slice(dot + 1)}`.toLowerCase(), key);
    }
  }
  const m = /^AWS::([^:]+)::([^:]+)$/.exec(cfnType);
  return m ? nativeIndex.get(`${m[1]}::${m[2]}`.toLowerCase()) : undefined;
}

const targets = new Map<string, Target>();

/**
 * `Ref` of an aws-native resource is its id, the CloudFormation primary identifier (a composite
 * one joined by `|`, as `Ref` of a WAFv2 WebACL returns it), except where the type's `Ref`
 * returns another value (the CloudFormation resource reference's "Ref" section): these.
 */
export const NATIVE_REF: Readonly<Record<string, string>> = {
  // The Elastic IP address (the id is PublicIp|AllocationId).
  "AWS::EC2::EIP": "publicIp",
  // The service's ARN (the id is ServiceArn|Cluster).
  "AWS::ECS::Service": "serviceArn",
  // The rule's name (the id is its ARN).
  "AWS::Events::Rule": "name",
  // The app client's id (the id is UserPoolId|ClientId).
  "AWS::Cognito::UserPoolClient": "clientId",
  // The record's domain name (the id is one Route 53 generates).
  "AWS::Route53::RecordSet": "name",
  // API Gateway v2's parts: the part's own id (or the stage's name); the id joins the API's id to it.
  "AWS::ApiGatewayV2::ApiMapping": "apiMappingId",
  "AWS::ApiGatewayV2::Authorizer": "authorizerId",
  "AWS::ApiGatewayV2::Deployment": "deploymentId",
  "AWS::ApiGatewayV2::Integration": "integrationId",
  "AWS::ApiGatewayV2::IntegrationResponse": "integrationResponseId",
  "AWS::ApiGatewayV2::Model": "modelId",
  "AWS::ApiGatewayV2::Route": "routeId",
  "AWS::ApiGatewayV2::RouteResponse": "routeResponseId",
  "AWS::ApiGatewayV2::Stage": "stageName",
};

/** aws-native's emulation of CloudFormation custom resources: it invokes the Lambda with the same protocol. */
export const CUSTOM_RESOURCE = "cloudformation.CustomResourceEmulator";

/** `Custom::Anything` or `AWS::CloudFormation::CustomResource`. */
export function isCustomResource(cfnType: string): boolean {
  return /^Custom::[A-Za-z0-9_@-]+$/.test(cfnType) || cfnType === "AWS::CloudFormation::CustomResource";
}

export function resolveCfnType(cfnType: string): Target {
  // Asked once per resource, of a few types: each type is resolved once.
  return memo(targets, cfnType, resolve, 10_000);
}

function resolve(cfnType: string): Target {
  if (cfnType.startsWith("AWS::Serverless::")) return { kind: "serverless" };
  // A group of record sets (no class of its own): its records, each a RecordSet (special.ts).
  if (cfnType === "AWS::Route53::RecordSetGroup") return resolve("AWS::Route53::RecordSet");
  const typeKey = cfnTypeKey(cfnType);
  if (isCustomResource(cfnType)) return { kind: "native", className: `aws_native.${CUSTOM_RESOURCE}`, schema: nativeSchema().resources[CUSTOM_RESOURCE]!, typeKey, ref: "physicalResourceId", custom: true };
  const curated = CURATED[cfnType];
  if (curated) {
    const schema = awsSchema().resources[curated.className]!;
    return { kind: "classic", className: `aws.${curated.className}`, schema, curated, typeKey };
  }
  const n = nativeClass(cfnType);
  const ref = NATIVE_REF[cfnType];
  if (n) return { kind: "native", className: `aws_native.${n}`, schema: nativeSchema().resources[n]!, typeKey, ...(ref ? { ref } : {}) };
  return { kind: "unknown" };
}

/** `AWS::Lambda::Function` → `lambda_function`: the subject the `<subject>_name` → `name` rule reads. */
export function cfnTypeKey(cfnType: string): string {
  return cfnType.split("::").slice(1).map(snake).join("_");
}
