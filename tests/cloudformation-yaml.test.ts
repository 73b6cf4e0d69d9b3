import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { trailingCommentAt } from "../src/parsers/cloudformation/comments.js";
import { parseTemplate } from "../src/parsers/cloudformation/yaml.js";
import { SHARED, walk } from "./helpers/fixtures.js";

const ok = (text: string) => {
  const r = parseTemplate(text);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
  return r;
};
const value = (yamlText: string) => (ok(`V: ${yamlText}\n`).template as { V: unknown }).V;

describe("CloudFormation YAML: every short-form tag in every form, normalised to the JSON shape", () => {
  it.each([
    ["!Ref Api", { Ref: "Api" }],
    ["!Sub 'arn:${AWS::Partition}:s3:::${Bucket}'", { "Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}" }],
    ["!Sub ['${A}-x', { A: !Ref B }]", { "Fn::Sub": ["${A}-x", { A: { Ref: "B" } }] }],
    ["!GetAtt Fn.Arn", { "Fn::GetAtt": ["Fn", "Arn"] }],
    ["!GetAtt Db.Endpoint.Address", { "Fn::GetAtt": ["Db", "Endpoint.Address"] }],
    ["!GetAtt [Fn, Arn]", { "Fn::GetAtt": ["Fn", "Arn"] }],
    ["!Base64 text", { "Fn::Base64": "text" }],
    ["!Base64 { 'Fn::Sub': x }", { "Fn::Base64": { "Fn::Sub": "x" } }],
    ["!Join ['', [a, !Ref B]]", { "Fn::Join": ["", ["a", { Ref: "B" }]] }],
    ["!Select [0, !GetAZs '']", { "Fn::Select": [0, { "Fn::GetAZs": "" }] }],
    ["!Split [',', 'a,b']", { "Fn::Split": [",", "a,b"] }],
    ["!If [Prod, 1, !Ref AWS::NoValue]", { "Fn::If": ["Prod", 1, { Ref: "AWS::NoValue" }] }],
    ["!Equals [!Ref Env, prod]", { "Fn::Equals": [{ Ref: "Env" }, "prod"] }],
    ["!And [!Condition A, !Not [!Condition B]]", { "Fn::And": [{ Condition: "A" }, { "Fn::Not": [{ Condition: "B" }] }] }],
    ["!Or [!Condition A, !Condition B]", { "Fn::Or": [{ Condition: "A" }, { Condition: "B" }] }],
    ["!FindInMap [M, !Ref AWS::Region, Ami]", { "Fn::FindInMap": ["M", { Ref: "AWS::Region" }, "Ami"] }],
    ["!GetAZs ''", { "Fn::GetAZs": "" }],
    ["!ImportValue SharedVpc", { "Fn::ImportValue": "SharedVpc" }],
    ["!ImportValue { 'Fn::Sub': '${Stack}-Vpc' }", { "Fn::ImportValue": { "Fn::Sub": "${Stack}-Vpc" } }],
    ["!Cidr [10.0.0.0/16, 4, 8]", { "Fn::Cidr": ["10.0.0.0/16", 4, 8] }],
    ["!Length [a, b]", { "Fn::Length": ["a", "b"] }],
    ["!ToJsonString { a: 1 }", { "Fn::ToJsonString": { a: 1 } }],
    ["!Transform { Name: AWS::Include, Parameters: { Location: s3://x } }", { "Fn::Transform": { Name: "AWS::Include", Parameters: { Location: "s3://x" } } }],
  ])("%s", (src, expected) => {
    expect(value(src)).toEqual(expected);
  });

  it("nests: !Sub inside !Join inside !If", () => {
    expect(value("!If [C, !Join ['-', [!Sub '${AWS::StackName}', !GetAtt R.Arn]], !Ref AWS::NoValue]")).toEqual({
      "Fn::If": ["C", { "Fn::Join": ["-", [{ "Fn::Sub": "${AWS::StackName}" }, { "Fn::GetAtt": ["R", "Arn"] }]] }, { Ref: "AWS::NoValue" }],
    });
  });

  it("JSON templates come back in the same shape", () => {
    const r = ok('{\n  "Resources": {\n    "Api": {\n      "Type": "AWS::ApiGateway::RestApi",\n      "Properties": { "Name": { "Ref": "N" } }\n    }\n  }\n}\n');
    expect(r.format).toBe("json");
    expect(r.template).toEqual({ Resources: { Api: { Type: "AWS::ApiGateway::RestApi", Properties: { Name: { Ref: "N" } } } } });
    expect(r.locate(["Resources", "Api", "Type"])).toEqual({ line: 4, column: 7 });
  });

  it("an unknown tag is a located error, not a crash", () => {
    const r = parseTemplate("Resources:\n  Fn:\n    Properties:\n      ZipFile: !Rain::Embed handler.py\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(4);
      expect(r.error.message).toContain("unknown tag !Rain::Embed");
    }
  });

  it("locates keys in block YAML", () => {
    const r = ok("# c\nResources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n  Method:\n    Properties:\n      HttpMethod: GET\n");
    expect(r.locate(["Resources", "Method", "Properties", "HttpMethod"])).toEqual({ line: 7, column: 7 });
    expect(r.locate(["Resources", "Api"])).toEqual({ line: 3, column: 3 });
  });

  it("locates a key among its parent's own keys, not a key of the same name nested in a sibling", () => {
    const text = "Metadata:\n  Groups:\n    - Parameters: [Prefix]\n# The parameters\nParameters:\n  # The prefix\n  Prefix:\n    Type: String\nResources:\n  A:\n    Properties:\n      Tags:\n        Name: inner\n      Name: outer\n";
    const r = ok(text);
    expect(r.locate(["Parameters"])).toEqual({ line: 5, column: 1 });
    expect(r.locate(["Parameters", "Prefix"])).toEqual({ line: 7, column: 3 });
    expect(r.comments.above(7)).toEqual(["The prefix"]);
    expect(r.locate(["Resources", "A", "Properties", "Name"])).toEqual({ line: 14, column: 7 });
    expect(r.locate(["Resources", "A", "Properties", "Tags", "Name"])).toEqual({ line: 13, column: 9 });
  });

  it("hands out each comment once: above an entry, at the end of its line, or left inside an item; never a multi-line scalar's lines", () => {
    const text = [
      "Resources:", //                                        1
      "  Fn:", //                                             2
      "    Properties:", //                                   3
      "      Code: |", //                                     4
      "        #!/bin/sh", //                                 5
      "        # code, not a comment", //                     6
      "      # above Name", //                                7
      "      Name: 'a # b' # the name", //                    8
      "      Description: \"x", //                            9
      "        # still the string\"", //                     10
      "      Items:", //                                      11
      "        - a # first", //                               12
      "        # after the items", //                         13
      "  # between", //                                       14
      "", //                                                  15
    ].join("\n");
    const c = ok(text).comments;
    expect(c.above(8)).toEqual(["above Name"]);
    expect(c.above(8)).toEqual([]);
    expect(c.trailing(8)).toBe("the name");
    expect(c.trailing(8)).toBeUndefined();
    expect(c.above(7)).toEqual([]);
    expect(c.above(11)).toEqual([]);
    expect(c.left(3, 14, 2)).toEqual({ inside: ["first", "after the items"], after: ["between"] });
    expect(c.left(1, 15, 0)).toEqual({ inside: [], after: [] });
  });

  it.each([
    ["a: b # c", 5],
    ["a: b#c", undefined],
    ["a: 'it''s # not' # yes", 17],
    ['a: "q \\" # not" # yes', 16],
    ["- x # y", 4],
    ["  # only a comment", undefined],
    ["a: don't # y", 9],
    ["a: [x, 'y # z'] # w", 16],
  ])("a comment at the end of %j starts at %j", (line, at) => {
    expect(trailingCommentAt(line)).toBe(at);
  });

  it("locates what the load itself saw: flow collections, short-form tags, one-line JSON, empty items, any order of asking", () => {
    const text = [
      "Resources:", //                                        1
      "  Q:", //                                              2
      "    Properties:", //                                   3
      "      Tags:", //                                       4
      "        - Key: a", //                                  5
      "          Value: !If [Cond, x, { Ref: B }]", //        6
      "        -", //                                         7
      "        - Value: !Join [',', [p, !Ref C]]", //         8
      "      Name: { 'Fn::Sub': '${A}' }", //                 9
      "",
    ].join("\n");
    const r = ok(text);
    const at = (...path: string[]) => r.locate(path);
    expect(at("Resources", "Q", "Properties", "Tags", "0", "Key")).toEqual({ line: 5, column: 11 });
    // A short-form tag stands for its long form's key, at the tagged value's entry; its items are where written.
    expect(at("Resources", "Q", "Properties", "Tags", "0", "Value", "Fn::If")).toEqual({ line: 6, column: 11 });
    expect(at("Resources", "Q", "Properties", "Tags", "0", "Value", "Fn::If", "1")).toEqual({ line: 6, column: 29 });
    expect(at("Resources", "Q", "Properties", "Tags", "0", "Value", "Fn::If", "2", "Ref")).toEqual({ line: 6, column: 34 });
    // An empty item (`-`) has no node of its own: the next item keeps its index.
    expect(at("Resources", "Q", "Properties", "Tags", "2", "Value", "Fn::Join", "1", "1", "Ref")).toEqual({ line: 8, column: 34 });
    expect(at("Resources", "Q", "Properties", "Name", "Fn::Sub")).toEqual({ line: 9, column: 15 });
    // Asked out of order, and past what is written (the nearest part found answers).
    expect(at("Resources", "Q")).toEqual({ line: 2, column: 3 });
    expect(at("Resources", "Q", "Properties", "Tags", "0", "Value", "Fn::If", "0")).toEqual({ line: 6, column: 23 });
    expect(at("Resources", "Q", "Properties", "Missing", "Deeper")).toEqual({ line: 3, column: 5 });
    expect(at("Resources", "Q", "Properties", "Tags", "9")).toEqual({ line: 4, column: 7 });
    expect(at()).toEqual({ line: 1, column: 1 });

    const json = ok('{ "Resources": { "A": { "Type": "AWS::SQS::Queue", "DependsOn": ["B", "C"] } } }');
    expect(json.locate(["Resources", "A", "Type"])).toEqual({ line: 1, column: 25 });
    expect(json.locate(["Resources", "A", "DependsOn", "1"])).toEqual({ line: 1, column: 71 });
  });

  it("parses every template of the shared corpus or reports a located error", () => {
    const files = walk(path.join(SHARED, "corpus", "cloudformation"), (f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(15);
    const failed: string[] = [];
    for (const f of files) {
      const r = parseTemplate(fs.readFileSync(f, "utf8"));
      if (!r.ok) {
        expect(r.error.line).toBeGreaterThan(0);
        failed.push(path.basename(f));
      } else expect(r.template.Resources).toBeTypeOf("object");
    }
    // Only the template with the non-standard !Rain::Embed tag is refused.
    expect(failed).toEqual(["apigateway_lambda_integration.yaml"]);
  });
});

describe("YAML aliases", () => {
  const header = 'AWSTemplateFormatVersion: "2010-09-09"\n';
  it("a template whose aliases repeat aliases (a billion laughs) is refused where the first alias is, before anything walks it", async () => {
    const levels = ['  a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(",")}]`)];
    const text = `${header}Metadata:\n${levels.join("\n")}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      big: *a8\n`;
    const r = parseTemplate(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ line: 4, column: 12, code: "PG1003" });
    expect(r.error.message).toMatch(/aliases expand it to more than 2,000,000 values/);
    const { convert } = await import("../src/index.js");
    const c = await convert([{ path: "laughs.yaml", text }], { prettier: false });
    expect(c.ok).toBe(false);
    expect(c.diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`)).toEqual(["4:12 PG1003"]);
  });

  it("an anchor used by every resource is expanded into each of them", async () => {
    const queues = Array.from({ length: 300 }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: *tags\n`).join("");
    const text = `${header}Resources:\n  First:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: &tags\n        - Key: team\n          Value: platform\n${queues}`;
    const { convert } = await import("../src/index.js");
    const c = await convert([{ path: "tags.yaml", text }], { prettier: false });
    expect(c.ok).toBe(true);
    expect(c.code.match(/team: "platform"|Key: "team"|key: "team"/g)?.length).toBe(301);
  });
});

describe("keys written twice", () => {
  it("each is a located warning and the last one is kept, as CloudFormation keeps it (YAML block and flow, JSON)", async () => {
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      "Mappings:",
      "  Amis:",
      "    eu-west-1: { AMI: ami-1, AMI: ami-2 }",
      "    eu-west-3:",
      "      AMI: ami-3",
      "    eu-west-3:",
      "      AMI: ami-4",
      "Resources:",
      "  Q:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      QueueName: first",
      '  "Q":',
      "    Type: AWS::SNS::Topic",
      "",
    ].join("\n");
    const r = parseTemplate(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.duplicates).toEqual([
      { key: "AMI", line: 4, column: 30 },
      { key: "eu-west-3", line: 7, column: 5 },
      { key: "Q", line: 14, column: 3 },
    ]);
    expect(r.template).toMatchObject({ Mappings: { Amis: { "eu-west-1": { AMI: "ami-2" }, "eu-west-3": { AMI: "ami-4" } } }, Resources: { Q: { Type: "AWS::SNS::Topic" } } });
    const json = parseTemplate('{"AWSTemplateFormatVersion": "2010-09-09",\n "Resources": {"Q": {"Type": "AWS::SQS::Queue"},\n  "Q": {"Type": "AWS::SNS::Topic"}}}\n');
    expect(json.ok && json.duplicates).toEqual([{ key: "Q", line: 3, column: 3 }]);
    const { convert } = await import("../src/index.js");
    const c = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(c.diagnostics.filter((d) => d.code === "PG1004").map((d) => `${d.location?.line}:${d.location?.column} ${d.severity}`)).toEqual(["4:30 warning", "7:5 warning", "14:3 warning"]);
    expect(c.code).toContain('new aws.sns.Topic("Q"');
    expect(c.code).not.toContain("aws.sqs.Queue");
  });
});

describe("the SAM transform on a template without SAM resources", () => {
  it("changes nothing: an info, not the warning that a transform is not converted", async () => {
    const { convert } = await import("../src/index.js");
    const text = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n";
    const r = await convert([{ path: "t.yaml", text }]);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(["info Transform AWS::Serverless-2016-10-31: the template has no SAM resource, so the transform changes nothing"]);
    expect(r.code).not.toContain("placeholders");
  });
});

describe("Fn::ForEach loops that multiply", () => {
  it("stop past 10,000 copies with one located error, instead of making 216,000", async () => {
    const { convert } = await import("../src/index.js");
    const items = `[${Array.from({ length: 60 }, (_, i) => `i${i}`).join(", ")}]`;
    const loop = (id: string, indent: string, body: string) => `${indent}Fn::ForEach::${id}:\n${indent}  - ${id}\n${indent}  - ${items}\n${indent}  - ${body.trimStart()}`;
    const inner = "Q${A}${B}${C}: { Type: AWS::SQS::Queue }";
    const text = `Transform: AWS::LanguageExtensions\nResources:\n${loop("A", "  ", loop("B", "      ", loop("C", "          ", inner)))}\n`;
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.summary.resources["aws.sqs.Queue"]).toBe(10_000);
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.location?.line} ${d.message}`)).toEqual(["9 Fn::ForEach::C: the loops make more than 10000 entries (a stack holds 500 resources); the rest are not made"]);
    expect(r.ok).toBe(false);
  });
});

describe("Fn::ForEach keys", () => {
  it("a key that is not a logical id once the value is read is a located error; &{} keeps the letters and digits", async () => {
    const { convert } = await import("../src/index.js");
    const text = "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Q:\n    - N\n    - [a-b, c]\n    - Q${N}: { Type: AWS::SQS::Queue }\n      R&{N}: { Type: AWS::SQS::Queue }\n";
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.location?.line} ${d.message}`)).toEqual(["6 a loop makes Qa-b, which is not a logical id (letters and digits only): write &{…} in the key for values with other characters"]);
    expect(r.code).toContain('new aws.sqs.Queue("Rab"');
  });
});

