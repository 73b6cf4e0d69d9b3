/**
 * CloudFormation front end: a template (YAML or JSON) → the source-neutral model. Parameters
 * become variables (typed, with their constraints), Mappings and Conditions locals of their own
 * role, Resources resources (properties as attributes in template order, `DependsOn`,
 * `Condition` and the deletion policies as meta), Outputs outputs. YAML comments above a
 * section entry are kept; `Metadata` and `Description` become comments.
 */
import { diagnostic, hasErrors, type Diagnostic } from "../../model/diagnostics.js";
import type { Comments, Expr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Attribute, Constraints, SourceItem, SourceProgram, Variable, VariableType } from "../../model/program.js";
import type { SourceFile } from "../terraform/index.js";
import { textProblems } from "../text.js";
import { lowerValue, type IntrinsicScope } from "./intrinsics.js";
import type { TemplateComments } from "./comments.js";
import { parseTemplate } from "./yaml.js";
import { expandSam } from "./sam.js";
import { expandForEach, LANGUAGE_EXTENSIONS } from "./foreach.js";
import { ruleChecks } from "./rules.js";
import { expandIncludes, type IncludeReader } from "./include.js";
import { isObj, type Obj } from "./obj.js";

export { readBeside } from "./include.js";

/** The transform whose functions are expanded here (sam.ts). */
const SAM = "AWS::Serverless-2016-10-31";

export interface ParseResult {
  readonly program: SourceProgram;
  readonly diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Reads the local snippets an `AWS::Include` names (relative to the template); without it they are not included. */
  readonly read?: IncludeReader;
}

