/**
 * Measures the project's own mapping (derived from the installed @pulumi/aws) against Pulumi's
 * record of where each class, function and property comes from in Terraform
 * (../shared/oracle/pulumi-aws-renames.json). The record is a little older than the package:
 * entries whose token the installed package no longer has are counted apart, not as misses.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mapProperty } from "../src/mappers/properties.js";
import { resolveDataSource, resolveResourceType } from "../src/mappers/terraform/types.js";
import { awsSchema, type Props } from "../src/schema/index.js";
import { ROOT, SHARED } from "./helpers/fixtures.js";

interface Oracle {
  resources: Record<string, string>;
  functions: Record<string, string>;
  renamedProperties: Record<string, Record<string, string>>;
}

const oracle = JSON.parse(fs.readFileSync(path.join(SHARED, "oracle", "pulumi-aws-renames.json"), "utf8")) as Oracle;
const schema = awsSchema();
const resourceByToken = new Map(Object.entries(schema.resources).map(([k, v]) => [v.token, k]));
const functionByToken = new Map(Object.entries(schema.functions).map(([k, v]) => [v.token, k]));
const report: Record<string, unknown> = {};

function tally(name: string, total: number, agree: number, misses: string[], absent: number) {
  report[name] = { total, agree, absentFromPackage: absent, misses: misses.length, examples: misses.slice(0, 40) };
  console.log(`oracle ${name}: ${agree}/${total} agree (${((100 * agree) / Math.max(total, 1)).toFixed(1)}%), ${absent} not in the installed package`);
}

describe("mapping agrees with Pulumi's own record", () => {
  it("resource types", () => {
    let agree = 0;
    let absent = 0;
    const misses: string[] = [];
    const explained: string[] = [];
    for (const [token, tf] of Object.entries(oracle.resources)) {
      const recorded = resourceByToken.get(token);
      if (!recorded) {
        absent++;
        continue;
      }
      const got = resolveResourceType(tf);
      if (got?.schema.token === token) agree++;
      // The record predates @pulumi/aws 7, which deprecates the class it names in favour of ours
      // (`s3.BucketAclV2` → `s3.BucketAcl` for aws_s3_bucket_acl).
      else if (got && schema.resources[recorded]!.deprecatedFor === got.key) explained.push(`${tf}: ${recorded} is deprecated for ${got.key}`);
      // `aws_s3_bucket_legacy` was the record's name for what 7.x maps from aws_s3_bucket.
      else if (tf.endsWith("_legacy") && resolveResourceType(tf.slice(0, -"_legacy".length))?.schema.token === token) explained.push(`${tf}: now ${tf.slice(0, -"_legacy".length)}`);
      else misses.push(`${tf} → ${got?.key ?? "none"} (record: ${token})`);
    }
    tally("resources", agree + explained.length + misses.length, agree, misses, absent);
    console.log(`oracle resources: ${explained.length} differences explained by the record's age:\n  ${explained.join("\n  ")}`);
    expect(misses).toEqual([]);
  });

  it("data sources", () => {
    let agree = 0;
    let absent = 0;
    const misses: string[] = [];
    for (const [token, tf] of Object.entries(oracle.functions)) {
      if (!functionByToken.has(token)) {
        absent++;
        continue;
      }
      const got = resolveDataSource(tf);
      if (got?.schema.token === token) agree++;
      else misses.push(`${tf} → ${got?.key ?? "none"} (record: ${token})`);
    }
    tally("functions", agree + misses.length, agree, misses, absent);
    expect(misses).toEqual([]);
  });

  it("properties", () => {
    const tfTypeOf = new Map<string, string>([...Object.entries(oracle.resources), ...Object.entries(oracle.functions)]);
    let agree = 0;
    let absent = 0;
    const misses: string[] = [];
    for (const [token, renames] of Object.entries(oracle.renamedProperties)) {
      const m = /^aws:([^/]+)\/[^:]+:(\w+)$/.exec(token);
      if (!m) continue;
      const [, module, name] = m;
      let props: Props | undefined;
      const r = resourceByToken.get(token);
      const f = functionByToken.get(token);
      if (r) props = { ...schema.resources[r]!.outputs, ...schema.resources[r]!.args };
      else if (f) props = { ...schema.functions[f]!.result, ...schema.functions[f]!.args };
      else props = schema.inputTypes[`${module}.${name}`] ?? schema.outputTypes[`${module}.${name}`] ?? schema.inputTypes[`${module}.${name}Args`];
      if (!props) {
        absent += Object.keys(renames).length;
        continue;
      }
      const tfType = tfTypeOf.get(token);
      for (const [pulumiName, tfName] of Object.entries(renames)) {
        if (!(pulumiName in props)) {
          absent++;
          continue;
        }
        const got = mapProperty(tfName, props, tfType);
        if (got === pulumiName) agree++;
        else if (EXPLAINED_PROPERTIES[`${token}.${tfName}`]) continue;
        else misses.push(`${token}: ${tfName} → ${got ?? "none"} (record: ${pulumiName})`);
      }
    }
    tally("properties", agree + misses.length, agree, misses, absent);
    fs.mkdirSync(path.join(ROOT, ".vitest-tmp"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, ".vitest-tmp", "oracle-report.json"), JSON.stringify(report, null, 2));
    console.log(`oracle properties: explained by the record's age:\n  ${Object.entries(EXPLAINED_PROPERTIES).map(([k, v]) => `${k}: ${v}`).join("\n  ")}`);
    expect(misses).toEqual([]);
  });
});

/** Property differences where the installed package has moved on from the record. */
const EXPLAINED_PROPERTIES: Record<string, string> = {
  "aws:ssmincidents/replicationSet:ReplicationSet.region":
    "@pulumi/aws 7 added a per-resource `region` argument; the record's `regions` (from the `region` blocks) still exists and is reached from `regions`",
  "aws:ssmincidents/getReplicationSet:getReplicationSet.region": "as for ReplicationSet: 7.x's own `region` argument takes the name",
  "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2.routing_rules":
    "7.x has both `routingRules` (the JSON string of Terraform's routing_rules) and `routingRuleDetails` (the routing_rule blocks); the record predates the split",
};