describe("the permission of a SAM Api event, named as the transform names it", () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Parameters:
  StageParam:
    Type: String
Globals:
  Api:
    StageName: glob
Resources:
  Beta:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1-beta
  Param:
    Type: AWS::Serverless::Api
    Properties:
      StageName: !Ref StageParam
  Global:
    Type: AWS::Serverless::Api
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({})"
      Events:
        Implicit: { Type: Api, Properties: { Path: /items/, Method: get } }
        Hyphen: { Type: Api, Properties: { Path: /b, Method: get, RestApiId: !Ref Beta } }
        ByParam: { Type: Api, Properties: { Path: /p, Method: get, RestApiId: !Ref Param } }
        ByGlobal: { Type: Api, Properties: { Path: /g, Method: get, RestApiId: !Ref Global } }
        Imported: { Type: Api, Properties: { Path: /i, Method: get, RestApiId: !ImportValue shared-api } }
`;
  it("suffixes the stage (Prod implicit, the API's own or its Globals', Stage for an intrinsic, a hash past letters and digits, AllStages for an id it cannot follow)", async () => {
    const { convert } = await import("../src/index.js");
    const r = await convert([{ path: "t.yaml", text: template }]);
    const permissions = [...r.code.matchAll(/new aws\.lambda\.Permission\(\s*"([^"]+)"/g)].map((m) => m[1]);
    // sha1("v1-beta")[:10], as Python's hashlib prints it.
    expect(permissions.sort()).toEqual(["FnByGlobalPermissionglob", "FnByParamPermissionStage", "FnHyphenPermission2817521297", "FnImplicitPermissionProd", "FnImportedPermissionAllStages"]);
    // The trailing slash of the path is left out of the permission's source ARN, as API Gateway drops it.
    expect(r.code).toMatch(/\/\*\/GET\/items`/);
  });
});

