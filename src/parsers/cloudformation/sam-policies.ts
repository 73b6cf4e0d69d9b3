/**
 * SAM policy templates (`Policies: [{ DynamoDBCrudPolicy: { TableName: !Ref Table } }]`): the
 * statements the transform writes for each, as its policy template table defines them. A
 * resource is `*` or an ARN pattern in which `${Name}` is the template's parameter `Name` (the
 * value written for it, an intrinsic or a string) and `${AWS::…}` a pseudo parameter, as in an
 * `Fn::Sub`. A template not in this table, or one missing a parameter, is not expanded (the
 * caller warns).
 */
import { isObj, type Obj } from "./sam-api.js";

interface Statement {
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
}

/** An ARN of `service` in the stack's partition, region and account. */
const here = (service: string, rest: string): string => `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${rest}`;
const table = here("dynamodb", "table/${TableName}");
const tableAndIndexes = [table, `${table}/index/*`];
const bucket = "arn:${AWS::Partition}:s3:::${BucketName}";
const bucketAndObjects = [bucket, `${bucket}/*`];
const stream = here("kinesis", "stream/${StreamName}");
const identity = here("ses", "identity/${IdentityName}");
const deliveryStream = here("firehose", "deliverystream/${DeliveryStreamName}");
const each = (service: string, ...actions: string[]): string[] => actions.map((a) => `${service}:${a}`);
const anywhere = (Action: string | readonly string[]): Statement => ({ Action, Resource: "*" });

