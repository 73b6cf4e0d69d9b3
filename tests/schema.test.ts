import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { awsSchema, commandSchema, randomSchema, tlsSchema } from "../src/schema/index.js";
import { ROOT } from "./helpers/fixtures.js";

describe("generated schema", () => {
  it("names each class and invoke of the packages beside AWS by the token the package registers", () => {
    for (const [pkg, schema] of [["random", randomSchema()], ["command", commandSchema()], ["tls", tlsSchema()]] as const) {
      const dir = path.join(ROOT, "node_modules", "@pulumi", pkg);
      const js = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js")).map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
      const tokens = [...Object.values(schema.resources), ...Object.values(schema.functions)].map((r) => r.token);
      expect(tokens.length, pkg).toBeGreaterThan(0);
      for (const t of tokens) expect(js.includes(`"${t}"`), `${pkg}: ${t}`).toBe(true);
    }
  });

  it("is what scripts/gen-schema.mjs produces from the installed @pulumi/aws", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "gen-schema.mjs"), "--check"], { encoding: "utf8", cwd: ROOT });
    expect(out).toContain("schema up to date");
  });

  it("and the same for @pulumi/aws-native (the CloudFormation fallback)", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "gen-schema.mjs"), "--native", "--check"], { encoding: "utf8", cwd: ROOT });
    expect(out).toContain("schema up to date (@pulumi/aws-native");
  });

  it("and for @pulumi/random (the random_* resources)", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "gen-schema.mjs"), "--random", "--check"], { encoding: "utf8", cwd: ROOT });
    expect(out).toContain("schema up to date (@pulumi/random");
  });
  it("and for @pulumi/tls (the tls_* resources and data sources)", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "gen-schema.mjs"), "--tls", "--check"], { encoding: "utf8", cwd: ROOT });
    expect(out).toContain("schema up to date (@pulumi/tls");
  });

  it("and for @pulumi/command (a null_resource's local-exec provisioners)", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "gen-schema.mjs"), "--command", "--check"], { encoding: "utf8", cwd: ROOT });
    expect(out).toContain("schema up to date (@pulumi/command");
  });

  it("records shapes the mappers rely on", () => {
    const s = awsSchema();
    const integration = s.resources["apigateway.Integration"]!;
    expect(integration.token).toBe("aws:apigateway/integration:Integration");
    expect(integration.args.restApi).toEqual(["r", "apigateway.RestApi"]);
    expect(integration.args.requestTemplates).toEqual(["m", "s"]);
    expect(integration.required).toEqual(expect.arrayContaining(["httpMethod", "resourceId", "restApi", "type"]));
    expect(s.resources["lambda.Function"]!.args.code).toBe("A");
    expect(s.resources["ec2.SecurityGroup"]!.args.ingress).toEqual(["l", ["o", "ec2.SecurityGroupIngress"]]);
    expect(s.functions["iam.getPolicyDocument"]!.output).toBe(true);
    expect(s.resources["s3.BucketAclV2"]!.deprecatedFor).toBe("s3.BucketAcl");
  });
});
