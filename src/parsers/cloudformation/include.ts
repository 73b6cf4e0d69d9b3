/**
 * `Fn::Transform` of `AWS::Include` with a local `Location` (the template before `aws
 * cloudformation package` or `sam package` uploads the snippet): the snippet read and put in the
 * place of the transform, as CloudFormation puts it before any other transform runs, so that its
 * intrinsic functions convert and the SAM transform sees an included `DefinitionBody` as written.
 * The caller's reader answers a path (relative to the template) with the file's text, or
 * undefined (`readBeside`: from the disk, beside the template). A snippet on S3 or one the
 * reader does not find is left to the lowering, which says so (intrinsics.ts).
 */
import fs from "node:fs";
import nodePath from "node:path";
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { parseTemplate } from "./yaml.js";
import { isObj, type Obj } from "./obj.js";

/** Reads a file a template names, by the path written (relative to the template's folder); undefined when there is none. */
export type IncludeReader = (path: string) => string | undefined;

/** The reader of files beside a template on disk (only regular files: a FIFO would wait for a writer). */
export function readBeside(templatePath: string): IncludeReader {
  return (p) => {
    const file = nodePath.resolve(nodePath.dirname(templatePath), p);
    try {
      return fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Snippets that include snippets: at most this deep (a snippet that includes itself stops here). */
const MAX_DEPTH = 8;

/** The `Location` an `Fn::Transform`'s argument names when it is an `AWS::Include`. */
export function includeLocation(transform: unknown): string | undefined {
  const location = isObj(transform) && transform.Name === "AWS::Include" && isObj(transform.Parameters) ? transform.Parameters.Location : undefined;
  return typeof location === "string" ? location : undefined;
}

/** Whether a location is on S3 (or the web), where `package` put the snippet. */
export const remote = (location: string): boolean => /^(s3|https?):\/\//i.test(location);

/** The local path an `AWS::Include` names, when the value is one. */
function includedPath(v: unknown): string | undefined {
  if (!isObj(v) || Object.keys(v).length !== 1) return undefined;
  const location = includeLocation(v["Fn::Transform"]);
  return location !== undefined && !remote(location) ? location : undefined;
}

/** The template with each local snippet it includes in place (the same object when it includes none). */
export function expandIncludes(template: Obj, read: IncludeReader | undefined, diags: Diagnostic[], locate: (path: readonly string[]) => Location): Obj {
  if (!read) return template;
  const expand = (v: unknown, path: readonly string[], depth: number): unknown => {
    const location = includedPath(v);
    if (location !== undefined) {
      const at = locate([...path, "Fn::Transform"]);
      const text = read(location);
      if (text === undefined) return v;
      if (depth >= MAX_DEPTH) {
        diags.push(diagnostic("PG1003", "error", `AWS::Include of ${location}: snippets include snippets more than ${MAX_DEPTH} deep (one includes itself?); not included`, at));
        return v;
      }
      const parsed = parseTemplate(text);
      if (!parsed.ok) {
        diags.push(diagnostic("PG1001", "error", `AWS::Include of ${location}: ${parsed.error.line ? `${parsed.error.line}:${parsed.error.column}: ` : ""}${parsed.error.message.replace(/^a template is a mapping with a Resources section$/, "a snippet is a mapping")}`, at));
        return v;
      }
      diags.push(diagnostic("PG2010", "info", `AWS::Include of ${location}: the snippet is converted where it is included (CloudFormation includes it when the stack is made), so the program does not read the file`, at));
      return expand(parsed.template, path, depth + 1);
    }
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x, i) => {
        const y = expand(x, [...path, String(i)], depth);
        changed ||= y !== x;
        return y;
      });
      return changed ? out : v;
    }
    if (!isObj(v)) return v;
    // An include beside other keys (`Properties: { StageName: …, Fn::Transform: … }`): the snippet's entries go where it stands.
    if (Object.keys(v).length > 1 && "Fn::Transform" in v) {
      const snippet = expand({ "Fn::Transform": v["Fn::Transform"] }, path, depth);
      if (isObj(snippet) && !("Fn::Transform" in snippet)) {
        const out: Obj = {};
        for (const [k, x] of Object.entries(v)) {
          if (k === "Fn::Transform") Object.assign(out, snippet);
          else out[k] = expand(x, [...path, k], depth);
        }
        return out;
      }
    }
    let out: Obj | undefined;
    for (const [k, x] of Object.entries(v)) {
      const y = expand(x, [...path, k], depth);
      if (y !== x) (out ??= { ...v })[k] = y;
    }
    return out ?? v;
  };
  return expand(template, [], 0) as Obj;
}
