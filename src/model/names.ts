/**
 * The one naming module: source names → TypeScript identifiers, and the case conversions
 * between source and Pulumi names (`rest_api_id` → `restApiId`, `RestApiId` → `rest_api_id`)
 * that mappers and emitters share. Names are chosen late, per
 * scope, against a set of names already taken, so that a clash or a reserved word can never
 * reach the output.
 */

import { memo } from "./memo.js";

const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
  "typeof", "var", "void", "while", "with", "as", "implements", "interface", "let", "package",
  "private", "protected", "public", "static", "yield", "await", "async", "of", "type",
  "arguments", "eval", "undefined", "NaN", "Infinity", "constructor", "prototype",
  // Names the generated program itself uses.
  "pulumi", "aws", "aws_native", "config", "fs", "crypto", "path", "require", "module", "exports", "console",
  "process", "JSON", "Object", "Array", "String", "Number", "Boolean", "Math", "Date", "Buffer",
  "Promise", "Record", "Set", "Map", "Error", "notImplemented",
]);

const ONE_WORD = /^[A-Za-z0-9]+$/;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isCapital = (c: number) => c >= 65 && c <= 90;

/**
 * camelCase of a source name: `apigw_lambda` → `apigwLambda`, `MyDemoAPI` → `myDemoAPI`,
 * `VPCs` → `vpcs`, `ProviderARNs` → `providerARNs`, `my-bucket` → `myBucket`.
 */
export function camelCase(name: string): string {
  // A name of letters and digits alone (most logical ids and many Terraform names) is one word.
  if (ONE_WORD.test(name)) return isDigit(name.charCodeAt(0)) ? "_" + lowerLeading(name) : lowerLeading(name);
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0) return "_";
  const [first, ...rest] = words;
  const head = lowerLeading(first!);
  const tail = rest.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  let id = head + tail;
  if (/^[0-9]/.test(id)) id = "_" + id;
  return id;
}

/** Lowers the leading capital run: `MyDemo` → `myDemo`, `VPCs` → `vpcs`, `APIGateway` → `apiGateway`. */
function lowerLeading(w: string): string {
  let run = 0;
  while (run < w.length && isCapital(w.charCodeAt(run))) run++;
  if (run === 0) return w;
  if (run === w.length) return w.toLowerCase();
  if (run === 1) return w[0]!.toLowerCase() + w.slice(1);
  // `APIGateway`: the last capital starts the next word, unless a plural `s` follows (`VPCs`).
  const next = w.slice(run);
  if (next === "s") return w.toLowerCase();
  return w.slice(0, run - 1).toLowerCase() + w[run - 1] + next;
}

export function isReserved(name: string): boolean {
  return RESERVED.has(name);
}

/** A scope of taken names. */
export class NameScope {
  private readonly taken = new Set<string>();
  constructor(private readonly parent?: NameScope) {}

  has(name: string): boolean {
    return this.taken.has(name) || (this.parent?.has(name) ?? false);
  }

  /** Claims `preferred` or, when taken or reserved, the first free `preferred2`, `preferred3`… */
  claim(preferred: string): string {
    let name = preferred;
    if (isReserved(name)) name = name + "_";
    let n = 2;
    const base = name;
    while (this.has(name) || isReserved(name)) name = `${base}${n++}`;
    this.taken.add(name);
    return name;
  }

  reserve(name: string): void {
    this.taken.add(name);
  }

  /**
   * Claims a name that may shadow an outer one (a lambda parameter named after the value it
   * stands for), unless it is reserved, taken in this scope itself, or `forbidden` (names the
   * lambda's body reads from outside).
   */
  claimShadowing(preferred: string, forbidden: ReadonlySet<string>): string {
    let name = isReserved(preferred) ? preferred + "_" : preferred;
    const base = name;
    let n = 2;
    while (this.taken.has(name) || forbidden.has(name) || isReserved(name)) name = `${base}${n++}`;
    this.taken.add(name);
    return name;
  }
}

/** The last segment of a class name: `aws.apigateway.RestApi` → `RestApi`. */
export function classSuffix(className: string): string {
  return className.slice(className.lastIndexOf(".") + 1);
}

/**
 * Variable names of declarations: camelCase of the source name; where several declarations
 * would share a name, each resource among them takes its class name as a suffix
 * (`testRestApi`, `testLoadBalancer`), as Pulumi's own converter does.
 */
