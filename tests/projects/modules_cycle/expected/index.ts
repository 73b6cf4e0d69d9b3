import * as aws from "@pulumi/aws";
import { A } from "./components/a";

// Module a calls b, which calls a: a cycle is a located error; the rest still converts.
const a = new A("a", {});

const t = new aws.sns.Topic("t", {
  name: "t",
});
