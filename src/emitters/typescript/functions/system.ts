/** Terraform's file-system, date and time, and IP network functions (see ./index.ts), the AWS provider's, and two of the converter's own: `withdefault` (CloudFormation's `Fn::FindInMap` default) and `present` (typing/coerce.ts). */
import { binary, call, code, method, primary, type Code } from "../code.js";
import { helper, type FnArg, type FnContext, type FnPrinter } from "./shared.js";

const pathFn = (name: string): FnPrinter => ([p], ctx) => {
  ctx.use("path");
  return call(`path.${name}`, [p!.print()]);
};

/**
 * The path a file function reads: Terraform expands a leading `~` to the home folder
 * (`file("~/.ssh/id_rsa")`), which Node does not; a path written so reads it from `os.homedir()`.
 */
function filePath(a: FnArg, ctx: FnContext): Code {
  const e = a.expr;
  const text = e.kind === "literal" && typeof e.value === "string" ? e.value : undefined;
  if (text === undefined || !/^~(\/|$)/.test(text)) return a.print();
  ctx.use("os");
  ctx.use("path");
  return call("path.join", [call("os.homedir", []), code(JSON.stringify(text.slice(2)))]);
}

/** Now, as Terraform writes timestamps: RFC 3339 in UTC, whole seconds. */
const now = method(method(code("new Date()"), "toISOString"), "replace", [code("/\\.\\d+Z$/"), code('"Z"')]);

export const SYSTEM_FUNCTIONS: Readonly<Record<string, FnPrinter>> = {
  // The AWS provider's functions, computed as it computes them (helpers/aws.ts).
  "provider::aws::arn_build": helper("arnBuild"),
  "provider::aws::arn_parse": helper("arnParse"),
  "provider::aws::trim_iam_role_path": helper("trimIamRolePath"),
  abspath: pathFn("resolve"),
  basename: pathFn("basename"),
  dirname: pathFn("dirname"),
  pathexpand: ([p], ctx) => {
    ctx.use("os");
    return method(p!.print(), "replace", [code("/^~(?=$|\\/)/"), call("os.homedir", [])]);
  },
  file: ([p], ctx) => {
    ctx.use("fs");
    return call("fs.readFileSync", [filePath(p!, ctx), code('"utf8"')]);
  },
  filebase64: ([p], ctx) => {
    ctx.use("fs");
    return method(call("fs.readFileSync", [filePath(p!, ctx)]), "toString", [code('"base64"')]);
  },
  fileexists: ([p], ctx) => {
    ctx.use("fs");
    return call("fs.existsSync", [filePath(p!, ctx)]);
  },
  fileset: helper("fileset"),
  templatefile: helper("templatefile"),
  formatdate: helper("formatdate"),
  timeadd: helper("timeadd"),
  timecmp: helper("timecmp"),
  timestamp: (_args, ctx) => {
    ctx.info("timestamp() is the time the program runs (Terraform: the time of the apply); it changes on every run");
    return now;
  },
  plantimestamp: (_args, ctx) => {
    ctx.info("plantimestamp() is the time the program runs (Terraform: the time of the plan); it changes on every run");
    return now;
  },
  cidrhost: helper("cidrhost"),
  cidrnetmask: helper("cidrnetmask"),
  cidrsubnet: helper("cidrsubnet"),
  cidrsubnets: helper("cidrsubnets"),
  cidr: helper("cidr"),
  withdefault: ([value, fallback]) => binary("??", value!.print(), fallback!.print()),
  present: ([value]) => code(`${primary(value!.print())}!`),
};
