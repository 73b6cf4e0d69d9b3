/**
 * A module printed as a `pulumi.ComponentResource`: an args interface from its variables, a
 * class whose constructor creates its resources with `{ parent: this }` under names prefixed
 * by the instance's, and its outputs as public properties registered with `registerOutputs`.
 * Also the placeholder class of a module whose source was not converted.
 */
import type { ConfigDecl, ExportDecl } from "../../model/pulumi.js";
import { componentProperty, configBaseType, fromVariableType, isOutputType, tsType, type Type } from "../../typing/index.js";
import { arg } from "./code.js";
import { configChecks, withTypeDefaults } from "./config.js";
import { diagnostic } from "../../model/diagnostics.js";
import { blockCommentText, stringLiteral } from "./escape.js";
import type { ExprPrinter } from "./expr.js";

export interface ComponentSpec {
  readonly className: string;
  /** The type token (`pulumigrate:components:ApiGateway`). */
  readonly token: string;
  /** Where the module came from, for the class's doc comment. */
  readonly origin: string;
  /** Variable → args property, output → property (the names its callers use). */
  readonly args: ReadonlyMap<string, string>;
  readonly props: ReadonlyMap<string, string>;
  /** A CloudFormation template (a nested stack's), not a Terraform module. */
  readonly template?: boolean;
}

/** The identifiers a component's constructor takes; declarations inside it are named around them. */
export const CONSTRUCTOR_NAMES = ["name", "args", "opts"] as const;

/** `T` with every element and field an Input too: what a caller may pass for a value that holds Outputs. */
function inputType(t: Type): string {
  switch (t.k) {
    case "list":
      return `pulumi.Input<${inputType(t.of)}>[]`;
    case "map":
      return `Record<string, pulumi.Input<${inputType(t.of)}>>`;
    case "object": {
      const fields = Object.entries(t.fields).map(([k, v]) => {
        const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
        return v.k === "opt" ? `${key}?: pulumi.Input<${inputType(v.of)}>` : `${key}: pulumi.Input<${inputType(v)}>`;
      });
      return fields.length ? `{ ${fields.join("; ")} }` : "Record<string, never>";
    }
    default:
      return tsType(t);
  }
}

function argType(d: ConfigDecl): string {
  if (d.tsType) return d.tsType;
  // What a caller may pass: an attribute with a default may be left out.
  const t = d.type.kind === "object" ? fromVariableType(d.type.type, true) : configBaseType(d.type);
  return d.input || d.secret ? `pulumi.Input<${inputType(t)}>` : tsType(t);
}

/** `export interface ApiGatewayArgs { … }`: one property per variable, optional where it has a default. */
export function argsInterface(spec: ComponentSpec, configs: readonly ConfigDecl[]): string {
  const lines = [`export interface ${spec.className}Args {`];
  for (const d of configs) {
    const doc = [d.description, d.secret ? "Sensitive: passed as a secret." : undefined].filter((x): x is string => !!x);
    if (doc.length) lines.push(`/** ${doc.map(blockCommentText).join(" ")} */`);
    // A data source's answer the creating program reads (tree/hoist.ts) is always passed.
    const optional = !d.tsType && (d.default !== undefined || d.optional === true);
    lines.push(`${spec.args.get(d.key)}${optional ? "?" : ""}: ${argType(d)};`);
  }
  lines.push("}");
  return lines.join("\n");
}

/** `const stageName = args.stageName ?? "dev";`: a variable read from the args, its default applied here. */
export function argRead(d: ConfigDecl, name: string, spec: ComponentSpec, p: ExprPrinter, trailing: string): string {
  const lines: string[] = [];
  const read = `args.${spec.args.get(d.key)}`;
  const value = d.default ? `${read} ?? ${arg(p.print(d.default))}` : read;
  const typed = withTypeDefaults(value, d.type, p, d.secret || d.input === true);
  const wrapped = typed !== value ? (d.secret ? `pulumi.secret(${typed})` : typed) : d.secret ? `pulumi.secret(${value})` : d.input ? `pulumi.output(${value})` : value;
  lines.push(`const ${name} = ${wrapped};${trailing}`);
  // A value a caller may pass as an Output is not known here: its validations are the caller's to check.
  if (!d.secret && !d.input) lines.push(...configChecks(d, name, p));
  else if (d.checks?.length || d.allowedValues?.length || d.constraints) p.env.diags.push(diagnostic("PG2010", "warning", `${d.allowedValues?.length || d.constraints ? "parameter" : "variable"} "${d.key}": its validation is not enforced in the component: a caller passes it a value known only after deployment`, d.loc));
  return lines.join("\n");
}

/** `this.invokeUrl = stage.invokeUrl;`, and the property's declaration. */
export function propertyAssign(d: ExportDecl, type: Type, spec: ComponentSpec, p: ExprPrinter, trailing: string): { text: string; declaration: string } {
  const prop = spec.props.get(d.sourceName)!;
  const t = componentProperty(type);
  const value = arg(p.print(d.value));
  const text = t.k !== "output" || isOutputType(type) ? value : `pulumi.output(${value})`;
  return { text: `this.${prop} = ${text};${trailing}`, declaration: `public readonly ${prop}: ${tsType(t)};` };
}

export function classHead(spec: ComponentSpec, declarations: readonly string[], argsOptional: boolean): string {
  return [
    `/** The ${spec.template ? "CloudFormation template" : "Terraform module"} ${blockCommentText(spec.origin)}, as a component. */`,
    `export class ${spec.className} extends pulumi.ComponentResource {`,
    ...declarations,
    "",
    `constructor(name: string, args: ${spec.className}Args${argsOptional ? " = {}" : ""}, opts?: pulumi.ComponentResourceOptions) {`,
    `super(${stringLiteral(spec.token)}, name, {}, opts);`,
  ].join("\n");
}

export function classTail(spec: ComponentSpec): string {
  const outputs = [...spec.props.values()].map((p) => `${p}: this.${p}`).join(", ");
  return [`this.registerOutputs({${outputs ? ` ${outputs} ` : ""}});`, "}", "}"].join("\n");
}

/**
 * The class standing for a module whose source is not here (a registry or git module with no
 * downloaded copy): it accepts any argument, has the properties its callers read, and fails
 * when the program runs, saying what to do, as `terraform plan` fails before `terraform init`.
 */
export function placeholderComponent(spec: ComponentSpec, message: string): string {
  const props = [...spec.props.values()];
  return [
    'import * as pulumi from "@pulumi/pulumi";',
    "",
    `export type ${spec.className}Args = Record<string, unknown>;`,
    "",
    `/** TODO(pulumigrate): ${blockCommentText(message)} */`,
    `export class ${spec.className} extends pulumi.ComponentResource {`,
    ...props.map((p) => `public readonly ${p}!: pulumi.Output<any>;`),
    "",
    `constructor(name: string, args: ${spec.className}Args = {}, opts?: pulumi.ComponentResourceOptions) {`,
    `super(${stringLiteral(spec.token)}, name, {}, opts);`,
    "void args;",
    `throw new Error(${stringLiteral(message)});`,
    "}",
    "}",
    "",
  ].join("\n");
}
