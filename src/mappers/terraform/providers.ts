/**
 * The providers that ride along with AWS in real files, where Pulumi has a form of its own:
 * `data "archive_file"` is a Pulumi archive (a Lambda's `filename` takes it as its code, and a
 * `source_code_hash` fed from it goes: Pulumi hashes the archive itself), `data "template_file"`
 * a rendered template, a `null_resource` / `terraform_data` a located note (suggesting
 * `@pulumi/command`) unless it runs local-exec provisioners (command.ts). The `random_*`
 * resources are `@pulumi/random` classes (see types.ts).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { walkExpr, type Expr, type ObjectEntry } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Decl } from "../../model/pulumi.js";
import type { Attribute, Block, BodyItem, Resource } from "../../model/program.js";

/** What a reference to an attribute of one of these declarations reads. */
export const VALUE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  archive_file: ["output_path"],
  template_file: ["rendered"],
};

/** The archive's hashes: Pulumi computes its own from the archive. */
export const ARCHIVE_HASHES = ["output_base64sha256", "output_base64sha512", "output_md5", "output_sha", "output_sha256", "output_sha512", "output_size"];

export function isRideAlong(r: Resource): boolean {
  return (r.mode === "data" && r.type in VALUE_ATTRIBUTES) || (r.mode === "managed" && (r.type === "null_resource" || r.type === "terraform_data"));
}

/** A body's attribute of that name. */
export const attr = (body: readonly BodyItem[], name: string) => body.find((b): b is Attribute => b.kind === "attribute" && b.name === name);
const call = (name: string, args: Expr[]): Expr => ({ kind: "call", name, args });
const str = (value: string): Expr => ({ kind: "literal", value });

/** The archive a Lambda function's code is: files keyed by their names inside the zip. */
function archive(r: Resource, value: (e: Expr, loc?: Location) => Expr, diags: Diagnostic[]): Expr {
  const type = attr(r.body, "type");
  if (type && !(type.value.kind === "literal" && type.value.value === "zip")) {
    diags.push(diagnostic("PG2004", "warning", `data "archive_file" "${r.name}": only zip archives have a Pulumi form; this one is made a zip`, type.loc));
  }
  const dir = attr(r.body, "source_dir");
  if (dir) {
    if (attr(r.body, "excludes")) diags.push(diagnostic("PG2004", "warning", `data "archive_file" "${r.name}": excludes are not applied: a FileArchive packs the whole directory; move the excluded files out, or list the files with an AssetArchive`, attr(r.body, "excludes")!.loc));
    return call("new pulumi.asset.FileArchive", [value(dir.value, dir.loc)]);
  }
  const entries: ObjectEntry[] = [];
  const file = attr(r.body, "source_file");
  if (file) {
    const v = value(file.value, file.loc);
    // The zip holds the file under its base name.
    const key = v.kind === "literal" && typeof v.value === "string" ? v.value.slice(v.value.lastIndexOf("/") + 1) : call("basename", [v]);
    entries.push({ key, value: call("new pulumi.asset.FileAsset", [v]) });
  }
  const content = attr(r.body, "source_content");
  const contentName = attr(r.body, "source_content_filename");
  if (content && contentName) entries.push(entry(value(contentName.value, contentName.loc), call("new pulumi.asset.StringAsset", [value(content.value, content.loc)])));
  for (const b of r.body.filter((x): x is Block => x.kind === "block" && x.name === "source")) {
    const c = attr(b.body, "content");
    const f = attr(b.body, "filename");
    if (c && f) entries.push(entry(value(f.value, f.loc), call("new pulumi.asset.StringAsset", [value(c.value, c.loc)])));
  }
  if (entries.length === 0) diags.push(diagnostic("PG2011", "warning", `data "archive_file" "${r.name}": no source_file, source_dir, source_content or source block`, r.loc));
  return call("new pulumi.asset.AssetArchive", [{ kind: "object", entries }]);
}

function entry(key: Expr, value: Expr): ObjectEntry {
  return { key: key.kind === "literal" && typeof key.value === "string" ? key.value : key, value };
}

/** The declaration a ride-along data source or resource becomes. */
export function rideAlongDecl(r: Resource, value: (e: Expr, loc?: Location) => Expr, diags: Diagnostic[]): Decl {
  const id = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`;
  const comments = r.comments ? { comments: r.comments } : {};
  if (r.type === "archive_file") {
    diags.push(diagnostic("PG2010", "info", `data "archive_file" "${r.name}" is a Pulumi archive: Pulumi zips it when it deploys, and no output_path is written`, r.loc));
    return { kind: "const", id, sourceName: r.name, value: archive(r, value, diags), loc: r.loc, ...comments };
  }
  if (r.type === "template_file") {
    const template = attr(r.body, "template");
    const vars = attr(r.body, "vars");
    const rendered = call("templatestring", [template ? value(template.value, template.loc) : str(""), vars ? value(vars.value, vars.loc) : { kind: "object", entries: [] }]);
    return { kind: "const", id, sourceName: r.name, value: rendered, loc: r.loc, ...comments };
  }
  if (r.type === "terraform_data" && !r.meta.provisioners && !r.meta.count && !r.meta.forEach) {
    // The value it stores: what `.output` reads, and what replace_triggered_by = [terraform_data.x] watches.
    const input = attr(r.body, "input");
    const triggers = attr(r.body, "triggers_replace");
    const held = input ?? triggers;
    if (input && triggers) diags.push(diagnostic("PG2010", "warning", `terraform_data "${r.name}": its value is its input; a change of triggers_replace alone does not replace what it triggers`, triggers.loc));
    return { kind: "const", id, sourceName: r.name, value: held ? value(held.value, held.loc) : { kind: "literal", value: null }, loc: r.loc, ...comments };
  }
  diags.push(diagnostic("PG2010", "warning", `${r.type} "${r.name}" is not converted: its triggers and provisioners have no one-line Pulumi form; @pulumi/command runs commands as resources`, r.loc));
  return { kind: "comment", id, sourceName: r.name, loc: r.loc, ...comments, lines: [`TODO(pulumigrate): ${r.type} "${r.name}" is not converted (see @pulumi/command for running commands).`] };
}

/** Whether a value reads an archive's hash (directly, or by hashing its output_path): Pulumi hashes the archive itself. */
export function readsArchiveHash(e: Expr): boolean {
  const archiveRef = (x: Expr, attrs: readonly string[]) =>
    x.kind === "ref" && x.target.kind === "data" && x.target.type === "archive_file" && x.path[0]?.kind === "attr" && attrs.includes(x.path[0].name);
  let found = false;
  walkExpr(e, (x) => {
    if (archiveRef(x, ARCHIVE_HASHES)) found = true;
    if (x.kind === "call" && /^file(base64)?(sha|md5)/.test(x.name) && x.args.some((a) => archiveRef(a, ["output_path"]))) found = true;
  });
  return found;
}
