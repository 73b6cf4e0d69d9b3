import * as aws from "@pulumi/aws";
import { Vpc } from "./components/vpc";

// The data sources the loops count are read first: the program is an async entry point, and its outputs are what it returns.
export = async () => {
  const available = await aws.getAvailabilityZones({
    state: "available",
  });

  // A module whose loops count a data source (the VPC-module idiom), called twice: the root reads
  // the zones once, before anything is created, and passes them to each instance.
  const vpc = new Vpc("vpc", {
    cidr: "10.0.0.0/16",
    available: available,
  });

  const edge = new Vpc("edge", {
    cidr: "10.1.0.0/16",
    azCount: 1,
    available: available,
  });

  const publicSubnetIds = vpc.publicSubnetIds;
  const edgePrivateSubnetIds = edge.privateSubnetIds;

  return { publicSubnetIds, edgePrivateSubnetIds };
};
