/**
 * The child process of `--verify` that runs converted programs under Pulumi's runtime mocks,
 * one after another: each stdin line is `{ index, dir }`, each stdout line its answer
 * (`{ index, ok, error?, registered?, note? }`). A program that fails may leave work in flight,
 * so the parent starts a new child after one. TypeScript is transpiled in memory (no file is
 * written into the projects); packages resolve from the project's node_modules, else from
 * pulumigrate's.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { awsSchema, nativeSchema, type Props } from "../schema/index.js";
import { standIns, type TsApi } from "./stand-ins.js";

interface Item {
  readonly index: number;
  /** The project folder, where the program runs. */
  readonly dir: string;
}

type Transpile = (text: string, options: { compilerOptions: Record<string, unknown>; fileName: string }) => { outputText: string };

const own = createRequire(import.meta.url);

/** How long a program that registered everything may take to settle its work in flight. */
const DISCONNECT_MS = 10_000;

const INVOKE_ANSWERS: Readonly<Record<string, Record<string, unknown>>> = {
  "aws:index/getRegion:getRegion": { name: "us-east-1", region: "us-east-1" },
  "aws:index/getCallerIdentity:getCallerIdentity": { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/mock", userId: "mock" },
  "aws:index/getPartition:getPartition": { partition: "aws", dnsSuffix: "amazonaws.com" },
  "aws:index/getAvailabilityZones:getAvailabilityZones": { names: ["us-east-1a", "us-east-1b", "us-east-1c"], zoneIds: ["use1-az1", "use1-az2", "use1-az3"] },
  "aws:iam/getPolicyDocument:getPolicyDocument": { json: '{"Version":"2012-10-17","Statement":[]}' },
  "aws:ssm/getParameter:getParameter": { value: "mock", type: "String" },
  "aws:ec2/getAmi:getAmi": { imageId: "ami-mock", id: "ami-mock", architecture: "x86_64" },
  // An external data source's program: an empty JSON object printed (what reads its result reads nothing).
  "command:local:run": { stdout: "{}", stderr: "" },
};

/**
 * What the provider would answer for a resource's list and map outputs its inputs do not set:
 * empty ones (`aws:acm/certificate:Certificate` → `domainValidationOptions: []`), so that a
 * program reading them (`.filter`, `.map`) runs as against a real deployment, not on undefined.
 */
function collectionOutputs(token: string): Record<string, unknown> {
  // `aws:acm/certificate:Certificate`, `aws-native:cloudformation:Stack`.
  const m = /^(aws|aws-native):([^/:]+)(?:\/[^:]+)?:(\w+)$/.exec(token);
  const outputs: Props = (m && (m[1] === "aws" ? awsSchema() : nativeSchema()).resources[`${m[2]}.${m[3]}`]?.outputs) || {};
  const out: Record<string, unknown> = {};
  for (const [k, shape] of Object.entries(outputs)) if (Array.isArray(shape) && (shape[0] === "l" || shape[0] === "m")) out[k] = shape[0] === "l" ? [] : {};
  return out;
}

/**
 * What the provider computes for a few resources from their inputs, where a program reads it
 * element by element: an ACM certificate's one DNS validation option per distinct domain.
 */
const RESOURCE_ANSWERS: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>> = {
  "aws:acm/certificate:Certificate": (inputs) => ({
    domainValidationOptions: [...new Set([inputs.domainName, ...((inputs.subjectAlternativeNames as unknown[] | undefined) ?? [])])]
      .filter((d): d is string => typeof d === "string")
      .map((d) => ({ domainName: d, resourceRecordName: `_mock.${d.replace(/^\*\./, "")}.`, resourceRecordType: "CNAME", resourceRecordValue: "_mock.acm-validations.aws." })),
  }),
};

/** `require` for a project: its own node_modules first, then pulumigrate's. */
function requireFor(dir: string): (id: string) => unknown {
  const local = createRequire(path.join(dir, "index.ts"));
  return (id) => {
    try {
      return local(id);
    } catch (e) {
      if ((e as { code?: string }).code !== "MODULE_NOT_FOUND") throw e;
      return own(id);
    }
  };
}

/** Loads a project's TypeScript program as CommonJS, its relative imports (components) too. */
function load(file: string, external: (id: string) => unknown, transpile: Transpile, cache: Map<string, unknown>): unknown {
  const hit = cache.get(file);
  if (hit) return (hit as { exports: unknown }).exports;
  const module = { exports: {} as unknown };
  cache.set(file, module);
  const code = transpile(fs.readFileSync(file, "utf8"), { fileName: file, compilerOptions: { module: 1 /* CommonJS */, target: 9 /* ES2022 */, esModuleInterop: true } }).outputText;
  const dir = path.dirname(file);
  const req = (id: string): unknown => {
    if (id.startsWith("./") || id.startsWith("../")) {
      const base = path.resolve(dir, id);
      const target = [base, `${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (target) return load(target, external, transpile, cache);
    }
    return external(id);
  };
  new Function("require", "module", "exports", "__filename", "__dirname", code)(req, module, module.exports, file, dir);
  return module.exports;
}

async function runOne(item: Item): Promise<{ ok: boolean; error?: string; registered?: number; note?: string }> {
  const external = requireFor(item.dir);
  let ts: { transpileModule: Transpile } & TsApi;
  let pulumi: typeof import("@pulumi/pulumi");
  try {
    ts = external("typescript") as typeof ts;
    pulumi = external("@pulumi/pulumi") as typeof pulumi;
    external("@pulumi/aws");
  } catch (e) {
    return { ok: false, error: `skipped: ${(e as Error).message.split("\n")[0]} (run npm install in the project)` };
  }
  // The project's name and its stack configuration (Pulumi.<stack>.yaml), as `pulumi up` reads them.
  const projectYaml = fs.readFileSync(path.join(item.dir, "Pulumi.yaml"), "utf8");
  const project = /^name:\s*['"]?([^'"\n]+)/m.exec(projectYaml)?.[1]?.trim() ?? "project";
  const stackFile = fs.readdirSync(item.dir).find((f) => /^Pulumi\..+\.yaml$/.test(f));
  const yaml = external("js-yaml") as { load(text: string): unknown };
  const config = stackFile ? ((yaml.load(fs.readFileSync(path.join(item.dir, stackFile), "utf8")) as { config?: Record<string, unknown> }).config ?? {}) : {};
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])));
  // A required value the stack does not set is answered with a stand-in, and said so.
  const defaulted: string[] = [];
  const proto = pulumi.Config.prototype as unknown as Record<string, (this: { get(k: string): unknown }, key: string) => unknown>;
  const stand: Record<string, unknown> = { require: "verify", requireNumber: 1, requireBoolean: true, requireObject: {}, requireSecret: "verify", requireSecretNumber: 1, requireSecretBoolean: true, requireSecretObject: {} };
  // A structured value stands in as the type the program reads it as (stand-ins.ts).
  const program = fs.readFileSync(path.join(item.dir, "index.ts"), "utf8");
  const shaped = standIns(ts, "index.ts", program);
  // Another stack's outputs (a Terraform remote state's) are not there to read: each one the
  // program requires stands in as a string, and the note says which.
  const components = path.join(item.dir, "components");
  const texts = [program, ...(fs.existsSync(components) ? fs.readdirSync(components).filter((f) => f.endsWith(".ts")).sort().map((f) => fs.readFileSync(path.join(components, f), "utf8")) : [])];
  const stackOutputs = [...new Set([...texts.join("\n").matchAll(/\.requireOutput\(("(?:[^"\\]|\\.)*")\)/g)].map((m) => JSON.parse(m[1]!) as string))];
  const originals = new Map<string, (typeof proto)[string]>();
  for (const [m, v] of Object.entries(stand)) {
    const original = proto[m]!;
    originals.set(m, original);
    proto[m] = function (this: { get(k: string): unknown }, key: string) {
      try {
        return original.call(this, key);
      } catch (e) {
        if (!/Missing required configuration/.test(String(e))) throw e;
        defaulted.push(key);
        const value = m.endsWith("Object") && shaped.has(key) ? shaped.get(key) : v;
        return m.startsWith("requireSecret") ? pulumi.secret(value) : value;
      }
    };
  }
  let registered = 0;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered++;
        if (args.type === "pulumi:pulumi:StackReference") return { id: String(args.inputs.name), state: { ...args.inputs, outputs: Object.fromEntries(stackOutputs.map((k) => [k, "verify"])) } };
        return { id: `${args.name}-id`, state: { ...collectionOutputs(args.type), ...RESOURCE_ANSWERS[args.type]?.(args.inputs as Record<string, unknown>), ...args.inputs, arn: `arn:aws:mock:${args.type}:${args.name}`, name: args.inputs.name ?? args.name } };
      },
      // Invokes answer what the common ones answer, and their inputs otherwise.
      call: (args) => ({ ...INVOKE_ANSWERS[args.token], ...args.inputs, json: INVOKE_ANSWERS[args.token]?.json ?? "{}", id: "mock" }),
    },
    project,
    stackFile ? stackFile.slice("Pulumi.".length, -".yaml".length) : "dev",
    false,
    "organization",
  );
  const failures: unknown[] = [];
  const onError = (e: unknown) => failures.push(e);
  process.on("unhandledRejection", onError);
  process.on("uncaughtException", onError);
  const cwd = process.cwd();
  try {
    process.chdir(item.dir);
    const exported = load(path.join(item.dir, "index.ts"), external, ts.transpileModule, new Map());
    // An async entry point (`export = async () => {…}`) is called, as `pulumi up` calls it.
    if (typeof exported === "function") await (exported as () => Promise<unknown>)();
    // Registrations resolve asynchronously: wait until no more arrive, then for every call in
    // flight, so that nothing of this program lands on the next one's mocks.
    let last = -1;
    for (let stable = 0; stable < 5; ) {
      await new Promise((r) => setTimeout(r, 10));
      if (registered === last) stable++;
      else [stable, last] = [0, registered];
    }
    // A program that already failed is not waited on: a registration whose input threw never
    // settles, so the runtime's count of work in flight never reaches zero (and this child is
    // replaced after a failure anyway). Otherwise the wait is bounded too.
    if (failures.length === 0) {
      const settled = await Promise.race([pulumi.runtime.disconnect().then(() => true, () => true), new Promise<false>((r) => setTimeout(() => r(false), DISCONNECT_MS).unref())]);
      if (!settled) failures.push(new Error(`work still in flight ${DISCONNECT_MS / 1000} s after the last registration (an Output that never resolves?)`));
    }
  } catch (e) {
    failures.push(e);
  } finally {
    process.chdir(cwd);
    process.off("unhandledRejection", onError);
    process.off("uncaughtException", onError);
  }
  for (const [m, f] of originals) proto[m] = f;
  const first = failures[0];
  const notes = [
    ...(defaulted.length ? [`required config not set, stand-ins used: ${[...new Set(defaulted)].join(", ")}`] : []),
    ...(stackOutputs.length ? [`other stacks' outputs stood in: ${stackOutputs.join(", ")}`] : []),
  ];
  const note = notes.length ? notes.join("; ") : undefined;
  if (first === undefined) return { ok: true, registered, ...(note ? { note } : {}) };
  // A failure keeps the note: a program that throws on a stand-in (a `{}` read as a string) needs its config set, not another conversion.
  return { ok: false, error: (first instanceof Error ? first.message : String(first)).split("\n")[0]!, registered, ...(note ? { note } : {}) };
}

// One program per stdin line, answered in order; the parent sends the next when this one answers.
let buffer = "";
let queue = Promise.resolve();
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  buffer += chunk;
  for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
    const item = JSON.parse(buffer.slice(0, nl)) as Item;
    buffer = buffer.slice(nl + 1);
    queue = queue.then(async () => {
      const r = await runOne(item);
      process.stdout.write(JSON.stringify({ index: item.index, ...r }) + "\n");
    });
  }
});
process.stdin.on("end", () => void queue.then(() => process.exit(0)));