export function parseCloudFormation(file: SourceFile, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const empty: SourceProgram = { format: "cloudformation", items: [], trailingComments: [] };
  const problems = textProblems(file.path, file.text);
  diagnostics.push(...problems);
  if (hasErrors(problems)) return { program: empty, diagnostics };
  const parsed = parseTemplate(file.text);
  if (!parsed.ok) {
    diagnostics.push(diagnostic(parsed.error.code ?? "PG1001", "error", parsed.error.message, { file: file.path, line: parsed.error.line, column: parsed.error.column }));
    return { program: empty, diagnostics };
  }
  for (const d of parsed.duplicates) {
    diagnostics.push(diagnostic("PG1004", "warning", `'${d.key}' is written twice in one mapping: CloudFormation keeps the last one, and so does the conversion (what the first one held is left out)`, { file: file.path, line: d.line, column: d.column }));
  }
  // A resource the SAM transform made is located at the SAM resource it was made from.
  let origin: ReadonlyMap<string, string> = new Map();
  // An entry a Fn::ForEach loop made is located in the loop's fragment it was made from.
  const loops = new Map<string, ReadonlyMap<string, readonly string[]>>();
  const locate = (path: readonly string[]): Location => {
    const looped = path[1] !== undefined ? loops.get(path[0]!)?.get(path[1]) : undefined;
    const from = !looped && path[0] === "Resources" && path[1] !== undefined ? origin.get(path[1]) : undefined;
    const at = looped ? [...looped, ...path.slice(2)] : from ? ["Resources", from, ...path.slice(2)] : path;
    const { line, column } = parsed.locate(at);
    return { file: file.path, line, column, path: path.join("/") };
  };
  // Local snippets are included first, as CloudFormation includes them before any other transform.
  // (A template that names no AWS::Include is not walked for one.)
  const t = file.text.includes("AWS::Include") ? expandIncludes(parsed.template, options.read, diagnostics, locate) : parsed.template;
  const notes = parsed.comments;
  /** The comments of the item at `line` (a location already found): those above it, then `extra`, and the one at the end of its line. */
  const commentsAt = (line: number, extra: readonly string[] = []): { comments?: Comments } => {
    const c = notes.of(line);
    const leading = [...(c?.leading ?? []), ...extra];
    if (!leading.length && c?.trailing === undefined) return {};
    return { comments: { ...(leading.length ? { leading } : {}), ...(c?.trailing !== undefined ? { trailing: c.trailing } : {}) } };
  };
  /** An item's location and the comments above it, the path walked once. */
  const located = (path: readonly string[], extra: readonly string[] = []): { loc: Location; comments?: Comments } => {
    const loc = locate(path);
    return { loc, ...commentsAt(loc.line, extra) };
  };
  const section = (name: string): Obj => {
    const v = t[name];
    if (v === undefined || v === null) return {};
    if (isObj(v)) return v;
    diagnostics.push(diagnostic("PG1003", "error", `${name} must be a mapping`, locate([name])));
    return {};
  };
  const parameters = section("Parameters");
  const mappings = section("Mappings");
  const transform = t.Transform;
  const transforms = transform === undefined ? [] : (Array.isArray(transform) ? transform : [transform]).map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
  // AWS::LanguageExtensions runs first: its loops are expanded before anything reads the sections.
  const looped = transforms.includes(LANGUAGE_EXTENSIONS);
  let expandedLoops = false;
  const expanded = (name: string): Obj => {
    if (!looped) return section(name);
    const r = expandForEach(name, section(name), { parameters, mappings, diags: diagnostics, locate });
    loops.set(name, r.origin);
    expandedLoops ||= r.expanded;
    return r.section;
  };
  const conditions = expanded("Conditions");
  const written = expanded("Resources");
  const sam = transforms.includes(SAM) ? expandSam(written, t.Globals, diagnostics, locate) : undefined;
  if (sam) origin = sam.origin;
  const resources = sam?.resources ?? written;
  const outputs = expanded("Outputs");
  if (!("Resources" in t)) diagnostics.push(diagnostic("PG1003", "error", "a CloudFormation template needs a Resources section", locate([])));

  const resourceTypes = new Map<string, string>();
  for (const [id, r] of Object.entries(resources)) resourceTypes.set(id, isObj(r) && typeof r.Type === "string" ? r.Type : "");
  const scope: IntrinsicScope = {
    parameters: new Set(Object.keys(parameters)),
    resources: resourceTypes,
    conditions: new Set(Object.keys(conditions)),
    mappings: new Set(Object.keys(mappings)),
    locate,
    comments: (line) => notes.of(line),
    diags: diagnostics,
    ...(sam ? { references: sam.references } : {}),
  };
  const value = (v: unknown, path: readonly string[]): Expr => lowerValue(v, path, scope);

  const items: SourceItem[] = [];
  // Comments at the top of the file, above the first section.
  const first = Object.keys(t)[0];
  const head: string[] = [];
  if (first !== undefined) {
    const { inside, after } = notes.left(1, parsed.locate([first]).line - 1, -1);
    head.push(...inside, ...after);
  }
  if (head.length && typeof t.Description === "string") head.push("");
  if (typeof t.Description === "string") head.push(...t.Description.trim().split(/\r?\n/));
  // SAM functions are expanded here (sam.ts); any other transform runs inside CloudFormation only.
  // A template that declares the SAM transform but has no SAM resource: the transform changes nothing.
  const idle = sam !== undefined && !sam.expanded && !Object.values(resources).some((r) => isObj(r) && typeof r.Type === "string" && r.Type.startsWith("AWS::Serverless::"));
  if (idle) diagnostics.push(diagnostic("PG2010", "info", `Transform ${SAM}: the template has no SAM resource, so the transform changes nothing`, locate(["Transform"])));
  const others = transforms.filter((n) => (n !== SAM || (!sam?.expanded && !idle)) && n !== LANGUAGE_EXTENSIONS);
  if (looped) diagnostics.push(diagnostic("PG2010", "info", `Transform ${LANGUAGE_EXTENSIONS}: ${expandedLoops ? "its Fn::ForEach loops are expanded as the transform expands them" : "the template has no Fn::ForEach loop"}; Fn::Length, Fn::ToJsonString and Fn::FindInMap defaults convert as written`, locate(["Transform"])));
  if (sam?.expanded) {
    head.push(`Transform: ${SAM}: its functions, APIs, layers, simple tables, state machines and applications are expanded as the transform expands them (the function, its role, what its events need; the REST or HTTP API, its deployment and stage; the layer version; the DynamoDB table; the state machine; the nested stack); other SAM resources are placeholders.`);
    diagnostics.push(diagnostic("PG2010", "info", `Transform ${SAM}: its functions, APIs, layers, simple tables, state machines and applications are expanded as the transform expands them; other SAM resources are not`, locate(["Transform"])));
  }
  if (others.length) {
    head.push(`Transform: ${others.join(", ")}: the transform's resources are placeholders; convert the transformed template (sam build / aws cloudformation get-template --template-stage Processed) for the rest.`);
    diagnostics.push(diagnostic("PG2004", "warning", `Transform ${others.join(", ")} runs inside CloudFormation and is not converted`, locate(["Transform"])));
  }
  if (head.length) items.push({ kind: "note", text: head.join("\n"), loc: locate(["Description"]) });
  if ("Metadata" in t) items.push({ kind: "note", text: `Metadata: ${JSON.stringify(t.Metadata)}`, loc: locate(["Metadata"]) });
  for (const k of Object.keys(t)) {
    if (k === "Globals" && transform !== undefined) {
      // Globals.Function is applied to the functions expanded; the rest (Api, SimpleTable…) is kept as a note.
      const rest = sam?.expanded && isObj(t.Globals) ? Object.fromEntries(Object.entries(t.Globals).filter(([g]) => g !== "Function")) : t.Globals;
      if (!isObj(rest) || Object.keys(rest).length) items.push({ kind: "note", text: `SAM Globals (apply to the SAM resources): ${JSON.stringify(rest)}`, loc: locate([k]) });
    } else if (!["AWSTemplateFormatVersion", "Description", "Transform", "Metadata", "Parameters", "Mappings", "Conditions", "Resources", "Outputs", "Rules"].includes(k)) {
      diagnostics.push(diagnostic("PG1003", "warning", `unknown template section '${k}' is ignored`, locate([k])));
    }
  }
  const rules = ruleChecks(t.Rules, parameters, value, locate, diagnostics);

  // Comments above a section's key go above its first entry.
  const sectionComments = (name: string): string[] => (name in t && first !== name ? notes.above(parsed.locate([name]).line) : []);
  const withSection = <T extends { comments?: Comments }>(section: string, index: number, item: T): T => {
    const extra = index === 0 ? sectionComments(section) : [];
    if (!extra.length) return item;
    return { ...item, comments: { ...item.comments, leading: [...extra, ...(item.comments?.leading ?? [])] } };
  };
  for (const [i, [name, p]] of Object.entries(parameters).entries()) {
    const path = ["Parameters", name];
    if (!isObj(p)) {
      diagnostics.push(diagnostic("PG1003", "error", `parameter ${name} must be a mapping`, locate(path)));
      continue;
    }
    if (rules.leftOut.has(name)) continue;
    const { loc, ...above } = located(path);
    const checks = rules.byParameter.get(name);
    items.push(withSection("Parameters", i, { ...parameter(name, p, loc, above, diagnostics), ...(checks ? { validations: checks } : {}) }));
  }
  for (const [i, [name, m]] of Object.entries(mappings).entries()) {
    const path = ["Mappings", name];
    items.push(withSection("Mappings", i, { kind: "local", role: "mapping", name, value: value(m, path), ...located(path) }));
  }
  // A condition only the CDK's metadata resources use (CDKMetadataAvailable) goes with them.
  const cdkOnly = cdkMetadataConditions(conditions, resources, outputs);
  for (const [i, [name, c]] of Object.entries(conditions).entries()) {
    if (cdkOnly.has(name)) continue;
    const path = ["Conditions", name];
    items.push(withSection("Conditions", i, { kind: "local", role: "condition", name, value: value(c, path), ...located(path) }));
  }
  for (const [i, [id, r]] of Object.entries(resources).entries()) {
    const path = ["Resources", id];
    if (!isObj(r) || typeof r.Type !== "string") {
      diagnostics.push(diagnostic("PG1003", "error", `resource ${id} needs a Type`, locate(path)));
      continue;
    }
    const written = r.Properties === undefined ? {} : r.Properties;
    if (!isObj(written)) {
      diagnostics.push(diagnostic("PG1003", "error", `resource ${id}: Properties must be a mapping`, locate([...path, "Properties"])));
      continue;
    }
    // Properties a snippet was to give that could not be included (include.ts): said once, and the resource has none.
    const unincluded = Object.keys(written).length === 1 && "Fn::Transform" in written;
    if (unincluded) value(written, [...path, "Properties"]);
    const props: Obj = unincluded ? {} : written;
    const body: Attribute[] = Object.entries(props).map(([k, v]) => {
      const pp = [...path, "Properties", k];
      // Located before what it holds, so that a comment on its line is its own.
      const loc = locate(pp);
      const c = notes.of(loc.line);
      return { kind: "attribute", name: k, value: value(v, pp), loc, ...(c ? { comments: c } : {}) };
    });
    const depends = r.DependsOn === undefined ? [] : Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
    const dependsOn = depends.map((d, i) => value({ Ref: d }, [...path, "DependsOn", ...(Array.isArray(r.DependsOn) ? [String(i)] : [])]));
    const extra: string[] = [];
    if (r.Metadata !== undefined) extra.push(`Metadata: ${JSON.stringify(r.Metadata)}`);
    for (const k of ["CreationPolicy", "UpdatePolicy"]) {
      if (r[k] !== undefined) {
        extra.push(`${k}: ${JSON.stringify(r[k])} (no Pulumi equivalent)`);
        diagnostics.push(diagnostic("PG2010", "info", `${id}: ${k} has no Pulumi equivalent; it is kept as a comment`, locate([...path, k])));
      }
    }
    const retain = [r.DeletionPolicy, r.UpdateReplacePolicy].some((x) => x === "Retain" || x === "RetainExceptOnCreate");
    for (const k of ["DeletionPolicy", "UpdateReplacePolicy"]) {
      if (r[k] === "Snapshot") diagnostics.push(diagnostic("PG2010", "info", `${id}: ${k} Snapshot has no Pulumi equivalent; take a final snapshot through the resource's own arguments`, locate([...path, k])));
    }
    items.push(withSection("Resources", i, {
      kind: "resource",
      mode: "managed",
      type: r.Type,
      name: id,
      body,
      meta: {
        dependsOn,
        ...(typeof r.Condition === "string" ? { condition: value({ Condition: r.Condition }, [...path, "Condition"]) } : {}),
        ...(retain ? { retainOnDelete: true } : {}),
      },
      ...located(path, extra),
    }));
  }
  for (const [i, [name, o]] of Object.entries(outputs).entries()) {
    const path = ["Outputs", name];
    if (!isObj(o) || !("Value" in o)) {
      diagnostics.push(diagnostic("PG1003", "error", `output ${name} needs a Value`, locate(path)));
      continue;
    }
    const exp = isObj(o.Export) ? o.Export.Name : undefined;
    items.push(withSection("Outputs", i, {
      kind: "output",
      name,
      value: value(o.Value, [...path, "Value"]),
      ...(typeof o.Description === "string" ? { description: o.Description } : {}),
      ...(exp !== undefined ? { exportName: value(exp, [...path, "Export", "Name"]) } : {}),
      ...(typeof o.Condition === "string" ? { condition: value({ Condition: o.Condition }, [...path, "Condition"]) } : {}),
      sensitive: false,
      ...located(path),
      valueLoc: locate([...path, "Value"]),
    }));
  }
  const trailingComments = keepLeftComments(items, Object.keys(t).map((k) => parsed.locate([k]).line), notes);
  return { program: { format: "cloudformation", items, trailingComments }, diagnostics };
}

