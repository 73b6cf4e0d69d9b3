import * as aws from "@pulumi/aws";
import { Vpc } from "./components/vpc";

// A registry module with no downloaded copy: a placeholder component stands in its place
// (it fails when the program runs, saying to run terraform init), and the program type-checks.
const vpc = new Vpc("vpc", {
  name: "main",
  cidr: "10.0.0.0/16",
});

const web = new aws.ec2.SecurityGroup("web", {
  name: "web",
  vpcId: vpc.vpcId,
});

export const privateSubnets = vpc.privateSubnets;
