/**
 * The files that make a folder a Pulumi project: `Pulumi.yaml`, `package.json` (asking for the
 * package versions the schema was generated from), `tsconfig.json`, and `Pulumi.<stack>.yaml`
 * with the root module's variable values. Values of secrets are written nowhere.
 */
import yaml from "js-yaml";
import { awsSchema, commandSchema, nativeSchema, randomSchema, tlsSchema } from "../schema/index.js";
import type { ConfigDecl } from "../model/pulumi.js";
import { UsageError, type OutputFile } from "./disk.js";

/**
 * Versions the generated package.json asks for. The provider packages follow the schema the
 * program was checked against (an older 7.x may lack properties it uses); the SDK is the one
 * the tests run converted programs on (`pulumi.deferredOutput` needs a recent 3.x).
 */
export function packageVersions(): Readonly<Record<string, string>> {
  return {
    "@pulumi/pulumi": "^3.248.0",
    "@pulumi/aws": `^${awsSchema().package}`,
    "@pulumi/aws-native": `^${nativeSchema().package}`,
    "@pulumi/random": `^${randomSchema().package}`,
    "@pulumi/command": `^${commandSchema().package}`,
    "@pulumi/tls": `^${tlsSchema().package}`,
    "js-yaml": "^4.1.0",
    "@types/js-yaml": "^4.0.9",
    "@types/node": "^20.0.0",
    typescript: "^5.0.0",
  };
}

/** A project name Pulumi accepts, from a folder name. */
export function projectName(base: string): string {
  return base.replace(/[^A-Za-z0-9_.-]/g, "-").replace(/^[-.]+/, "") || "converted";
}

/**
 * A stack name as Pulumi takes it (letters, digits, hyphens, underscores, periods): it names
 * `Pulumi.<stack>.yaml` and goes into every URN of the import file, so `--stack ../x` or
 * `--stack org/dev` is refused rather than written as a path.
 */
export function checkStackName(stack: string): string {
  if (/^[A-Za-z0-9_.-]+$/.test(stack) && /[A-Za-z0-9]/.test(stack)) return stack;
  throw new UsageError(`--stack ${JSON.stringify(stack)}: a stack name is letters, digits, '-', '_' and '.' (the stack of Pulumi.<stack>.yaml; an organization is chosen with pulumi stack select)`);
}

export function pulumiYaml(name: string, description = "Converted by pulumigrate"): string {
  return yaml.dump({ name, runtime: { name: "nodejs", options: { typescript: true } }, description }, { lineWidth: -1 });
}

export function packageJson(name: string, packages: readonly string[]): string {
  const versions = packageVersions();
  const runtime = packages.filter((p) => !p.startsWith("@types/")).sort();
  const dev = ["@types/node", "typescript", ...(packages.includes("js-yaml") ? ["@types/js-yaml"] : [])].sort();
  return (
    JSON.stringify(
      {
        name: name.toLowerCase(),
        main: "index.ts",
        devDependencies: Object.fromEntries(dev.map((p) => [p, versions[p]!])),
        dependencies: Object.fromEntries(runtime.map((p) => [p, versions[p] ?? "latest"])),
      },
      null,
      2,
    ) + "\n"
  );
}

export function tsconfigJson(): string {
  const compilerOptions = {
    strict: true,
    outDir: "bin",
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    sourceMap: true,
    experimentalDecorators: true,
    forceConsistentCasingInFileNames: true,
    skipLibCheck: true,
  };
  return JSON.stringify({ compilerOptions, files: ["index.ts"] }, null, 2) + "\n";
}

/** A value set for a root variable, from a definitions file (already parsed). */
export interface VariableValue {
  readonly name: string;
  readonly value: unknown;
}

export interface StackConfig {
  /** `Pulumi.<stack>.yaml`, or undefined when there is nothing to set. */
  readonly text?: string;
  /** Variables whose values were left out because they are secrets: set them with `pulumi config set --secret`. */
  readonly secrets: readonly string[];
}

/**
 * `Pulumi.<stack>.yaml`: each variable value under the project's namespace (scalars as
 * strings, as `pulumi config set` writes them; lists and maps as structured values, which
 * `config.getObject` reads), the default provider's settings under `aws:`. Secrets are left out.
 */
export function stackConfig(project: string, variables: readonly ConfigDecl[], values: readonly VariableValue[], provider: Readonly<Record<string, string>>): StackConfig {
  const config: Record<string, unknown> = {};
  const secrets: string[] = [];
  for (const [k, v] of Object.entries(provider).sort()) config[`aws:${k}`] = v;
  for (const { name, value } of values) {
    const decl = variables.find((d) => d.key === name);
    if (!decl) continue;
    if (decl.secret) {
      if (!secrets.includes(name)) secrets.push(name);
      delete config[`${project}:${name}`];
      continue;
    }
    config[`${project}:${name}`] = value !== null && typeof value === "object" ? value : String(value);
  }
  const text = Object.keys(config).length ? yaml.dump({ config }, { lineWidth: -1, sortKeys: false }) : undefined;
  return { ...(text ? { text } : {}), secrets };
}

/** A project around one program (a single file or a CloudFormation template): its files, paths relative to its folder. */
export function programProject(name: string, code: string, packages: readonly string[]): OutputFile[] {
  const project = projectName(name);
  return [
    { path: "Pulumi.yaml", content: pulumiYaml(project) },
    { path: "package.json", content: packageJson(project, packages) },
    { path: "tsconfig.json", content: tsconfigJson() },
    { path: "index.ts", content: code },
  ];
}