/**
 * Comments no entry took stay with the item whose lines hold them: those inside its lines (above
 * a list's scalar item, inside an intrinsic function's arguments, after a mapping's last entry)
 * after its own leading comments; those after its last line (a banner over the next resources,
 * set apart by blank lines), and those between a section's key and its first item, before the
 * next item's; after the last item, at the end of the program. `anchors` are the lines of the
 * template's top-level keys.
 */
function keepLeftComments(items: SourceItem[], anchors: readonly number[], notes: TemplateComments): string[] {
  const at = new Map<number, number>();
  items.forEach((it, i) => {
    if (it.loc !== undefined && !at.has(it.loc.line)) at.set(it.loc.line, i);
  });
  const starts = [...new Set([...anchors, ...at.keys()])].sort((a, b) => a - b);
  let pending: string[] = [];
  starts.forEach((line, k) => {
    const i = at.get(line);
    const it = i === undefined ? undefined : items[i]!;
    const { inside, after } = notes.left(line + 1, (starts[k + 1] ?? notes.lineCount + 1) - 1, it ? it.loc!.column - 1 : -1);
    if (it === undefined) {
      pending.push(...inside, ...after);
      return;
    }
    const leading = [...pending, ...inside];
    if (it.kind === "note") items[i!] = { ...it, text: [...pending, it.text, ...inside].join("\n") };
    else if (leading.length) items[i!] = { ...it, comments: { ...it.comments, leading: [...pending, ...(it.comments?.leading ?? []), ...inside] } } as SourceItem;
    pending = after;
  });
  return pending;
}

