/**
 * Golden fixtures: `tests/fixtures/<case>/` holds the input (`*.tf`) and `expected/index.ts`
 * plus `expected/diagnostics.json`. `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`
 * rewrites the expected files from the converter's output (review the diff before committing).
 */
import fs from "node:fs";
import path from "node:path";
import { convert, type ConvertResult } from "../../src/index.js";

export const ROOT = path.resolve(__dirname, "..", "..");
/** The command as installed: the package's `bin` (the launcher the build makes, dist/cli.cjs). */
export const CLI = path.join(ROOT, (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> }).bin.pulumigrate!);
export const FIXTURES = path.join(ROOT, "tests", "fixtures");
export const SHARED = path.resolve(ROOT, "..", "shared");

export interface Fixture {
  readonly name: string;
  readonly dir: string;
  readonly inputs: string[];
}

export function fixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(FIXTURES, name);
      const inputs = fs.readdirSync(dir).filter((f) => /\.(tf|ya?ml|json)$/.test(f)).sort();
      return { name, dir, inputs };
    });
}

/** Converts a folder's inputs with paths relative to the folder, as a user in it would. */
export async function convertDir(dir: string, inputs: readonly string[]): Promise<ConvertResult> {
  // The files a template names (AWS::Include snippets) are read from the fixture's folder, as from the user's.
  const read = (p: string): string | undefined => (fs.existsSync(path.join(dir, p)) ? fs.readFileSync(path.join(dir, p), "utf8") : undefined);
  return convert(inputs.map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), "utf8") })), { read });
}

export function walk(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out.sort();
}

/** Project fixtures: `tests/projects/<case>/input/` (a root module and what it calls) → `expected/` (the whole project folder plus `diagnostics.json`). */
export const PROJECTS = path.join(ROOT, "tests", "projects");

export function projectFixtures(): { name: string; dir: string; input: string; expected: string }[] {
  return fs
    .readdirSync(PROJECTS)
    .filter((d) => fs.statSync(path.join(PROJECTS, d)).isDirectory())
    .sort()
    .map((name) => ({ name, dir: path.join(PROJECTS, name), input: path.join(PROJECTS, name, "input"), expected: path.join(PROJECTS, name, "expected") }));
}

/** The files of a folder, relative paths → their bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  return new Map(walk(dir, () => true).map((f) => [path.relative(dir, f).split(path.sep).join("/"), fs.readFileSync(f)]));
}

/** The root modules of the Terraform corpus's module repositories, each converted as one project. */
export const MODULE_ROOTS: readonly string[] = [
  "TonatiuhChong__api-gateway-example",
  "laura-caroline__api-gateway-terraform/environments/prod",
  "epomatti__aws-apigw-sqs/infra",
  "infrablocks__terraform-aws-api-gateway/examples/full",
  "FullStackWithLawrence__aws-openai/api/terraform",
  "philopian__terraform-aws-api-gateway-with-auth/terraform",
  "mtranter__terraform-api-gateway-cors/module",
];
