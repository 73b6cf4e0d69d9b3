/**
 * A template with the nested templates it names by a local path (src/tree/templates.ts): read
 * through an in-memory `read`, the edge cases a project fixture does not show.
 */
import { describe, expect, it } from "vitest";
import { convertTemplateTree } from "../src/tree/templates.js";
import { convert } from "../src/convert.js";

const files = (m: Record<string, string>) => (p: string) => m[p];
const child = ["AWSTemplateFormatVersion: '2010-09-09'", "Parameters:", "  Name:", "    Type: String", "Resources:", "  Queue:", "    Type: AWS::SQS::Queue", "    Properties:", "      QueueName: !Ref Name", "Outputs:", "  QueueArn:", "    Value: !GetAtt Queue.Arn", ""].join("\n");
const parent = (props: string, extra = "") =>
  ["Resources:", "  Jobs:", "    Type: AWS::CloudFormation::Stack", extra, "    Properties:", "      TemplateURL: child.yaml", props, "Outputs:", "  Arn:", "    Value: !GetAtt Jobs.Outputs.QueueArn", ""].filter((l) => l !== "").join("\n");
const codes = (r: { diagnostics: readonly { code: string; severity: string; message: string; location?: { file: string; line: number } }[] }) =>
  r.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.location?.file}:${d.location?.line} ${d.severity} ${d.code} ${d.message}`);

describe("nested templates converted with their parent", () => {
  it("the parameters are the component's args, an output its property; the project lists the component", async () => {
    const r = await convertTemplateTree("main.yaml", parent("      Parameters:\n        Name: jobs"), { read: files({ "child.yaml": child }), prettier: false });
    expect(r.files.map((f) => f.path)).toEqual(["index.ts", "components/child.ts"]);
    expect(r.files[0]!.content).toContain('new Child("Jobs", {\nname: "jobs",\n})');
    expect(r.files[0]!.content).toContain("export const arn = jobs.queueArn;");
    expect(r.components).toEqual([{ className: "Child", file: "components/child.ts", origin: "child.yaml", kind: "local", calls: 1 }]);
    expect(r.sources).toEqual(["main.yaml", "child.yaml"]);
    expect(codes(r)).toEqual([]);
  });

  it("a required parameter left out, one the template does not declare, an output it does not have, Ref of the stack and DeletionPolicy Retain are each said where they are written", async () => {
    const text = parent("      Parameters:\n        Nmae: jobs\n      Tags:\n        - Key: team\n          Value: data", "    DeletionPolicy: Retain").replace("Outputs.QueueArn", "Outputs.QueueUrl") + "\n  Id:\n    Value: !Ref Jobs\n";
    const r = await convertTemplateTree("main.yaml", text, { read: files({ "child.yaml": child }), prettier: false });
    expect(codes(r)).toEqual([
      "main.yaml:2 warning PG2010 Jobs: DeletionPolicy Retain keeps a nested stack's resources; a component's children do not inherit retainOnDelete, so it is not applied: set it on the resources of the component that must outlive it",
      "main.yaml:2 warning PG2011 Jobs (the nested template's parameters): required argument 'name' is missing; a placeholder stands in its place",
      "main.yaml:7 warning PG2003 Jobs: the nested template has no parameter 'Nmae'; the value is left out (CloudFormation rejects it)",
      "main.yaml:9 warning PG2003 Jobs: Tags is a setting of the nested stack itself, which has no counterpart in a component: it is left out",
      "main.yaml:14 error PG2008 Fn::GetAtt Jobs.Outputs.QueueUrl: the nested template has no output 'QueueUrl'",
      "main.yaml:16 warning PG2007 Ref Jobs: Jobs is converted as a component, which has no stack id or attributes but its outputs (Fn::GetAtt Jobs.Outputs.<Name>)",
    ]);
    expect(r.ok).toBe(false);
  });

  it("a template that names its caller back is a located error, and that stack stays an aws-native Stack", async () => {
    const loop = child.replace("Outputs:", "  Back:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./main.yaml\nOutputs:");
    const r = await convertTemplateTree("main.yaml", parent("      Parameters:\n        Name: jobs"), { read: files({ "child.yaml": loop, "main.yaml": "" }), prettier: false });
    expect(codes(r)).toEqual(["child.yaml:13 error PG2009 Back: the nested template ./main.yaml names a template that names it back (main.yaml → child.yaml → main.yaml): a cycle cannot be converted"]);
    expect(r.files[1]!.content).toContain("new aws_native.cloudformation.Stack(`${name}-Back`");
  });

  it("a nested template that does not parse is an error located in it; one in another folder reads its own nested templates beside it", async () => {
    const bad = await convertTemplateTree("main.yaml", parent("      Parameters:\n        Name: jobs"), { read: files({ "child.yaml": "Resources: [\n" }), prettier: false });
    expect(codes(bad).some((c) => c.startsWith("child.yaml:") && c.includes(" error PG1001 "))).toBe(true);
    const deep = await convertTemplateTree("main.yaml", parent("      Parameters:\n        Name: jobs").replace("child.yaml", "stacks/child.yaml"), {
      read: files({ "stacks/child.yaml": child.replace("Outputs:", "  Inner:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: inner/leaf.yaml\nOutputs:"), "stacks/inner/leaf.yaml": "Resources:\n  T:\n    Type: AWS::SNS::Topic\n" }),
      prettier: false,
    });
    expect(deep.sources).toEqual(["main.yaml", "stacks/child.yaml", "stacks/inner/leaf.yaml"]);
    expect(deep.components.map((c) => c.origin)).toEqual(["stacks/inner/leaf.yaml", "stacks/child.yaml"]);
    expect(codes(deep)).toEqual([]);
  });

  it("a nested template's files are read from its own folder, as `aws cloudformation package` reads them", async () => {
    const fn = ["Resources:", "  Fn:", "    Type: AWS::Lambda::Function", "    Properties:", "      Runtime: nodejs20.x", "      Handler: index.handler", "      Role: arn:aws:iam::123456789012:role/fn", "      Code: ./src", ""].join("\n");
    const r = await convertTemplateTree("main.yaml", "Resources:\n  Api:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: stacks/api.yaml\n", { read: files({ "stacks/api.yaml": fn }), prettier: false });
    expect(r.files[1]!.content).toContain('new pulumi.asset.FileArchive("stacks/src")');
    expect(r.reads.map((x) => x.path)).toEqual(["stacks/src"]);
  });

  it("a SAM application with a local Location is a nested stack too (the transform makes it one), converted with it", async () => {
    const sam = ["Transform: AWS::Serverless-2016-10-31", "Resources:", "  Jobs:", "    Type: AWS::Serverless::Application", "    Properties:", "      Location: child.yaml", "      Parameters:", "        Name: jobs", "Outputs:", "  Arn:", "    Value: !GetAtt Jobs.Outputs.QueueArn", ""].join("\n");
    const r = await convertTemplateTree("main.yaml", sam, { read: files({ "child.yaml": child }), prettier: false });
    expect(r.components.map((c) => c.className)).toEqual(["Child"]);
    expect(r.files[0]!.content).toContain("export const arn = jobs.queueArn;");
    expect(codes(r)).toEqual([]);
  });

  it("parameters passed as text become what the nested template reads: numbers and lists from text, joins unwrapped, numbers to text", async () => {
    const typed = ["Parameters:", "  Size:", "    Type: Number", "  Ids:", "    Type: CommaDelimitedList", "  Zones:", "    Type: List<AWS::EC2::AvailabilityZone::Name>", "  Label:", "    Type: String", "Resources:", "  T:", "    Type: AWS::SNS::Topic", ""].join("\n");
    const main = (params: string) =>
      ["Parameters:", "  Count:", "    Type: Number", "  Subnets:", "    Type: List<AWS::EC2::Subnet::Id>", "  Name:", "    Type: String", "Resources:", "  Child:", "    Type: AWS::CloudFormation::Stack", "    Properties:", "      TemplateURL: typed.yaml", "      Parameters:", params, ""].join("\n");
    const args = async (params: string) => {
      const r = await convertTemplateTree("main.yaml", main(params), { read: files({ "typed.yaml": typed }), prettier: false });
      expect(codes(r)).toEqual([]);
      return /new Typed\("Child", (\{[\s\S]*?\n\})\)/.exec(r.files[0]!.content)?.[1]?.replace(/\s+/g, " ");
    };
    expect(await args('        Size: "3"\n        Ids: a,b\n        Zones: !Join [",", !GetAZs ""]\n        Label: 5')).toBe('{ size: 3, ids: ["a", "b"], zones: availableZones.names, label: "5", }');
    expect(await args("        Size: !Ref Count\n        Ids: !Join [\",\", !Ref Subnets]\n        Zones: !Ref Subnets\n        Label: !Ref Count")).toBe("{ size: count, ids: subnets, zones: subnets, label: String(count), }");
    const fromText = await args("        Size: !Ref Name\n        Ids: !Ref Name\n        Zones: !Ref Name\n        Label: !Ref Name");
    expect(fromText).toContain("size: tonumber(name)");
    expect(fromText).toContain('ids: name.split(",")');
  });

  it("a template that nests nothing local converts as convert() converts it", async () => {
    const text = parent("").replace("child.yaml", "https://s3.amazonaws.com/b/child.yaml");
    const [tree, one] = [await convertTemplateTree("main.yaml", text, { read: files({}) }), await convert([{ path: "main.yaml", text }], { read: files({}) })];
    expect(tree.files).toEqual([{ path: "index.ts", content: one.code }]);
    expect(tree.diagnostics).toEqual(one.diagnostics);
  });
});
