/**
 * Facts of the account and region a program runs in, and the invoke that answers each: what
 * CloudFormation's pseudo parameters (`AWS::Region`, `AWS::AccountId`…) and Terraform's computed
 * attributes (a stage-less deployment's invoke URL) read. One table for both front ends, so
 * that a renamed result attribute (getRegion's `name` → `region`) is mended once.
 */
export const ACCOUNT_FACTS = {
  region: { fn: "aws.getRegionOutput", attr: "region", dataSource: "aws_region" },
  partition: { fn: "aws.getPartitionOutput", attr: "partition", dataSource: "aws_partition" },
  dnsSuffix: { fn: "aws.getPartitionOutput", attr: "dnsSuffix", dataSource: "aws_partition" },
  accountId: { fn: "aws.getCallerIdentityOutput", attr: "accountId", dataSource: "aws_caller_identity" },
} as const;

export type AccountFact = keyof typeof ACCOUNT_FACTS;
