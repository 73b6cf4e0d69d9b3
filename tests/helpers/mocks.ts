/**
 * Runs a Pulumi program under Pulumi's runtime mocks (no engine, no cloud) and returns the
 * resources it registered with their resolved inputs.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { vi } from "vitest";

export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** Names of the resources it was registered after (`dependsOn` and references). */
  readonly dependencies: readonly string[];
  /** The name of its parent (a component), read from the registration's parent URN. */
  readonly parent?: string;
  /** The name of the provider resource it uses, when one is given or inherited. */
  readonly provider?: string;
  /** Whether it is a custom resource (false: a component). */
  readonly custom: boolean;
  /** Names of the resources whose replacement replaces it (`replaceWith`). */
  readonly replaceWith?: readonly string[];
  /** The value whose change replaces it (`replacementTrigger`), resolved. */
  readonly replacementTrigger?: unknown;
}

const PROJECT = "project";

/** Attributes a cloud provider would compute, so that references to them resolve to something. */
function computed(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return {
    ...inputs,
    arn: `arn:aws:mock:${type}:${name}`,
    invokeArn: `arn:aws:apigateway:mock:lambda:path/functions/${name}/invocations`,
    rootResourceId: `${name}-root`,
    path: `/${String(inputs.pathPart ?? "")}`,
    url: `https://mock/${name}`,
    invokeUrl: `https://${name}.execute-api.mock.amazonaws.com/${String(inputs.stageName ?? "")}`,
    executionArn: `arn:aws:execute-api:mock:123456789012:${name}/${String(inputs.stageName ?? "")}`,
    name: inputs.name ?? `${name}-generated`,
    ...(type === "aws:s3/bucket:Bucket" ? { bucketDomainName: `${String(inputs.bucket ?? name)}.s3.amazonaws.com` } : {}),
    // One DNS validation option per distinct domain of a certificate, as ACM answers.
    ...(type === "aws:acm/certificate:Certificate"
      ? { domainValidationOptions: [...new Set([inputs.domainName, ...((inputs.subjectAlternativeNames as string[] | undefined) ?? [])])].map((d) => ({ domainName: d, resourceRecordName: `_v.${String(d).replace(/^\*\./, "")}.`, resourceRecordType: "CNAME", resourceRecordValue: `_v.${name}.acm-validations.aws.` })) }
      : {}),
    ...(type === "aws:route53/record:Record" ? { fqdn: String(inputs.name) } : {}),
    ...(type === "aws:route53/zone:Zone" ? { zoneId: `${name}-zone-id` } : {}),
    ...(type === "aws:ec2/launchTemplate:LaunchTemplate" ? { latestVersion: 3 } : {}),
    // An instance's addresses.
    ...(type === "aws:ec2/instance:Instance" ? { publicIp: `${name}-public-ip`, privateIp: `${name}-private-ip` } : {}),
    // A function that publishes has version 1, and its ARN with that qualifier.
    ...(type === "aws:lambda/function:Function" ? { version: inputs.publish ? "1" : "$LATEST", qualifiedArn: `arn:aws:mock:${type}:${name}:${inputs.publish ? "1" : "$LATEST"}` } : {}),
    ...(type === "aws-native:ec2:Eip" ? { publicIp: "203.0.113.10", allocationId: "eipalloc-1" } : {}),
    ...(type === "aws-native:cognito:UserPoolClient" ? { clientId: `${name}-client-id` } : {}),
    // An API Gateway v2 part's own id (`integrationId`), which the service generates.
    ...(type.startsWith("aws-native:apigatewayv2:") ? { [`${type.split(":")[2]![0]!.toLowerCase()}${type.split(":")[2]!.slice(1)}Id`]: `${name}-own-id` } : {}),
  };
}

type Statement = { sid?: string; effect?: string; actions?: string[]; resources?: string[]; principals?: { type: string; identifiers: string[] }[] };

