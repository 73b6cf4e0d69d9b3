/**
 * A SAM REST API's definition as the transform writes it, run under the mocks and read back as
 * the RestApi's body: OpenApiVersion (and what a value the transform rejects, or none, gets
 * said), authorization scopes, and events' own resource policies.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers/fixtures.js";
import { runProgram } from "./helpers/mocks.js";

describe("a SAM API's OpenApiVersion", () => {
  it("3.x: a generated body is an OpenAPI 3 document, security schemes and models under components, preflights without consumes/produces; Cognito scopes on each method", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_api_openapi3", "expected", "index.ts"));
    const body = (name: string) => JSON.parse(registered.find((r) => r.name === name)!.inputs.body as string);
    const api = body("Api");
    expect(api.openapi).toBe("3.0.1");
    expect(api.swagger).toBeUndefined();
    expect(api.securityDefinitions).toBeUndefined();
    expect(api.definitions).toBeUndefined();
    expect(Object.keys(api.components.securitySchemes)).toEqual(["Users", "api_key"]);
    expect(api.components.securitySchemes.Users["x-amazon-apigateway-authtype"]).toBe("cognito_user_pools");
    expect(api.components.schemas.item.properties.name.type).toBe("string");
    expect(api.paths["/items"].post.requestBody).toEqual({ content: { "application/json": { schema: { $ref: "#/components/schemas/item" } } }, required: true });
    const options = api.paths["/items"].options;
    expect(options.consumes).toBeUndefined();
    expect(options.produces).toBeUndefined();
    expect(options.responses["200"].headers).toEqual({ "Access-Control-Allow-Methods": { schema: { type: "string" } }, "Access-Control-Allow-Origin": { schema: { type: "string" } } });
    // Scopes: the event's where it names the authorizer, else the authorizer's own (the preflight too, as the default authorizer secures it).
    expect(api.paths["/items"].post.security).toEqual([{ Users: ["items/write"] }, { api_key: [] }]);
    expect(api.paths["/items"].get.security).toEqual([{ Users: ["items/read"] }, { api_key: [] }]);
    expect(api.paths["/items"].options.security).toEqual([{ Users: ["items/read"] }, { api_key: [] }]);
    // YAML's 3.0 (a number) is the version "3.0", as the transform reads it.
    expect(body("Legacy").openapi).toBe("3.0");
    // A body written out keeps its version: the transform changes only the bodies it generated.
    expect(body("Written").swagger).toBe("2.0");
    expect(body("Written").openapi).toBeUndefined();
  });

  it("a value the transform rejects is a located error; none says that SAM's extra 'Stage' stage is not made", async () => {
    const { convert } = await import("../src/index.js");
    const template = (version: string) =>
      [
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        ...(version ? [`      OpenApiVersion: ${version}`] : []),
      ].join("\n");
    const rejected = await convert([{ path: "template.yaml", text: template("'4.0'") }], { prettier: false });
    const error = rejected.diagnostics.find((d) => d.severity === "error");
    expect(error?.message).toContain("OpenApiVersion must be a version such as 3.0.1");
    expect(error?.location?.line).toBe(7);
    expect(rejected.code).toContain('swagger: "2.0"');
    const none = await convert([{ path: "template.yaml", text: template("") }], { prettier: false });
    expect(none.diagnostics.find((d) => d.code === "PG2010" && d.message.startsWith("Api: an API"))?.message).toContain("also names a stage 'Stage'");
    const two = await convert([{ path: "template.yaml", text: template("'2.0'") }], { prettier: false });
    expect(two.diagnostics.some((d) => d.message.includes("'Stage'"))).toBe(false);
    expect(two.code).toContain('swagger: "2.0"');
  });
});

describe("an API event's own Auth ResourcePolicy", () => {
  it("is written when the transform reads the event, on the methods its path has by then, before the API's own policy", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_event_policy", "expected", "index.ts"));
    const body = JSON.parse(registered.find((r) => r.name === "Api")!.inputs.body as string);
    const statements = body["x-amazon-apigateway-policy"].Statement as { Effect: string; Principal: unknown; Resource: unknown; Condition?: unknown }[];
    const get = "execute-api:/prod/GET/items";
    const post = "execute-api:/prod/POST/items";
    expect(statements.map((st) => [st.Effect, st.Principal, st.Resource, st.Condition ?? null])).toEqual([
      // List, read first: /items has only its GET.
      ["Allow", "*", [get], null],
      ["Deny", "*", [get], { IpAddress: { "aws:SourceIp": ["198.51.100.0/24"] } }],
      // Create, read second: the GET and its own POST; then its custom statement.
      ["Deny", { AWS: ["444455556666"] }, [get, post], null],
      ["Allow", "*", post, null],
      // The API's own policy last, on every method of the path.
      ["Allow", { AWS: ["111122223333"] }, [get, post], null],
    ]);
  });

  it("on an API the transform does not make, is a located warning naming the event", async () => {
    const { convert } = await import("../src/index.js");
    const text = [
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Plain:",
      "    Type: AWS::ApiGateway::RestApi",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      InlineCode: x",
      "      Events:",
      "        Get:",
      "          Type: Api",
      "          Properties:",
      "            RestApiId: !Ref Plain",
      "            Path: /",
      "            Method: get",
      "            Auth:",
      "              ResourcePolicy:",
      "                AwsAccountWhitelist: ['111122223333']",
    ].join("\n");
    const r = await convert([{ path: "template.yaml", text }], { prettier: false });
    const w = r.diagnostics.find((d) => d.message.includes("Auth ResourcePolicy is left out"));
    expect(w?.message).toContain("its RestApiId is not an API of the transform");
    expect(w?.location?.line).toBe(12);
  });
});

describe("AWS_IAM on a SAM API", () => {
  it("secures each method it authorizes with signed requests, called with the caller's credentials or the InvokeRole given; elsewhere InvokeRole has no effect", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_api_iam", "expected", "index.ts"));
    const body = (name: string) => JSON.parse(registered.find((r) => r.name === name)!.inputs.body as string);
    const iam = { "x-amazon-apigateway-authtype": "awsSigv4", type: "apiKey", name: "Authorization", in: "header" };
    const api = body("Api");
    expect(api.securityDefinitions).toEqual({ AWS_IAM: iam });
    expect(registered.find((r) => r.name === "ApiprodStage")!.inputs.tags).toEqual({ team: "payments" });
    expect(registered.find((r) => r.name === "Api")!.inputs.tags).toEqual({ team: "payments" });
    expect(api.paths["/items"].get.security).toEqual([{ AWS_IAM: [] }]);
    expect(api.paths["/items"].get["x-amazon-apigateway-integration"].credentials).toBe("arn:aws:iam::*:user/*");
    expect(api.paths["/open"].get.security).toBeUndefined();
    expect(api.paths["/open"].get["x-amazon-apigateway-integration"].credentials).toBeUndefined();
    const implicit = body("ServerlessRestApi");
    expect(implicit.securityDefinitions).toEqual({ AWS_IAM: iam });
    expect(implicit.paths["/signed"].post.security).toEqual([{ AWS_IAM: [] }]);
    expect(implicit.paths["/signed"].post["x-amazon-apigateway-integration"].credentials).toBe("arn:aws:iam::123456789012:role/invoker");
    expect(implicit.paths["/ignored"].get.security).toBeUndefined();
    expect(implicit.paths["/ignored"].get["x-amazon-apigateway-integration"].credentials).toBeUndefined();
    // An HTTP API: the IAM authorizer EnableIamAuthorizer turns on, securing its routes.
    const raw = registered.find((r) => r.name === "Http")!.inputs.body;
    const http = typeof raw === "string" ? JSON.parse(raw) : (raw as { components: { securitySchemes: Record<string, unknown> }; paths: Record<string, { get: { security: unknown } }> });
    expect(http.components.securitySchemes.AWS_IAM).toEqual({ type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "awsSigv4" });
    expect(http.paths["/route"].get.security).toEqual([{ AWS_IAM: [] }]);
  });
});

describe("a SAM REST API's authorizers", () => {
  it("carry what the transform writes of each: header, validation expression, cache TTL, invoke role, REQUEST identity sources; a permission unless the template grants it", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_api_authorizers", "expected", "index.ts"));
    const defs = JSON.parse(registered.find((r) => r.name === "Api")!.inputs.body as string).securityDefinitions;
    expect(defs.Users.name).toBe("X-Auth");
    expect(defs.Users["x-amazon-apigateway-authorizer"].identityValidationExpression).toBe("^Bearer .+$");
    const token = defs.Tokens["x-amazon-apigateway-authorizer"];
    expect([token.type, token.authorizerResultTtlInSeconds, token.authorizerCredentials, token.identityValidationExpression]).toEqual(["token", 60, "arn:aws:iam::123456789012:role/authorizer-invoker", "^[a-z0-9]+$"]);
    expect(defs.Requests.name).toBe("Unused");
    expect(defs.Requests["x-amazon-apigateway-authorizer"].identitySource).toBe("method.request.header.X-Tenant, method.request.querystring.key, stageVariables.realm, context.sourceIp");
    const permissions = registered.filter((r) => r.type === "aws:lambda/permission:Permission" && r.name.endsWith("AuthorizerPermission")).map((r) => r.name);
    expect(permissions).toEqual(["ApiTokensAuthorizerPermission"]);
  });
});

describe("what a SAM function's events pass on", () => {
  it("rules' retry policy, dead-letter queue (made with its policy, or named), input transformer and target id; a subscription's filter scope and redrive policy; an API event's timeout", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_event_targets", "expected", "index.ts"));
    const get = (name: string) => registered.find((r) => r.name === name)!;
    // What the mocks answer for a resource's ARN and a queue's URL.
    const arn = (name: string) => `arn:aws:mock:${get(name).type}:${name}`;
    const [nightly] = get("FnNightly").inputs.targets as { deadLetterConfig: { arn: string }; retryPolicy: unknown }[];
    expect(nightly!.retryPolicy).toEqual({ maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 });
    expect(nightly!.deadLetterConfig.arn).toBe(arn("FnNightlyQueue"));
    const policy = JSON.parse(get("FnNightlyQueuePolicy").inputs.policy as string);
    expect(get("FnNightlyQueuePolicy").inputs.queueUrl).toBe("https://mock/FnNightlyQueue");
    expect(policy.Statement).toEqual([{ Action: "sqs:SendMessage", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Resource: arn("FnNightlyQueue"), Condition: { ArnEquals: { "aws:SourceArn": arn("FnNightly") } } }]);
    const [changes] = get("FnChanges").inputs.targets as { id: string; inputTransformer: unknown; deadLetterConfig: { arn: string } }[];
    expect(changes!.id).toBe("s3-changes");
    expect(changes!.inputTransformer).toEqual({ inputPathsMap: { bucket: "$.detail.bucket.name" }, inputTemplate: '{"bucket": <bucket>}' });
    expect(changes!.deadLetterConfig.arn).toBe(arn("Failures"));
    expect(get("FnNotices").inputs.filterPolicyScope).toBe("MessageBody");
    expect(get("FnNotices").inputs.redrivePolicy).toEqual({ deadLetterTargetArn: arn("Failures") });
    const body = JSON.parse(get("ServerlessRestApi").inputs.body as string);
    expect(body.paths["/slow"].get["x-amazon-apigateway-integration"].timeoutInMillis).toBe(15000);
    // The function's own AssumeRolePolicyDocument is its role's trust.
    expect(JSON.parse(get("FnRole").inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] });
    // SqsSubscription: the topic feeds a queue (made, or named) that the function polls, with the policy letting the topic send to it.
    expect([get("FnQueued").inputs.protocol, get("FnQueued").inputs.endpoint]).toEqual(["sqs", arn("FnQueuedQueue")]);
    expect(JSON.parse(get("FnQueuedQueuePolicy").inputs.policy as string).Statement).toEqual([{ Action: "sqs:SendMessage", Effect: "Allow", Principal: "*", Resource: arn("FnQueuedQueue"), Condition: { ArnEquals: { "aws:SourceArn": arn("Topic") } } }]);
    expect(get("FnQueuedEventSourceMapping").inputs).toMatchObject({ eventSourceArn: arn("FnQueuedQueue"), batchSize: 10, enabled: true });
    expect(get("FnThroughFailuresEventSourceMapping").inputs).toMatchObject({ eventSourceArn: arn("Failures"), batchSize: 5 });
    expect(get("FnThroughFailuresQueuePolicy").inputs.queueUrl).toBe("https://mock/Failures");
    expect(registered.some((r) => r.name === "FnQueuedPermission" || r.name === "FnThroughFailuresQueue")).toBe(false);
    // The event's route settings update its route's on the HTTP API's stage.
    expect(get("HttpApiGatewayDefaultStage").inputs.routeSettings).toEqual({ "GET /orders": { ThrottlingBurstLimit: 5, DetailedMetricsEnabled: true } });
  });
});

describe("a SAM state machine's events", () => {
  it("are rules whose target starts an execution with a role allowed states:StartExecution on the machine, with the event's input, retry policy and dead-letter queue", async () => {
    const registered = await runProgram(path.join(FIXTURES, "cfn_sam_state_machine_events", "expected", "index.ts"));
    const get = (name: string) => registered.find((r) => r.name === name)!;
    const arn = (name: string) => `arn:aws:mock:${get(name).type}:${name}`;
    // What the mocks answer for the state machine's id (Ref of it is its ARN).
    const machine = "Machine-id";
    const role = get("MachineHourlyRole").inputs;
    expect(JSON.parse(role.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: ["events.amazonaws.com"] });
    expect(role.inlinePolicies).toEqual([{ name: "MachineHourlyRoleStartExecutionPolicy", policy: JSON.stringify({ Statement: [{ Action: "states:StartExecution", Effect: "Allow", Resource: machine }] }) }]);
    const hourly = get("MachineHourly").inputs;
    expect(hourly.state).toBe("DISABLED");
    expect(hourly.targets).toEqual([{ arn: machine, id: "MachineHourlyStepFunctionsTarget", roleArn: arn("MachineHourlyRole"), input: '{"kind": "hourly"}' }]);
    const [uploaded] = get("MachineUploaded").inputs.targets as Record<string, unknown>[];
    expect(uploaded).toMatchObject({ arn: machine, roleArn: arn("MachineUploadedRole"), inputPath: "$.detail", retryPolicy: { maximumRetryAttempts: 3 }, deadLetterConfig: { arn: arn("MachineUploadedQueue") } });
    expect(get("MachineUploadedQueuePolicy").inputs.queueUrl).toBe("https://mock/MachineUploadedQueue");
    // The Api event: a path of its API that starts an execution with the event's role (API Gateway assumes it), the request as the input.
    const start = JSON.parse(get("Api").inputs.body as string).paths["/start"].post["x-amazon-apigateway-integration"];
    expect(start).toMatchObject({ type: "aws", httpMethod: "POST", credentials: arn("MachineStartRole"), uri: "arn:aws:apigateway:us-east-1:states:action/StartExecution" });
    expect(JSON.parse(get("Api").inputs.body as string).paths["/start"].post.security).toEqual([{ AWS_IAM: [] }]);
    expect(start.requestTemplates["application/json"]).toBe(`{"input": "$util.escapeJavaScript($input.json('$'))", "stateMachineArn": "${machine}"}`);
    expect(JSON.parse(get("MachineStartRole").inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: ["apigateway.amazonaws.com"] });
  });
});
