/**
 * CloudFormation templates (YAML or JSON, told apart by content) → one plain shape: every
 * short-form tag becomes the long form of JSON templates (`!Ref X` → `{ Ref: "X" }`,
 * `!GetAtt A.B` → `{ "Fn::GetAtt": ["A", "B"] }`, `!Sub` scalar → `{ "Fn::Sub": "…" }`).
 * js-yaml 4 parses; `cloudformation-js-yaml-schema` supplies its tag list and `build()`, and its
 * gaps are closed here: every tag in every form (scalar, sequence, mapping), including the scalar
 * `!Base64`, `!Length`, `!ToJsonString` and `!Transform`. An unknown tag is a located error.
 */
import yaml from "js-yaml";
import { createRequire } from "node:module";

const cfnSchemaPackage = createRequire(import.meta.url)("cloudformation-js-yaml-schema") as {
  localTags: Record<"scalar" | "sequence" | "mapping", string[]>;
};

/** Tags the package does not know, in any form. */
const EXTRA_TAGS = ["Length", "ToJsonString", "Transform", "Base64", "GetAtt", "Sub", "ImportValue", "Select", "FindInMap", "Join", "Split", "If", "Equals", "And", "Or", "Not", "Condition", "Ref", "GetAZs", "Cidr"];

const KINDS = ["scalar", "sequence", "mapping"] as const;

/** The long form of a short tag. */
function longForm(tag: string, data: unknown): Record<string, unknown> {
  switch (tag) {
    case "Ref":
      return { Ref: data };
    case "Condition":
      return { Condition: data };
    case "GetAtt":
      if (typeof data === "string") {
        const dot = data.indexOf(".");
        return { "Fn::GetAtt": dot < 0 ? [data, ""] : [data.slice(0, dot), data.slice(dot + 1)] };
      }
      return { "Fn::GetAtt": data };
    case "Transform":
      return { "Fn::Transform": data };
    default:
      return { [`Fn::${tag}`]: data };
  }
}

let schema: yaml.Schema | undefined;

/** The js-yaml schema: the package's tags in the forms it lists, and the missing forms. */
export function cloudFormationSchema(): yaml.Schema {
  if (schema) return schema;
  const names = new Set<string>([...Object.values(cfnSchemaPackage.localTags).flat(), ...EXTRA_TAGS]);
  const types: yaml.Type[] = [];
  for (const name of names) {
    for (const kind of KINDS) {
      types.push(
        new yaml.Type(`!${name}`, {
          kind,
          construct: (data: unknown) => longForm(name, data ?? (kind === "scalar" ? "" : kind === "sequence" ? [] : {})),
        }),
      );
    }
  }
  schema = yaml.DEFAULT_SCHEMA.extend(types);
  return schema;
}

export interface TemplateError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type ParsedTemplate =
  | {
      readonly ok: true;
      readonly template: Record<string, unknown>;
      readonly format: "yaml" | "json";
      readonly locate: (path: readonly string[]) => { line: number; column: number };
      /** The `#` comment lines right above the line `locate` answers (YAML only). */
      readonly commentsAbove: (line: number) => string[];
    }
  | { readonly ok: false; readonly error: TemplateError };

export function parseTemplate(text: string): ParsedTemplate {
  const format = /^\s*\{/.test(text) ? "json" : "yaml";
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: cloudFormationSchema(), json: true });
  } catch (e) {
    if (e instanceof yaml.YAMLException) {
      const mark = e.mark as { line?: number; column?: number } | undefined;
      const reason = e.reason.replace(/^unknown tag !<!?([^>]*)>/, "unknown tag !$1: not a CloudFormation intrinsic function");
      return { ok: false, error: { message: reason, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 } };
    }
    throw e;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { ok: false, error: { message: "a template is a mapping with a Resources section", line: 1, column: 1 } };
  }
  const lines = text.split(/\r?\n/);
  const commentsAbove = (line: number): string[] => {
    const out: string[] = [];
    for (let i = line - 2; i >= 0 && /^\s*#/.test(lines[i]!); i--) out.unshift(lines[i]!.trim().replace(/^#\s?/, ""));
    return format === "yaml" ? out : [];
  };
  return { ok: true, template: doc as Record<string, unknown>, format, locate: locator(text), commentsAbove };
}

/**
 * Finds where a key path (`["Resources", "Api", "Properties", "Name"]`) is written, for
 * diagnostics: each key is looked for below the previous one, more indented than it. Works for
 * block YAML and for JSON written one key a line; otherwise it answers the nearest found parent.
 */
export function locator(text: string): (path: readonly string[]) => { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  type Found = { index: number; column: number; indent: number };
  const cache = new Map<string, Found>();
  const find = (path: readonly string[]): Found => {
    if (path.length === 0) return { index: -1, column: 1, indent: -1 };
    const key = path.join("\u0000");
    const hit = cache.get(key);
    if (hit) return hit;
    const parent = find(path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (/^\d+$/.test(last) && parent.index >= 0) {
      // The n-th `- ` item of a block sequence under the parent.
      let n = Number(last);
      let dash = -1;
      for (let i = parent.index + 1; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.trim() === "" || /^\s*#/.test(l)) continue;
        const indent = l.length - l.trimStart().length;
        if (indent < parent.indent || (indent === parent.indent && !l.trimStart().startsWith("-"))) break;
        if (!l.trimStart().startsWith("- ") && l.trim() !== "-") continue;
        if (dash < 0) dash = indent;
        if (indent !== dash) continue;
        if (n-- === 0) {
          const found = { index: i, column: indent + 3, indent: indent + 1 };
          cache.set(key, found);
          return found;
        }
      }
      cache.set(key, parent);
      return parent;
    }
    const escaped = path[path.length - 1]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(`^(\\s*)(?:-\\s+)?["']?${escaped}["']?\\s*:`);
    let found: Found = parent;
    for (let i = parent.index + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.trim() === "" || /^\s*#/.test(l)) continue;
      const indent = l.length - l.trimStart().length;
      if (parent.index >= 0 && indent <= parent.indent && !/^\s*[}\]],?\s*$/.test(l)) break;
      const m = re.exec(l);
      if (m) {
        found = { index: i, column: m[1]!.length + 1, indent };
        break;
      }
    }
    cache.set(key, found);
    return found;
  };
  return (path) => {
    const f = find(path);
    return { line: Math.max(f.index, 0) + 1, column: f.column };
  };
}