describe("AWS::Include snippets that cannot be included", () => {
  const include = (location: string) => `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Fn::Transform:\n        Name: AWS::Include\n        Parameters:\n          Location: ${location}\n`;
  it("a local path with no file is a located warning and a placeholder", async () => {
    const { convert } = await import("../src/index.js");
    const r = await convert([{ path: "t.yaml", text: include("missing.yaml") }], { read: () => undefined });
    expect(r.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual(["5:7 AWS::Include of missing.yaml: no such file beside the template"]);
  });
  it("one on S3 is a located warning (the conversion is offline), and a placeholder where it stands for a value", async () => {
    const { convert } = await import("../src/index.js");
    const r = await convert([{ path: "t.yaml", text: include("s3://my-bucket/queue.yaml") }], { read: () => "never: read\n" });
    expect(r.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.location?.line} ${d.message}`)).toEqual(["5 AWS::Include of s3://my-bucket/queue.yaml: the snippet is on S3, which this offline conversion does not read: download it beside the template and name its path"]);
    const value = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName:\n        Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://b/name.yaml } }\n";
    expect((await convert([{ path: "t.yaml", text: value }])).code).toContain('name: notImplemented("AWS::Include of s3://b/name.yaml")');
  });
  it("a snippet that includes itself stops with one located error", async () => {
    const { convert } = await import("../src/index.js");
    const snippet = "Fn::Transform:\n  Name: AWS::Include\n  Parameters:\n    Location: self.yaml\n";
    const r = await convert([{ path: "t.yaml", text: include("self.yaml") }], { read: (p) => (p === "self.yaml" ? snippet : undefined) });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual(["AWS::Include of self.yaml: snippets include snippets more than 8 deep (one includes itself?); not included"]);
  });
  it("a snippet that does not parse is a located error naming its line", async () => {
    const { convert } = await import("../src/index.js");
    const r = await convert([{ path: "t.yaml", text: include("bad.yaml") }], { read: () => "a: [1, 2\n" });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.location?.line} ${d.message.replace(/: .*$/, "")}`)).toEqual(["5 AWS::Include of bad.yaml"]);
  });
});

