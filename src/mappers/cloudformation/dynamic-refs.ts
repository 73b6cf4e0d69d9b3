/**
 * CloudFormation's dynamic references, `{{resolve:ssm:name}}`, `{{resolve:ssm-secure:name}}` and
 * `{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}`: values
 * CloudFormation reads when it deploys, written inside a string. Kept as text they would reach
 * the resource literally (a database password set to "{{resolve:…}}"), so each becomes the
 * read Pulumi makes of it when the program runs: a parameter's value (decrypted, a secret), a
 * secret's string or one key of its JSON, one invoke per distinct reference, declared ahead of
 * its users. A reference the conversion cannot read (another service, a part built with
 * Fn::Sub) is a located warning and stays text.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Expr, TemplateExpr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { CfnTable } from "./references.js";

const DYNAMIC = /\{\{resolve:([^}]*)\}\}/g;

const lit = (value: string): Expr => ({ kind: "literal", value });
const ref = (id: string, name: string): Expr => ({ kind: "ref", target: { kind: "decl", id }, path: [{ kind: "attr", name }] });

/** A name safe for a declaration's source name, from a parameter or secret name. */
const nameOf = (s: string, suffix: string): string => `${s.replace(/^arn:.*:(parameter|secret):/, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : "")) || "value"}${suffix}`;

/** The read one reference stands for, or undefined where the conversion cannot make it. */
function resolved(body: string, table: CfnTable): Expr | undefined {
  const [service, ...rest] = body.split(":");
  if (service === "ssm" || service === "ssm-secure") {
    // `name` or `name:version` (GetParameter takes the same selector); a parameter's ARN keeps its colons.
    const key = rest.join(":");
    if (!key) return undefined;
    const id = `dynref.${body}`;
    if (!table.hoisted.has(id)) {
      table.hoisted.set(id, { kind: "invoke", id, sourceName: nameOf(key.replace(/:\d+$/, ""), "Parameter"), fn: "aws.ssm.getParameterOutput", args: { kind: "object", entries: [{ key: "name", value: lit(key) }, ...(service === "ssm-secure" ? [{ key: "withDecryption", value: { kind: "literal" as const, value: true } }] : [])] }, options: {} });
    }
    return ref(id, "value");
  }
  if (service === "secretsmanager") {
    // A secret's ARN (arn:aws:secretsmanager:region:account:secret:name) holds six colons of its own.
    const arn = rest[0] === "arn" ? 7 : 1;
    const secretId = rest.slice(0, arn).join(":");
    const [what = "SecretString", jsonKey = "", stage = "", version = ""] = rest.slice(arn);
    if (!secretId || what !== "SecretString") return undefined;
    const id = `dynref.secretsmanager:${secretId}:${stage}:${version}`;
    if (!table.hoisted.has(id)) {
      const entries = [{ key: "secretId", value: lit(secretId) }, ...(stage ? [{ key: "versionStage", value: lit(stage) }] : []), ...(version ? [{ key: "versionId", value: lit(version) }] : [])];
      table.hoisted.set(id, { kind: "invoke", id, sourceName: nameOf(secretId, "Secret"), fn: "aws.secretsmanager.getSecretVersionOutput", args: { kind: "object", entries }, options: {} });
    }
    const text = ref(id, "secretString");
    return jsonKey ? { kind: "index", collection: { kind: "call", name: "jsondecode", args: [text] }, key: lit(jsonKey) } : text;
  }
  return undefined;
}

/** One string's dynamic references as reads, the text around them kept; the string itself where it has none. */
function inString(s: string, table: CfnTable, diags: Diagnostic[], at: Location | undefined): (string | Expr)[] {
  if (!s.includes("{{resolve:")) return [s];
  const parts: (string | Expr)[] = [];
  let last = 0;
  const found = [...s.matchAll(DYNAMIC)];
  for (const m of found) {
    const read = resolved(m[1]!, table);
    if (!read) {
      diags.push(diagnostic("PG2005", "warning", `dynamic reference {{resolve:${m[1]}}} is not converted (only ssm, ssm-secure and secretsmanager SecretString are read when the program runs); it stays text, which CloudFormation would have resolved when it deployed`, at));
      continue;
    }
    if (m.index > last) parts.push(s.slice(last, m.index));
    parts.push(read);
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push(s.slice(last));
  // One whose name is built with Fn::Sub (`{{resolve:ssm:/app/${Env}/db}}`) is split across the parts: not read.
  const opened = s.split("{{resolve:").length - 1;
  if (opened > found.length) diags.push(diagnostic("PG2005", "warning", "a dynamic reference whose name is built with Fn::Sub is not converted; it stays text, which CloudFormation would have resolved when it deployed: read the value with aws.ssm.getParameterOutput or aws.secretsmanager.getSecretVersionOutput", at));
  return parts;
}

/** An expression's dynamic references (in string literals and Fn::Sub text) as the reads they stand for. */
export function withDynamicReferences(x: Expr, table: CfnTable, diags: Diagnostic[], at: Location | undefined): Expr {
  if (x.kind === "literal" && typeof x.value === "string" && x.value.includes("{{resolve:")) {
    const parts = inString(x.value, table, diags, at);
    if (parts.length === 1) return typeof parts[0] === "string" ? x : parts[0]!;
    return { kind: "template", parts };
  }
  if (x.kind === "template" && x.parts.some((p) => typeof p === "string" && p.includes("{{resolve:"))) {
    const parts = x.parts.flatMap((p) => (typeof p === "string" ? inString(p, table, diags, at) : [p]));
    const out: TemplateExpr = { ...x, parts };
    return out;
  }
  return x;
}