const TEMPLATES: Readonly<Record<string, readonly Statement[]>> = {
  AMIDescribePolicy: [{ Action: ["ec2:DescribeImages"], Resource: here("ec2", "image/*") }],
  AthenaQueryPolicy: [
    anywhere(each("athena", "ListWorkGroups", "GetExecutionEngine", "GetExecutionEngines", "GetNamespace", "GetCatalogs", "GetNamespaces", "GetTables", "GetTable")),
    {
      Action: each("athena", "StartQueryExecution", "GetQueryResults", "DeleteNamedQuery", "GetNamedQuery", "ListQueryExecutions", "StopQueryExecution", "GetQueryResultsStream", "ListNamedQueries", "CreateNamedQuery", "GetQueryExecution", "BatchGetNamedQuery", "BatchGetQueryExecution", "GetWorkGroup"),
      Resource: here("athena", "workgroup/${WorkGroupName}"),
    },
  ],
  AWSSecretsManagerGetSecretValuePolicy: [{ Action: ["secretsmanager:GetSecretValue"], Resource: "${SecretArn}" }],
  CloudFormationDescribeStacksPolicy: [{ Action: ["cloudformation:DescribeStacks"], Resource: here("cloudformation", "stack/*") }],
  CloudWatchDescribeAlarmHistoryPolicy: [anywhere(["cloudwatch:DescribeAlarmHistory"])],
  CloudWatchPutMetricPolicy: [anywhere(["cloudwatch:PutMetricData"])],
  CodePipelineLambdaExecutionPolicy: [anywhere(each("codepipeline", "PutJobSuccessResult", "PutJobFailureResult"))],
  ComprehendBasicAccessPolicy: [
    anywhere(each("comprehend", "BatchDetectKeyPhrases", "DetectDominantLanguage", "DetectEntities", "BatchDetectEntities", "DetectKeyPhrases", "DetectSentiment", "BatchDetectDominantLanguage", "BatchDetectSentiment")),
  ],
  CostExplorerReadOnlyPolicy: [anywhere(each("ce", "GetCostAndUsage", "GetDimensionValues", "GetReservationCoverage", "GetReservationPurchaseRecommendation", "GetReservationUtilization", "GetTags"))],
  DynamoDBBackupFullAccessPolicy: [
    { Action: each("dynamodb", "CreateBackup", "DescribeContinuousBackups"), Resource: table },
    { Action: each("dynamodb", "DeleteBackup", "DescribeBackup", "ListBackups"), Resource: `${table}/backup/*` },
  ],
  DynamoDBCrudPolicy: [
    { Action: each("dynamodb", "GetItem", "DeleteItem", "PutItem", "Scan", "Query", "UpdateItem", "BatchWriteItem", "BatchGetItem", "DescribeTable", "ConditionCheckItem"), Resource: tableAndIndexes },
  ],
  DynamoDBReadPolicy: [{ Action: each("dynamodb", "GetItem", "Scan", "Query", "BatchGetItem", "DescribeTable"), Resource: tableAndIndexes }],
  DynamoDBReconfigurePolicy: [{ Action: ["dynamodb:UpdateTable"], Resource: table }],
  DynamoDBRestoreFromBackupPolicy: [
    { Action: ["dynamodb:RestoreTableFromBackup"], Resource: `${table}/backup/*` },
    { Action: each("dynamodb", "PutItem", "UpdateItem", "DeleteItem", "GetItem", "Query", "Scan", "BatchWriteItem"), Resource: table },
  ],
  DynamoDBStreamReadPolicy: [
    { Action: each("dynamodb", "DescribeStream", "GetRecords", "GetShardIterator"), Resource: `${table}/stream/\${StreamName}` },
    { Action: ["dynamodb:ListStreams"], Resource: `${table}/stream/*` },
  ],
  DynamoDBWritePolicy: [{ Action: each("dynamodb", "PutItem", "UpdateItem", "BatchWriteItem"), Resource: tableAndIndexes }],
  EC2DescribePolicy: [anywhere(each("ec2", "DescribeRegions", "DescribeInstances"))],
  EKSDescribePolicy: [anywhere(each("eks", "DescribeCluster", "ListClusters"))],
  ElasticsearchHttpPostPolicy: [{ Action: each("es", "ESHttpPost", "ESHttpPut"), Resource: here("es", "domain/${DomainName}/*") }],
  EventBridgePutEventsPolicy: [{ Action: "events:PutEvents", Resource: here("events", "event-bus/${EventBusName}") }],
  FilterLogEventsPolicy: [{ Action: ["logs:FilterLogEvents"], Resource: here("logs", "log-group:${LogGroupName}:log-stream:*") }],
  FirehoseCrudPolicy: [
    { Action: each("firehose", "CreateDeliveryStream", "DeleteDeliveryStream", "DescribeDeliveryStream", "PutRecord", "PutRecordBatch", "UpdateDestination"), Resource: deliveryStream },
  ],
  FirehoseWritePolicy: [{ Action: each("firehose", "PutRecord", "PutRecordBatch"), Resource: deliveryStream }],
  KinesisCrudPolicy: [
    {
      Action: each("kinesis", "AddTagsToStream", "CreateStream", "DecreaseStreamRetentionPeriod", "DeleteStream", "DescribeStream", "DescribeStreamSummary", "GetShardIterator", "IncreaseStreamRetentionPeriod", "ListTagsForStream", "MergeShards", "PutRecord", "PutRecords", "SplitShard", "RemoveTagsFromStream"),
      Resource: stream,
    },
  ],
  KinesisStreamReadPolicy: [
    { Action: each("kinesis", "ListStreams", "DescribeLimits"), Resource: here("kinesis", "stream/*") },
    { Action: each("kinesis", "DescribeStream", "DescribeStreamSummary", "GetRecords", "GetShardIterator"), Resource: stream },
  ],
  KMSDecryptPolicy: [{ Action: "kms:Decrypt", Resource: here("kms", "key/${KeyId}") }],
  KMSEncryptPolicy: [{ Action: "kms:Encrypt", Resource: here("kms", "key/${KeyId}") }],
  LambdaInvokePolicy: [{ Action: ["lambda:InvokeFunction"], Resource: here("lambda", "function:${FunctionName}*") }],
  OrganizationsListAccountsPolicy: [anywhere(["organizations:ListAccounts"])],
  RekognitionDetectOnlyPolicy: [anywhere(each("rekognition", "DetectFaces", "DetectLabels", "DetectModerationLabels", "DetectText"))],
  RekognitionFacesPolicy: [anywhere(each("rekognition", "CompareFaces", "DetectFaces"))],
  RekognitionLabelsPolicy: [anywhere(each("rekognition", "DetectLabels", "DetectModerationLabels"))],
  S3CrudPolicy: [
    { Action: each("s3", "GetObject", "ListBucket", "GetBucketLocation", "GetObjectVersion", "PutObject", "PutObjectAcl", "GetLifecycleConfiguration", "PutLifecycleConfiguration", "DeleteObject"), Resource: bucketAndObjects },
  ],
  S3FullAccessPolicy: [
    {
      Action: each("s3", "GetObject", "GetObjectAcl", "GetObjectVersion", "PutObject", "PutObjectAcl", "DeleteObject", "DeleteObjectTagging", "DeleteObjectVersionTagging", "GetObjectTagging", "GetObjectVersionTagging", "PutObjectTagging", "PutObjectVersionTagging"),
      Resource: [`${bucket}/*`],
    },
    { Action: each("s3", "ListBucket", "GetBucketLocation", "GetLifecycleConfiguration", "PutLifecycleConfiguration"), Resource: [bucket] },
  ],
  S3ReadPolicy: [{ Action: each("s3", "GetObject", "ListBucket", "GetBucketLocation", "GetObjectVersion", "GetLifecycleConfiguration"), Resource: bucketAndObjects }],
  S3WritePolicy: [{ Action: each("s3", "PutObject", "PutObjectAcl", "PutLifecycleConfiguration"), Resource: bucketAndObjects }],
  SESCrudPolicy: [{ Action: each("ses", "GetIdentityVerificationAttributes", "SendEmail", "SendRawEmail", "VerifyEmailIdentity"), Resource: identity }],
  SESSendBouncePolicy: [{ Action: ["ses:SendBounce"], Resource: identity }],
  SNSCrudPolicy: [{ Action: each("sns", "ListSubscriptionsByTopic", "CreateTopic", "SetTopicAttributes", "Subscribe", "Publish"), Resource: here("sns", "${TopicName}*") }],
  SNSPublishMessagePolicy: [{ Action: ["sns:Publish"], Resource: here("sns", "${TopicName}") }],
  SQSPollerPolicy: [
    { Action: each("sqs", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "DeleteMessage", "DeleteMessageBatch", "GetQueueAttributes", "ReceiveMessage"), Resource: here("sqs", "${QueueName}") },
  ],
  SQSSendMessagePolicy: [{ Action: ["sqs:SendMessage*"], Resource: here("sqs", "${QueueName}") }],
  SSMParameterReadPolicy: [
    anywhere(["ssm:DescribeParameters"]),
    { Action: each("ssm", "GetParameters", "GetParameter", "GetParametersByPath"), Resource: here("ssm", "parameter/${ParameterName}") },
  ],
  StepFunctionsExecutionPolicy: [{ Action: ["states:StartExecution"], Resource: here("states", "stateMachine:${StateMachineName}") }],
  TextractDetectAnalyzePolicy: [anywhere(each("textract", "DetectDocumentText", "StartDocumentTextDetection", "StartDocumentAnalysis", "AnalyzeDocument"))],
  TextractGetResultPolicy: [anywhere(each("textract", "GetDocumentTextDetection", "GetDocumentAnalysis"))],
  TextractPolicy: [anywhere(["textract:*"])],
  VPCAccessPolicy: [anywhere(each("ec2", "CreateNetworkInterface", "DeleteNetworkInterface", "DescribeNetworkInterfaces", "DetachNetworkInterface"))],
};

