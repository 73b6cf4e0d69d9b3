import * as pulumi from "@pulumi/pulumi";
import { Fn } from "./components/fn";
import { Iam } from "./components/iam";

const [fnArn, resolveFnArn] = pulumi.deferredOutput<string>();

// Two modules that read each other's outputs (Terraform graphs resources, not modules): the
// output read before its module exists is a deferred Output, resolved once it does.
const iam = new Iam("iam", {
  functionArn: fnArn,
});

const fn = new Fn("fn", {
  roleArn: iam.roleArn,
});

resolveFnArn(fn.arn);

export const functionArn = fn.arn;
