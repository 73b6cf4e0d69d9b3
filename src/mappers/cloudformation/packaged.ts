/**
 * Properties `aws cloudformation package` reads as local paths and uploads to S3 before
 * deploying (its documented list): a template written for it names files beside it. Where the
 * resource also takes the file's content inline, the path becomes that content, read when the
 * program runs (the project carries the file, as for a SAM API's local DefinitionUri): a REST
 * or HTTP API's body, a state machine's definition, an AppSync resolver's or function's mapping
 * templates and code. Where only an S3 location will do (an Elastic Beanstalk source bundle, a
 * Glue job's script, a CodeCommit repository's initial code), the path is a TODO and a warning
 * naming what to upload. A Lambda function's `Code` and a layer's `Content` (a FileArchive,
 * special.ts), a nested stack's `TemplateURL` (nested.ts) and the SAM properties are read where
 * those are converted.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../../model/expr.js";
import type { ResourceContext } from "./build.js";
import { isLocalTemplateUrl } from "./nested.js";
import type { SourceEntry } from "./values.js";

/** How a file's content becomes the property's value: its text, what the JSON or YAML in it decodes to, or that as JSON text. */
type Read = "text" | "decoded" | "json";

interface Inline {
  readonly property: string;
  /** The property that takes the content itself. */
  readonly inline: string;
  readonly read: Read | ((path: string) => { read: Read; inline: string });
}

const INLINE: Readonly<Record<string, readonly Inline[]>> = {
  "AWS::ApiGateway::RestApi": [{ property: "BodyS3Location", inline: "Body", read: "text" }],
  "AWS::ApiGatewayV2::Api": [{ property: "BodyS3Location", inline: "Body", read: "decoded" }],
  // The definition string is JSON: a YAML definition is the JSON of what it holds.
  "AWS::StepFunctions::StateMachine": [{ property: "DefinitionS3Location", inline: "DefinitionString", read: (p) => ({ read: /\.ya?ml$/i.test(p) ? "json" : "text", inline: "DefinitionString" }) }],
  "AWS::AppSync::Resolver": [
    { property: "RequestMappingTemplateS3Location", inline: "RequestMappingTemplate", read: "text" },
    { property: "ResponseMappingTemplateS3Location", inline: "ResponseMappingTemplate", read: "text" },
    { property: "CodeS3Location", inline: "Code", read: "text" },
  ],
  "AWS::AppSync::FunctionConfiguration": [
    { property: "RequestMappingTemplateS3Location", inline: "RequestMappingTemplate", read: "text" },
    { property: "ResponseMappingTemplateS3Location", inline: "ResponseMappingTemplate", read: "text" },
    { property: "CodeS3Location", inline: "Code", read: "text" },
  ],
};

/** Properties (a path into the value: `Command.ScriptLocation`) only an S3 location fills. */
const UPLOADED: Readonly<Record<string, readonly string[]>> = {
  "AWS::ElasticBeanstalk::ApplicationVersion": ["SourceBundle"],
  "AWS::Glue::Job": ["Command", "ScriptLocation"],
  "AWS::CodeCommit::Repository": ["Code", "S3"],
};

const localPath = (e: Expr | undefined): string | undefined => (e?.kind === "literal" && typeof e.value === "string" && isLocalTemplateUrl(e.value) ? e.value : undefined);

/** The content of the file at `path` (its text, or what it decodes to), read when the program runs. */
function contentOf(path: string, read: Read, loc: ResourceContext["loc"]): Expr {
  const text: Expr = { kind: "call", name: "file", args: [{ kind: "literal", value: path }], loc };
  if (read === "text") return text;
  const decoded: Expr = { kind: "call", name: /\.json$/i.test(path) ? "jsondecode" : "yamldecode", args: [text], loc };
  return read === "json" ? { kind: "call", name: "tojsonstring", args: [decoded], loc } : decoded;
}

/** The resource's properties with the local paths `aws cloudformation package` would upload read as described above. */
export function withPackagedFiles(ctx: ResourceContext): ResourceContext {
  const inline = INLINE[ctx.type];
  const uploaded = UPLOADED[ctx.type];
  if (!inline && !uploaded) return ctx;
  let entries: readonly SourceEntry[] = ctx.entries;
  for (const p of inline ?? []) {
    const at = entries.find((e) => e.name === p.property);
    const path = localPath(at?.value);
    if (!at || path === undefined) continue;
    const loc = at.loc ?? ctx.loc;
    const how = typeof p.read === "function" ? p.read(path) : { read: p.read, inline: p.inline };
    if (entries.some((e) => e.name === how.inline)) {
      ctx.diags.push(diagnostic("PG2004", "warning", `${ctx.id}: ${p.property} beside a ${how.inline}; the ${how.inline} is converted`, loc));
      entries = entries.filter((e) => e !== at);
      continue;
    }
    ctx.diags.push(diagnostic("PG2010", "info", `${ctx.id}: ${how.inline} is read from ${path} when the program runs (the file \`aws cloudformation package\` would upload for ${p.property})`, loc));
    entries = entries.map((e) => (e === at ? { ...at, name: how.inline, value: contentOf(path, how.read, loc) } : e));
  }
  if (uploaded) {
    const [top, inner] = uploaded;
    const at = entries.find((e) => e.name === top);
    const value = at && inner ? (at.value.kind === "object" ? at.value.entries.find((x) => x.key === inner)?.value : undefined) : at?.value;
    const path = localPath(value);
    if (at && path !== undefined) {
      const where = inner ? `${top}.${inner}` : top;
      ctx.diags.push(diagnostic("PG2004", "warning", `${ctx.id}: ${where} is a local path (${path}), which \`aws cloudformation package\` uploads to S3 before deploying; upload it (aws.s3.BucketObjectv2) and name its S3 location here`, at.loc ?? ctx.loc));
      // A placeholder where the S3 location goes (the program says what is missing, and does not deploy a path as a location).
      const stand: Expr = { kind: "unsupported", text: path, reason: `${where} names a local file: upload it to S3 and name its location` };
      const replaced = inner && at.value.kind === "object" ? { ...at.value, entries: at.value.entries.map((x): ObjectEntry => (x.key === inner ? { ...x, value: stand } : x)) } : stand;
      entries = entries.map((e) => (e === at ? { ...at, value: replaced } : e));
    }
  }
  return entries === ctx.entries ? ctx : { ...ctx, entries };
}