describe("a SAM event on a method the DefinitionBody already integrates", () => {
  const text = (merge: boolean) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod${merge ? "\n      MergeDefinitions: true" : ""}
      DefinitionBody:
        swagger: "2.0"
        info: { title: t, version: "1" }
        paths:
          /items:
            get:
              x-amazon-apigateway-integration: { type: mock }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({})"
      Events:
        Get: { Type: Api, Properties: { Path: /items, Method: get, RestApiId: !Ref Api } }
`;

  it("without MergeDefinitions is not added (the transform adds events only to a body it generates): a warning, the body's integration serves it", async () => {
    const { convert } = await import("../src/index.js");
    const r = await convert([{ path: "t.yaml", text: text(false) }]);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.location?.line} ${d.message}`)).toEqual([
      "7 Api: the event of Fn on GET /items is not added to the DefinitionBody, as the transform adds an event's method (and its Auth and request settings) only to a body it generates, or with MergeDefinitions: true: the body's own integration serves it",
    ]);
    expect(r.code).toContain('type: "mock"');
    expect(r.code).not.toContain("aws_proxy");
  });

  it("with MergeDefinitions is a located error (the method defined twice), the body's integration kept", async () => {
    const { convert } = await import("../src/index.js");
    const r = await convert([{ path: "t.yaml", text: text(true) }]);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.location?.line} ${d.message}`)).toEqual(["8 Api: an event of Fn adds GET /items, which the DefinitionBody already integrates (the transform rejects this: 'API method defined multiple times'); the body's is kept"]);
    expect(r.code).toContain('type: "mock"');
    expect(r.code).not.toContain("aws_proxy");
  });
});

describe("SAM Cors on a DefinitionBody written out", () => {
  it("adds no preflight where a path has its own OPTIONS method, as the transform leaves it", async () => {
    const { convert } = await import("../src/index.js");
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Cors: "'*'"
      DefinitionBody:
        swagger: "2.0"
        info: { title: t, version: "1" }
        paths:
          /own:
            options:
              x-amazon-apigateway-integration: { type: mock, passthroughBehavior: never }
          /other:
            put:
              x-amazon-apigateway-integration: { type: mock }
`;
    const r = await convert([{ path: "t.yaml", text }], { prettier: false });
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(r.code.match(/summary: "CORS support"/g)?.length).toBe(1);
    expect(r.code).toContain('passthroughBehavior: "never"');
    expect(r.code).toContain(`"method.response.header.Access-Control-Allow-Methods": "'OPTIONS,PUT'"`);
  });
});