/** A parameter's type: `String`, `Number`, `List<Number>`, `CommaDelimitedList`, `AWS::EC2::…`, `AWS::SSM::Parameter::Value<…>`. */
function parameterType(type: string): { type: VariableType; ssm?: string } {
  const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type);
  if (ssm) return { type: { kind: "string" }, ssm: ssm[1]! };
  if (type === "Number") return { type: { kind: "number" } };
  if (type === "List<Number>") return { type: { kind: "list", element: { kind: "number" } } };
  if (type === "CommaDelimitedList" || /^List<.+>$/.test(type)) return { type: { kind: "list", element: { kind: "string" } } };
  return { type: { kind: "string" } };
}

function coerce(v: unknown, t: VariableType): Expr {
  if (t.kind === "list") {
    const items = Array.isArray(v) ? v : typeof v === "string" ? (v === "" ? [] : v.split(",").map((x) => x.trim())) : [v];
    return { kind: "list", items: items.map((x) => coerce(x, t.element)) };
  }
  if (t.kind === "number") {
    const n = typeof v === "number" ? v : Number(v);
    return { kind: "literal", value: Number.isFinite(n) ? n : String(v) };
  }
  return { kind: "literal", value: typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v) };
}

function parameter(name: string, p: Obj, loc: Location, comments: { comments?: Comments }, diags: Diagnostic[]): Variable {
  const rawType = typeof p.Type === "string" ? p.Type : "String";
  if (typeof p.Type !== "string") diags.push(diagnostic("PG1003", "warning", `parameter ${name} has no Type; String is assumed`, loc));
  const { type, ssm } = parameterType(rawType);
  const num = (k: string): number | undefined => (p[k] === undefined ? undefined : Number(p[k]));
  const constraints: Constraints = {
    ...(typeof p.AllowedPattern === "string" ? { pattern: p.AllowedPattern } : {}),
    ...(num("MinValue") !== undefined ? { minValue: num("MinValue")! } : {}),
    ...(num("MaxValue") !== undefined ? { maxValue: num("MaxValue")! } : {}),
    ...(num("MinLength") !== undefined ? { minLength: num("MinLength")! } : {}),
    ...(num("MaxLength") !== undefined ? { maxLength: num("MaxLength")! } : {}),
    ...(typeof p.ConstraintDescription === "string" ? { message: p.ConstraintDescription } : {}),
  };
  const element = type.kind === "list" ? type.element : type;
  const described = [typeof p.Description === "string" ? p.Description : "", rawType !== "String" && rawType !== "Number" ? `(${rawType})` : ""].filter(Boolean).join(" ");
  return {
    kind: "variable",
    name,
    type,
    ...(p.Default !== undefined ? { default: coerce(p.Default, type) } : {}),
    ...(described ? { description: described } : {}),
    sensitive: p.NoEcho === true || p.NoEcho === "true",
    ...(Array.isArray(p.AllowedValues) ? { allowedValues: p.AllowedValues.map((v) => coerce(v, element)) } : {}),
    ...(Object.keys(constraints).some((k) => k !== "message") ? { constraints } : {}),
    ...(ssm ? { ssmParameter: ssm } : {}),
    loc,
    ...comments,
  };
}

/** Conditions that only `AWS::CDK::Metadata` resources name (the CDK's `CDKMetadataAvailable`): nothing else reads them. */
function cdkMetadataConditions(conditions: Obj, resources: Obj, outputs: Obj): Set<string> {
  const metadata = Object.values(resources).filter((r) => isObj(r) && r.Type === "AWS::CDK::Metadata") as Obj[];
  const named = new Set(metadata.map((r) => r.Condition).filter((c): c is string => typeof c === "string"));
  if (!named.size) return named;
  // Everything else, as text: a name found in it is kept (a value that happens to spell it keeps it too, the safe side).
  const rest = JSON.stringify([Object.values(resources).filter((r) => !metadata.includes(r as Obj)), outputs, Object.entries(conditions).filter(([n]) => !named.has(n))]);
  return new Set([...named].filter((n) => !rest.includes(JSON.stringify(n))));
}
