import * as aws from "@pulumi/aws";
import { Service } from "./components/service";

// A module variable with optional(type, default) attributes: the component applies the defaults
// to what the call passes, even when the call passes an Output.
const deadLetters = new aws.sqs.Queue("dead_letters", {
  name: "dead-letters",
});

const service = new Service("service", {
  settings: {
    name: "api",
  },
  queue: {
    dead_letter_arn: deadLetters.arn,
  },
});

export const port = service.port;
export const retries = service.retries;
