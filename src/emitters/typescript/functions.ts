/**
 * Terraform functions (the model's shared function vocabulary) as plain TypeScript over plain
 * values. The expression printer lifts through `.apply` / `pulumi.all` when inputs are outputs.
 * Each entry takes the printed arguments and returns code; `needs` names imports it uses.
 */
export interface FunctionContext {
  /** Records a module import the code needs (`fs`, `crypto`, `path`). */
  use(module: "fs" | "crypto" | "path"): void;
  /**
   * Records a helper function the code calls, emitted once at the top of the program, and
   * returns the name to call it by (another one when a declaration already has its name).
   */
  helper(name: keyof typeof HELPERS): string;
}

type Printer = (args: readonly string[], ctx: FunctionContext) => string | undefined;

const hash = (alg: string, enc: string) => (a: readonly string[], ctx: FunctionContext) => {
  ctx.use("crypto");
  return `crypto.createHash("${alg}").update(${a[0]}).digest("${enc}")`;
};

const fileHash = (name: "filebase64sha256" | "filesha256" | "filesha1" | "filemd5") => (a: readonly string[], ctx: FunctionContext) => {
  ctx.use("crypto");
  ctx.use("fs");
  return `${ctx.helper(name)}(${a[0]})`;
};

const helper = (name: keyof typeof HELPERS) => (a: readonly string[], ctx: FunctionContext) => {
  return `${ctx.helper(name)}(${a.join(", ")})`;
};

export const FUNCTIONS: Readonly<Record<string, Printer>> = {
  jsonencode: (a) => `JSON.stringify(${a[0]})`,
  jsondecode: (a) => `JSON.parse(${a[0]})`,
  file: (a, ctx) => (ctx.use("fs"), `fs.readFileSync(${a[0]}, "utf8")`),
  filebase64: (a, ctx) => (ctx.use("fs"), `fs.readFileSync(${a[0]}).toString("base64")`),
  filebase64sha256: fileHash("filebase64sha256"),
  filesha256: fileHash("filesha256"),
  filesha1: fileHash("filesha1"),
  filemd5: fileHash("filemd5"),
  fileexists: (a, ctx) => (ctx.use("fs"), `fs.existsSync(${a[0]})`),
  templatefile: helper("templatefile"),
  format: helper("format"),
  lookup: (a) => (a.length >= 3 ? `${a[0]}[${a[1]}] ?? ${a[2]}` : `${a[0]}[${a[1]}]`),
  merge: (a) => `{ ${a.map((x) => `...${x}`).join(", ")} }`,
  concat: (a) => `[${a.map((x) => `...${x}`).join(", ")}]`,
  length: helper("length"),
  join: (a) => `${a[1]}.join(${a[0]})`,
  split: (a) => `${a[1]}.split(${a[0]})`,
  replace: (a) => {
    const re = /^"\/(.*)\/"$/.exec(a[1] ?? "");
    if (re) return `${a[0]}.replace(/${re[1]!.replace(/\\\\/g, "\\")}/g, ${a[2]})`;
    return `${a[0]}.replaceAll(${a[1]}, ${a[2]})`;
  },
  lower: (a) => `${a[0]}.toLowerCase()`,
  upper: (a) => `${a[0]}.toUpperCase()`,
  title: helper("title"),
  trimspace: (a) => `${a[0]}.trim()`,
  substr: (a) => (a[2] === "-1" ? `${a[0]}.slice(${a[1]})` : `${a[0]}.substring(${a[1]}, ${a[1]} + ${a[2]})`),
  tostring: (a) => `String(${a[0]})`,
  tonumber: (a) => `Number(${a[0]})`,
  tobool: (a) => `${a[0]} === true || ${a[0]} === "true"`,
  tolist: (a) => `[...${a[0]}]`,
  toset: (a) => `[...new Set(${a[0]})]`,
  tomap: (a) => `${a[0]}`,
  keys: (a) => `Object.keys(${a[0]})`,
  values: (a) => `Object.values(${a[0]})`,
  element: helper("element"),
  contains: (a) => `${a[0]}.includes(${a[1]})`,
  coalesce: (a) => a.join(" ?? "),
  try: helper("tryValues"),
  can: helper("can"),
  flatten: (a) => `${a[0]}.flat(Infinity)`,
  distinct: (a) => `[...new Set(${a[0]})]`,
  compact: (a) => `${a[0]}.filter((v) => v !== "" && v !== null && v !== undefined)`,
  zipmap: (a) => `Object.fromEntries(${a[0]}.map((k, i) => [k, ${a[1]}[i]]))`,
  sha1: hash("sha1", "hex"),
  sha256: hash("sha256", "hex"),
  sha512: hash("sha512", "hex"),
  md5: hash("md5", "hex"),
  base64encode: (a) => `Buffer.from(${a[0]}).toString("base64")`,
  base64decode: (a) => `Buffer.from(${a[0]}, "base64").toString("utf8")`,
  base64sha256: (a, ctx) => (ctx.use("crypto"), `crypto.createHash("sha256").update(${a[0]}).digest("base64")`),
  timestamp: () => `new Date().toISOString()`,
  uuid: (_a, ctx) => (ctx.use("crypto"), `crypto.randomUUID()`),
  abspath: (a, ctx) => (ctx.use("path"), `path.resolve(${a[0]})`),
  basename: (a, ctx) => (ctx.use("path"), `path.basename(${a[0]})`),
  dirname: (a, ctx) => (ctx.use("path"), `path.dirname(${a[0]})`),
  min: (a) => `Math.min(${a.join(", ")})`,
  max: (a) => `Math.max(${a.join(", ")})`,
  abs: (a) => `Math.abs(${a[0]})`,
  ceil: (a) => `Math.ceil(${a[0]})`,
  floor: (a) => `Math.floor(${a[0]})`,
  range: helper("range"),
  cidr: helper("cidr"),
  startswith: (a) => `${a[0]}.startsWith(${a[1]})`,
  endswith: (a) => `${a[0]}.endsWith(${a[1]})`,
  reverse: (a) => `[...${a[0]}].reverse()`,
  sort: (a) => `[...${a[0]}].sort()`,
  slice: (a) => `${a[0]}.slice(${a[1]}, ${a[2]})`,
  urlencode: (a) => `encodeURIComponent(${a[0]})`,
  one: (a) => `${a[0]}[0]`,
  sum: (a) => `${a[0]}.reduce((s, v) => s + v, 0)`,
  chomp: (a) => `${a[0]}.replace(/(\\r?\\n)+$/, "")`,
};