describe("a SAM DeploymentPreference the transform rejects", () => {
  it("without an AutoPublishAlias is a located error, and nothing of CodeDeploy is made", async () => {
    const { convert } = await import("../src/index.js");
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({})"
      DeploymentPreference:
        Type: AllAtOnce
`;
    const r = await convert([{ path: "t.yaml", text }]);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.location?.line} ${d.message}`)).toEqual(["9 Fn: a DeploymentPreference needs an AutoPublishAlias (the transform rejects it without one); not expanded"]);
    expect(r.code).not.toContain("codedeploy");
  });
});

describe("what is said about an output's value", () => {
  it("points at the value, in a template and in Terraform, not at the output's first line", async () => {
    const { convert } = await import("../src/convert.js");
    const template = ["Resources:", "  Q:", "    Type: AWS::SQS::Queue", "Outputs:", "  Url:", "    Description: the queue", "    Value: !GetAtt Q.Nope", ""].join("\n");
    const cfn = await convert([{ path: "t.yaml", text: template }], { prettier: false });
    expect(cfn.diagnostics.filter((d) => d.severity === "warning").map((d) => [d.location?.line, d.location?.column])).toEqual([[7, 5]]);
    const tf = await convert([{ path: "main.tf", text: 'output "o" {\n  description = "d"\n  value       = lookup({ a = 1 }, null)\n}\n' }], { prettier: false });
    expect(tf.diagnostics.map((d) => `${d.location?.line}:${d.location?.column}`)).toEqual(["3:3", "3:3"]);
    expect(tf.summary.placeholders.map((p) => p.location?.line)).toEqual([3]);
  });
});
