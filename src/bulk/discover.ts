/**
 * What a repository holds to convert: every Terraform root module (a directory of `.tf`
 * files that no other module in the tree calls as a local `source`) and every CloudFormation
 * template, told by its content. `.git`, `node_modules` and `.terraform` are not walked (the
 * last is read as a module cache when a root is converted); `--include`/`--exclude` globs
 * narrow the walk.
 */
import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { isLocalSource } from "../tree/sources.js";
import { scanHcl } from "../parsers/terraform/scanner.js";
import { isLocalTemplateUrl } from "../mappers/cloudformation/nested.js";

export interface Discovered {
  /** Root modules: directories relative to the repository (`.` for the repository itself), in path order. */
  readonly roots: readonly string[];
  /** Templates: files relative to the repository, in path order. */
  readonly templates: readonly string[];
  /** Directories of `.tf` files that other modules call: converted as part of each root. */
  readonly modules: readonly string[];
  /** Templates that other templates' nested stacks name by a local path: converted as components of each. */
  readonly nestedTemplates: readonly string[];
  /** What each root module's directory held when it was walked (every name, in order), so that its conversion need not list it again. */
  readonly listings: ReadonlyMap<string, readonly string[]>;
}

export interface DiscoverOptions {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Absolute directories not to walk (the output folder when it is inside the repository). */
  readonly skip?: readonly string[];
}

const SKIPPED_DIRS = new Set([".git", "node_modules", ".terraform"]);
/** Files that are never templates, whatever they hold (code and prose can quote one). */
const NOT_TEMPLATES = /\.(tf|tfvars|tfstate|tfplan|hcl|md|markdown|rst|txt|py|js|mjs|cjs|ts|tsx|go|java|rb|sh|bash|ps1|cs|kt|rs|php|html|css|lock|zip|gz|tgz|png|jpg|gif|svg|pdf)$/i;
const MAX_TEMPLATE_BYTES = 16 * 1024 * 1024;

/** A CloudFormation template, told by content: YAML or JSON with `AWSTemplateFormatVersion`, or `Resources` of `Type: AWS::…`. */
export function looksLikeTemplate(text: string): boolean {
  if (text.includes("\0")) return false;
  if (/^\s*\{/.test(text)) return /"AWSTemplateFormatVersion"\s*:/.test(text) || (/"Resources"\s*:/.test(text) && /"Type"\s*:\s*"AWS::/.test(text));
  return /^AWSTemplateFormatVersion\s*:/m.test(text) || (/^Resources\s*:/m.test(text) && /^\s+Type\s*:\s*['"]?AWS::/m.test(text));
}

/** The local module sources a directory's `.tf` files call (`module "x" { source = "./y" }`), resolved. */
function localCalls(dir: string, files: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, f), "utf8");
    } catch {
      continue;
    }
    if (!/\bmodule\s/.test(text)) continue;
    try {
      for (const it of scanHcl(text).items) {
        if (it.kind !== "block" || it.type !== "module") continue;
        const source = it.body.items.find((a) => a.kind === "attribute" && a.name === "source");
        if (source?.kind !== "attribute") continue;
        const m = /^"([^"$%\\]*)"$/.exec(text.slice(source.valueStart, source.valueEnd).trim());
        if (m && isLocalSource(m[1]!)) out.push(path.resolve(dir, m[1]!));
      }
    } catch {
      // A file the scanner cannot read is reported when its root converts.
    }
  }
  return out;
}

/**
 * The local templates a template's nested stacks name (`TemplateURL: ./network.yaml`, or in
 * JSON `"TemplateURL": "network.yaml"`), resolved: read from the text as written, before any
 * parse, so that a template that is someone's nested stack is not a project of its own. A
 * `TemplateURL` computed by an intrinsic is not followed (it converts as its own project).
 */
function nestedTemplateUrls(dir: string, text: string): string[] {
  const stacks = text.includes("AWS::CloudFormation::Stack");
  // A SAM application's Location (the transform makes it a nested stack's TemplateURL).
  const apps = text.includes("AWS::Serverless::Application");
  if (!stacks && !apps) return [];
  const out: string[] = [];
  const key = stacks && apps ? "TemplateURL|Location" : stacks ? "TemplateURL" : "Location";
  const written = new RegExp(`["']?(?:${key})["']?[ \t]*:[ \t]*(?:"([^"\n]+)"|'([^'\n]+)'|([^\\s"'{}[\\],#!][^\\s"'{}[\\],#]*))`, "g");
  for (const m of text.matchAll(written)) {
    const url = (m[1] ?? m[2] ?? m[3])!.trim();
    if (isLocalTemplateUrl(url)) out.push(path.resolve(dir, url));
  }
  return out;
}

/** Whether `p` leads to something that is there and is no file (a folder, a FIFO): a dangling link is not. */
function isOtherThanFile(p: string): boolean {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  return st !== undefined && !st.isFile();
}

export function discover(repo: string, options: DiscoverOptions = {}): Discovered {
  const root = path.resolve(repo);
  const include = options.include?.length ? picomatch([...options.include], { dot: true }) : undefined;
  const exclude = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : undefined;
  const skip = new Set((options.skip ?? []).map((d) => path.resolve(d)));
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/") || ".";
  const tfDirs = new Map<string, string[]>();
  const names = new Map<string, string[]>();
  const templates: string[] = [];
  const nested = new Set<string>();

  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const tf: string[] = [];
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || skip.has(p) || exclude?.(rel(p))) continue;
        walk(p);
      } else if (e.isFile() || (e.isSymbolicLink() && e.name.endsWith(".tf") && !isOtherThanFile(p))) {
        // A .tf file linked in (`providers.tf -> ../../shared/providers.tf`) is part of the module, as
        // Terraform reads it (a dangling link too: its root then fails, naming it); a template is taken
        // only where it is itself (a link to one would make a second project of it).
        if (e.name.endsWith(".tf")) tf.push(e.name);
        else if (!NOT_TEMPLATES.test(e.name) && !exclude?.(rel(p)) && (!include || include(rel(p)))) {
          let size = 0;
          try {
            size = fs.statSync(p).size;
          } catch {
            continue;
          }
          if (size > MAX_TEMPLATE_BYTES) continue;
          const text = fs.readFileSync(p, "utf8");
          if (looksLikeTemplate(text)) {
            templates.push(rel(p));
            for (const t of nestedTemplateUrls(dir, text)) if (t !== p) nested.add(t);
          }
        }
      }
    }
    if (tf.length) {
      tfDirs.set(dir, tf);
      names.set(dir, entries.map((e) => e.name));
    }
  };
  walk(root);

  const called = new Set<string>();
  for (const [dir, files] of tfDirs) for (const target of localCalls(dir, files)) if (target !== dir && tfDirs.has(target)) called.add(target);
  const roots = [...tfDirs.keys()].filter((d) => !called.has(d)).map(rel).filter((d) => !include || include(d) || include(`${d}/`));
  const listings = new Map(roots.map((r) => [r, names.get(path.join(root, r))!] as const));
  // A template another one nests is converted with it (tree/templates.ts), not on its own.
  const nestedTemplates = templates.filter((t) => nested.has(path.join(root, t)));
  return { roots: roots.sort(), templates: templates.filter((t) => !nested.has(path.join(root, t))).sort(), modules: [...called].map(rel).sort(), nestedTemplates: nestedTemplates.sort(), listings };
}