export function declarationNames(
  decls: readonly { id: string; sourceName: string; className?: string; exported?: boolean }[],
  scope: NameScope,
): Map<string, string> {
  const base = new Map<string, string>();
  const count = new Map<string, number>();
  for (const d of decls) {
    const b = camelCase(d.sourceName);
    base.set(d.id, b);
    count.set(b, (count.get(b) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  // Exported names are the program's outputs (`pulumi stack output azs`): they are named first,
  // and a local or resource of the same name gives way.
  for (const d of [...decls.filter((x) => x.exported), ...decls.filter((x) => !x.exported)]) {
    let name = base.get(d.id)!;
    if ((count.get(name) ?? 0) > 1 && d.className) name = name + classSuffix(d.className);
    out.set(d.id, scope.claim(name));
  }
  return out;
}

/** snake_case → camelCase, as Pulumi names properties: `rest_api_id` → `restApiId`. */
export function camel(snake: string): string {
  return memo(camelMemo, snake, camelOf);
}

function camelOf(snake: string): string {
  const parts = snake.split("_").filter((p) => p !== "");
  if (parts.length === 0) return snake;
  return parts[0]! + parts.slice(1).map((p) => p[0]!.toUpperCase() + p.slice(1)).join("");
}

/** An identifier's PascalCase: `apiGateway` → `ApiGateway`, `api-gw` → `ApiGw`. */
export function pascalCase(name: string): string {
  const c = camelCase(name).replace(/^_+/, "");
  return c ? c[0]!.toUpperCase() + c.slice(1) : "_";
}

/** snake_case → PascalCase, as Pulumi names classes: `rest_api` → `RestApi`. */
export function pascal(snake: string): string {
  return snake
    .split("_")
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

// Property names come from a small vocabulary (the schema's and the template's), converted once each.
const camelMemo = new Map<string, string>();
const snakeMemo = new Map<string, string>();

/** PascalCase → snake_case: `RestApiId` → `rest_api_id`, `ProviderARNs` → `provider_arns`. */
export function snake(name: string): string {
  return memo(snakeMemo, name, snakeOf);
}

function snakeOf(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase();
}

/** Global names a generated class must not shadow (a module directory called `function`, `proxy`…). */
const GLOBAL_CLASSES = new Set([
  "Function", "Symbol", "Proxy", "Reflect", "Intl", "RegExp", "BigInt", "WeakMap", "WeakSet", "WeakRef", "DataView",
  "ArrayBuffer", "Atomics", "Iterator", "Generator", "Uint8Array", "URL", "TextEncoder", "TextDecoder", "Partial",
  "Required", "Readonly", "Pick", "Omit", "Exclude", "Extract", "Awaited", "ReturnType", "Parameters", "Resource",
  "ComponentResource", "Output", "Input", "Config", "Provider", "Index",
]);

/** Members of `pulumi.ComponentResource` a generated property must not take. */
const COMPONENT_MEMBERS = new Set(["urn", "getProvider", "registerOutputs", "getData", "initialize", "constructor"]);

/**
 * Property names of a component's args or outputs, in source order: camelCase of each source
 * name, clashes (`api-gw` and `api_gw`) told apart by a number, never a member of
 * `ComponentResource` itself.
 */
export function memberNames(sourceNames: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const n of sourceNames) {
    const base = camelCase(n);
    let name = COMPONENT_MEMBERS.has(base) || base.startsWith("__") ? `${base}_` : base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    out.set(n, name);
  }
  return out;
}

/**
 * Class and file names of the components generated from module directories: PascalCase of
 * the directory's base name, unique in the project (case-insensitively, as file systems
 * compare names), and a file name that is the class name's camelCase, so that nothing a
 * directory is called can escape the components folder or overwrite another component.
 */
export function componentNames(dirs: readonly { key: string; baseName: string }[]): Map<string, { className: string; fileName: string }> {
  const taken = new Set<string>(["index", "pulumi"]);
  const out = new Map<string, { className: string; fileName: string }>();
  for (const d of dirs) {
    let base = pascalCase(d.baseName);
    if (base === "_" || /^_*$/.test(base)) base = "Module";
    if (isReserved(base) || GLOBAL_CLASSES.has(base)) base = `${base}Module`;
    let className = base;
    for (let i = 2; taken.has(className.toLowerCase()); i++) className = `${base}${i}`;
    taken.add(className.toLowerCase());
    out.set(d.key, { className, fileName: className[0]!.toLowerCase() + className.slice(1) });
  }
  return out;
}
