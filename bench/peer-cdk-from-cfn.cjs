/**
 * The peer of a whole-process template case: cdk-from-cfn (the CDK's own CloudFormation
 * converter, as its npm package ships it: Rust compiled to WASM) turning the template into a
 * TypeScript CDK stack, printed on stdout as our CLI prints its program.
 */
const fs = require("node:fs");
const { transmute } = require("cdk-from-cfn");
process.stdout.write(transmute(fs.readFileSync(process.argv[2], "utf8"), "typescript", "Stack"));