const PARAMETER = /\$\{(?!AWS::)([A-Za-z0-9]+)\}/g;

/** The parameters a template's resources name, in order of first use. */
function parametersOf(statements: readonly Statement[]): string[] {
  const names = new Set<string>();
  for (const s of statements) for (const r of [s.Resource].flat()) for (const m of r.matchAll(PARAMETER)) names.add(m[1]!);
  return [...names];
}

/** A resource pattern with the values written: `*` as it is, a parameter alone its value, else an `Fn::Sub`. */
function resource(pattern: string, values: Obj): unknown {
  if (pattern === "*") return pattern;
  const alone = /^\$\{([A-Za-z0-9]+)\}$/.exec(pattern);
  if (alone) return values[alone[1]!];
  const used = [...pattern.matchAll(PARAMETER)].map((m) => m[1]!);
  return used.length ? { "Fn::Sub": [pattern, Object.fromEntries(used.map((n) => [n, values[n]]))] } : { "Fn::Sub": pattern };
}

export type TemplateExpansion = { readonly document: Obj } | { readonly unknown: string } | { readonly missing: { readonly template: string; readonly parameters: readonly string[] } };

/** A policy template (`{ Name: { Parameter: value } }`) as the policy document the transform writes for it. */
export function expandPolicyTemplate(policy: Obj): TemplateExpansion {
  const [name, given] = Object.entries(policy)[0] ?? ["", undefined];
  const statements = Object.keys(policy).length === 1 ? TEMPLATES[name] : undefined;
  if (!statements) return { unknown: name || JSON.stringify(policy) };
  const values = isObj(given) ? given : {};
  const missing = parametersOf(statements).filter((p) => values[p] === undefined);
  if (missing.length) return { missing: { template: name, parameters: missing } };
  return {
    document: {
      Statement: statements.map((s) => ({
        Effect: "Allow",
        Action: s.Action,
        Resource: Array.isArray(s.Resource) ? s.Resource.map((r) => resource(r, values)) : resource(s.Resource as string, values),
      })),
    },
  };
}