/** What the provider renders for getPolicyDocument, for the fields the fixtures use (one value stands alone, as AWS prints it). */
function policyDocument(inputs: Record<string, unknown>): string {
  const one = (xs: string[]) => (xs.length === 1 ? xs[0] : xs);
  const statements = ((inputs.statements ?? []) as Statement[]).map((s) => ({
    ...(s.sid ? { Sid: s.sid } : {}),
    Effect: s.effect ?? "Allow",
    ...(s.actions ? { Action: one(s.actions) } : {}),
    ...(s.resources ? { Resource: one(s.resources) } : {}),
    ...(s.principals ? { Principal: Object.fromEntries(s.principals.map((p) => [p.type, one(p.identifiers)])) } : {}),
  }));
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** `urn:…::pulumi:providers:aws::west::west-id` → `west`. */
function providerName(ref: string): string {
  const parts = ref.split("::");
  return parts.length >= 2 ? parts[parts.length - 2]! : ref;
}

export interface RunOptions {
  /** What `aws.getRegion` answers (default us-east-1). */
  readonly region?: string;
  /** Where the program runs (default: its own folder); the files it reads are relative to it. */
  readonly cwd?: string;
  /** What each stack a `pulumi.StackReference` names exports, by stack name (`organization/network/stack`); a nested CloudFormation stack's outputs, by template URL. */
  readonly stacks?: Readonly<Record<string, Record<string, unknown>>>;
  /** What each emulated CloudFormation custom resource's Lambda answers (its response's Data), by resource name. */
  readonly customData?: Readonly<Record<string, Record<string, unknown>>>;
}

export async function runProgram(file: string, config: Record<string, string> = {}, options: RunOptions = {}): Promise<Registered[]> {
  return (await run(file, config, options)).registered;
}

/** Runs a program under the mocks and resolves its exports (outputs, secrets and plain values alike). */
export async function runProgramExports(file: string, config: Record<string, string> = {}, options: RunOptions = {}): Promise<{ registered: Registered[]; exports: Record<string, unknown> }> {
  return run(file, config, options);
}

async function resolve(value: unknown): Promise<unknown> {
  const out = pulumi.output(value as pulumi.Input<unknown>);
  return new Promise((res) => out.apply((v) => res(v)));
}

async function run(file: string, config: Record<string, string>, options: RunOptions): Promise<{ registered: Registered[]; exports: Record<string, unknown> }> {
  const region = options.region ?? "us-east-1";
  const registered: Registered[] = [];
  const exports: Record<string, unknown> = {};
  // The mocks see no dependencies or parent: they are read off the registration request itself.
  const requests = new Map<string, { dependencies: string[]; parent?: string; replaceWith?: string[]; replacementTrigger?: unknown }>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const req = requests.get(`${args.type}::${args.name}`);
        registered.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
          dependencies: req?.dependencies ?? [],
          ...(req?.parent ? { parent: req.parent } : {}),
          ...(req?.replaceWith ? { replaceWith: req.replaceWith } : {}),
          ...(req && "replacementTrigger" in req ? { replacementTrigger: req.replacementTrigger } : {}),
          ...(args.provider ? { provider: providerName(args.provider) } : {}),
          custom: args.custom !== false,
        });
        if (args.type === "pulumi:pulumi:StackReference") return { id: String(args.inputs.name), state: { ...args.inputs, outputs: options.stacks?.[String(args.inputs.name)] ?? {} } };
        // A nested CloudFormation stack answers its template's outputs as a list of { outputKey, outputValue }.
        if (args.type === "aws-native:cloudformation:Stack") {
          const outputs = Object.entries(options.stacks?.[String(args.inputs.templateUrl)] ?? {}).map(([outputKey, outputValue]) => ({ outputKey, outputValue }));
          return { id: `${args.name}-id`, state: { ...args.inputs, outputs } };
        }
        // An emulated custom resource answers what its Lambda would: a physical id and the response's Data.
        if (args.type === "aws-native:cloudformation:CustomResourceEmulator") {
          return { id: `${args.name}-id`, state: { ...args.inputs, physicalResourceId: `${args.name}-physical-id`, data: options.customData?.[args.name] ?? {} } };
        }
        return { id: `${args.name}-id`, state: computed(args.type, args.name, args.inputs as Record<string, unknown>) };
      },
      call: (args) => {
        if (args.token === "aws:index/getRegion:getRegion") return { name: region, region, id: region };
        if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") return { accountId: "123456789012", arn: "arn", userId: "u", id: "123456789012" };
        if (args.token === "aws:index/getPartition:getPartition") return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
        if (args.token === "aws:iam/getPolicyDocument:getPolicyDocument") return { ...args.inputs, json: policyDocument(args.inputs) };
        if (args.token === "aws:index/getAvailabilityZones:getAvailabilityZones") return { names: ["a", "b", "c"].map((z) => region + z), zoneIds: ["1", "2", "3"].map((n) => `use1-az${n}`), id: region };
        if (args.token === "aws:ec2/getAmi:getAmi") return { id: "ami-0mock", imageId: "ami-0mock", architecture: "x86_64" };
        // A program run by command.local.run (an external data source): it prints the query it was given, with what it ran.
        if (args.token === "command:local:run") return { ...args.inputs, stdout: JSON.stringify({ ...JSON.parse(String(args.inputs.stdin ?? "{}")), ran: [...((args.inputs.interpreter as string[]) ?? []), args.inputs.command].join(" ") }), stderr: "" };
        // A TLS endpoint's certificate chain, its fingerprint named after the URL.
        if (args.token === "tls:index/getCertificate:getCertificate") return { ...args.inputs, certificates: [{ sha1Fingerprint: `sha1-of-${String(args.inputs.url)}`, isCa: true }], id: String(args.inputs.url) };
        if (args.token === "aws:ec2/getSubnets:getSubnets") return { ids: ["subnet-0a", "subnet-0b", "subnet-0c"], id: region };
        // A secret holding JSON, as applications keep credentials in Secrets Manager.
        // A parameter's value, named after it (decrypted or not: the mocks hold no secrets).
        if (args.token === "aws:ssm/getParameter:getParameter") return { ...args.inputs, value: `value-of-${String(args.inputs.name)}`, type: "String", id: String(args.inputs.name) };
        if (args.token === "aws:secretsmanager/getSecretVersion:getSecretVersion") return { ...args.inputs, secretString: JSON.stringify({ password: `password-of-${String(args.inputs.secretId)}` }), id: String(args.inputs.secretId) };
        return { ...args.inputs, json: JSON.stringify(args.inputs) };
      },
    },
    PROJECT,
    "stack",
    false,
    "organization",
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: { getName(): string; getType(): string; getParent(): string; getDependenciesList(): string[]; getReplaceWithList?(): string[]; getReplacementTrigger?(): { toJavaScript(): unknown } | undefined }, cb: unknown): unknown;
  };
  const register = monitor.registerResource.bind(monitor);
  const lastName = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
  monitor.registerResource = (req, cb) => {
    const parent = req.getParent();
    const replaceWith = req.getReplaceWithList?.() ?? [];
    const trigger = req.getReplacementTrigger?.()?.toJavaScript();
    requests.set(`${req.getType()}::${req.getName()}`, {
      dependencies: req.getDependenciesList().map(lastName),
      ...(parent && !parent.endsWith("::project-stack") && !/pulumi:pulumi:Stack::/.test(parent) ? { parent: lastName(parent) } : {}),
      ...(replaceWith.length ? { replaceWith: replaceWith.map(lastName) } : {}),
      ...(trigger !== undefined ? { replacementTrigger: trigger } : {}),
    });
    return register(req, cb);
  };
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${PROJECT}:${k}`, v])));
  const cwd = process.cwd();
  process.chdir(options.cwd ?? path.dirname(file));
  try {
    vi.resetModules();
    const module = await load(file);
    for (const [k, v] of Object.entries(module)) exports[k] = await resolve(v);
    // Registrations resolve asynchronously: wait until no more arrive.
    let last = -1;
    let stable = 0;
    while (stable < 5) {
      await new Promise((r) => setTimeout(r, 10));
      if (registered.length === last) stable++;
      else {
        stable = 0;
        last = registered.length;
      }
    }
  } finally {
    process.chdir(cwd);
  }
  return { registered, exports };
}

/**
 * The program's exports: its module's, or (an async entry point, `export = async () => {…}`,
 * which an ES module import does not run) what its function returns once called, as `pulumi up`
 * runs it: the program is compiled to CommonJS as its project compiles it.
 */
async function load(file: string): Promise<Record<string, unknown>> {
  const text = fs.readFileSync(file, "utf8");
  if (!/^export = /m.test(text)) return (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const ts = (await import("typescript")).default;
  const cache = new Map<string, { exports: unknown }>();
  // The program and the components it imports (`./components/vpc`), compiled to CommonJS; packages from node_modules.
  const commonjs = (f: string): unknown => {
    const hit = cache.get(f);
    if (hit) return hit.exports;
    const module = { exports: {} as unknown };
    cache.set(f, module);
    const js = ts.transpileModule(fs.readFileSync(f, "utf8"), { fileName: f, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    const packages = createRequire(f);
    const req = (id: string) => (id.startsWith(".") ? commonjs(path.resolve(path.dirname(f), id.endsWith(".ts") ? id : `${id}.ts`)) : packages(id));
    new Function("require", "module", "exports", "__filename", "__dirname", js)(req, module, module.exports, f, path.dirname(f));
    return module.exports;
  };
  const main = commonjs(file) as () => Promise<Record<string, unknown>>;
  return (await main()) ?? {};
}

export function byName(rs: readonly Registered[]): Map<string, Registered> {
  return new Map(rs.map((r) => [`${r.type}::${r.name}`, r]));
}