/** Helper functions, emitted once at the top of a program that calls them. */
export const HELPERS = {
  filebase64sha256: [
    "function filebase64sha256(file: string): string {",
    "  return crypto",
    '    .createHash("sha256")',
    "    .update(fs.readFileSync(file))",
    '    .digest("base64");',
    "}",
  ],
  filesha256: [
    "function filesha256(file: string): string {",
    "  return crypto",
    '    .createHash("sha256")',
    "    .update(fs.readFileSync(file))",
    '    .digest("hex");',
    "}",
  ],
  filesha1: [
    "function filesha1(file: string): string {",
    '  return crypto.createHash("sha1").update(fs.readFileSync(file)).digest("hex");',
    "}",
  ],
  filemd5: [
    "function filemd5(file: string): string {",
    '  return crypto.createHash("md5").update(fs.readFileSync(file)).digest("hex");',
    "}",
  ],
  templatefile: [
    "/** Renders a Terraform template file: `${name}` interpolations only. */",
    "function templatefile(file: string, vars: Record<string, unknown>): string {",
    "  return fs",
    '    .readFileSync(file, "utf8")',
    '    .replace(/\\$\\{\\s*([A-Za-z_][\\w-]*)\\s*\\}/g, (_, name: string) =>',
    "      String(vars[name]),",
    "    );",
    "}",
  ],
  format: [
    "/** Terraform's format(): %s, %d, %v, %q and %%. */",
    "function format(spec: string, ...args: unknown[]): string {",
    "  let i = 0;",
    "  return spec.replace(/%[sdvq%]/g, (m) =>",
    '    m === "%%" ? "%" : m === "%q" ? JSON.stringify(String(args[i++])) : String(args[i++]),',
    "  );",
    "}",
  ],
  length: [
    "/** Terraform's length(): of a list, a string or a map. */",
    "function length(value: readonly unknown[] | string | object): number {",
    '  return typeof value === "string" || Array.isArray(value)',
    "    ? value.length",
    "    : Object.keys(value).length;",
    "}",
  ],
  element: [
    "/** Terraform's element(): indexes wrap around. */",
    "function element<T>(list: readonly T[], index: number): T {",
    "  return list[index % list.length]!;",
    "}",
  ],
  title: [
    "function title(s: string): string {",
    "  return s.replace(/\\b\\w/g, (c) => c.toUpperCase());",
    "}",
  ],
  tryValues: [
    "/** Terraform's try(): the first alternative that evaluates without an error. */",
    "function tryValues<T>(...alternatives: (() => T)[]): T | undefined {",
    "  for (const alternative of alternatives) {",
    "    try {",
    "      return alternative();",
    "    } catch {",
    "      // try the next one",
    "    }",
    "  }",
    "  return undefined;",
    "}",
  ],
  can: [
    "function can(value: () => unknown): boolean {",
    "  try {",
    "    value();",
    "    return true;",
    "  } catch {",
    "    return false;",
    "  }",
    "}",
  ],
  range: [
    "function range(start: number, end?: number, step = 1): number[] {",
    "  if (end === undefined) [start, end] = [0, start];",
    "  const out: number[] = [];",
    "  for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);",
    "  return out;",
    "}",
  ],
  cidr: [
    "/** CloudFormation's Fn::Cidr: `count` IPv4 subnets of `2^bits` addresses each. */",
    "function cidr(block: string, count: number, bits: number): string[] {",
    '  const [address, prefix] = block.split("/");',
    "  const base = address!",
    '    .split(".")',
    "    .reduce((n, octet) => n * 256 + Number(octet), 0);",
    "  const start = base - (base % 2 ** (32 - Number(prefix)));",
    "  return Array.from({ length: count }, (_, i) => {",
    "    const n = start + i * 2 ** bits;",
    "    const octets = [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256);",
    '    return `${octets.join(".")}/${32 - bits}`;',
    "  });",
    "}",
  ],
  notImplemented: [
    "/** A construct pulumigrate could not convert: see the TODO next to each call. */",
    "function notImplemented(source: string): any {",
    '  throw new Error(`not converted by pulumigrate: ${source}`);',
    "}",
  ],
} as const;
