/** Terraform's encoding, hash and crypto functions (see ./index.ts). */
import { arg, call, code, method, type Code } from "../code.js";
import { helper, type FnPrinter } from "./shared.js";

const digest = (algorithm: string, encoding: "hex" | "base64"): FnPrinter => ([s], ctx) => {
  ctx.use("crypto");
  return method(method(call("crypto.createHash", [code(JSON.stringify(algorithm))]), "update", [s!.print()]), "digest", [code(JSON.stringify(encoding))]);
};

const buffer = (args: Code[]): Code => call("Buffer.from", args);

export const ENCODING_FUNCTIONS: Readonly<Record<string, FnPrinter>> = {
  base64encode: ([s]) => method(buffer([s!.print()]), "toString", [code('"base64"')]),
  base64decode: ([s]) => method(buffer([s!.print(), code('"base64"')]), "toString", [code('"utf8"')]),
  base64gzip: ([s], ctx) => {
    ctx.use("zlib");
    return method(call("zlib.gzipSync", [s!.print()]), "toString", [code('"base64"')]);
  },
  csvdecode: helper("csvdecode"),
  jsondecode: ([s]) => call("JSON.parse", [s!.print()]),
  // jsonencode is printed by the expression printer (keys sorted where they are known).
  jsonencode: ([v], ctx) => call(ctx.helper("jsonencode"), [v!.print()]),
  tojsonstring: ([v]) => call("JSON.stringify", [v!.print()]),
  textdecodebase64: helper("textdecodebase64"),
  textencodebase64: helper("textencodebase64"),
  urlencode: helper("urlencode"),
  yamlencode: helper("yamlencode"),
  yamldecode: ([s], ctx) => {
    ctx.dependency("js-yaml");
    return call("yaml.load", [s!.print()]);
  },
  md5: digest("md5", "hex"),
  sha1: digest("sha1", "hex"),
  sha256: digest("sha256", "hex"),
  sha512: digest("sha512", "hex"),
  base64sha256: digest("sha256", "base64"),
  base64sha512: digest("sha512", "base64"),
  filemd5: helper("filemd5"),
  filesha1: helper("filesha1"),
  filesha256: helper("filesha256"),
  filesha512: helper("filesha512"),
  filebase64sha256: helper("filebase64sha256"),
  filebase64sha512: helper("filebase64sha512"),
  rsadecrypt: helper("rsadecrypt"),
  uuidv5: helper("uuidv5"),
  uuid: (_args, ctx) => {
    ctx.use("crypto");
    ctx.info("uuid() makes a new value each time the program runs (Terraform: at every apply); to keep one, use a random.RandomUuid resource");
    return call("crypto.randomUUID", []);
  },
  // A random salt each time: a bcrypt library decides the format; no one-line equivalent.
  bcrypt: () => undefined,
};

export { arg };
