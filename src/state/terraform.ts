/**
 * Terraform state, as `terraform state pull` prints it (format version 4) or as
 * `terraform show -json` prints it: every resource instance with its module path, its
 * index key, its provider alias and its attributes, and where it is in the file.
 */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Location } from "../model/location.js";

export interface ModuleStep {
  readonly name: string;
  /** The instance of a module with `count` or `for_each`. */
  readonly key?: string | number;
}

export interface StateInstance {
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly module: readonly ModuleStep[];
  readonly key?: string | number;
  /** The provider alias (`aws.west` → `west`), when not the default provider. */
  readonly providerAlias?: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly loc: Location;
}

/** `module.a[0].module.b["k"]` → steps. */
export function moduleSteps(address: string): ModuleStep[] {
  const out: ModuleStep[] = [];
  for (const m of address.matchAll(/module\.([\w-]+)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?/g)) {
    const key = m[2] === undefined ? undefined : m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : Number(m[2]);
    out.push({ name: m[1]!, ...(key !== undefined ? { key } : {}) });
  }
  return out;
}

/** The line of the first `"name": "<name>"` after `"type": "<type>"` (where a person finds the resource in the file). */
function lineOf(text: string, type: string, name: string): number {
  const t = text.indexOf(`"type": "${type}"`);
  const n = text.indexOf(`"name": "${name}"`, Math.max(0, t));
  const at = n >= 0 ? n : t;
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}

export function readTerraformState(file: { path: string; text: string }): { instances: StateInstance[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(file.text) as Record<string, unknown>;
  } catch (e) {
    diagnostics.push(diagnostic("PG1001", "error", `not a Terraform state file: ${(e as Error).message}`, { file: file.path, line: 1, column: 1 }));
    return { instances: [], diagnostics };
  }
  const loc = (type: string, name: string): Location => ({ file: file.path, line: lineOf(file.text, type, name), column: 1 });
  const instances: StateInstance[] = [];
  if (Array.isArray(doc.resources)) {
    if (doc.version !== 4) diagnostics.push(diagnostic("PG1003", "warning", `state format version ${String(doc.version)}: read as version 4`, { file: file.path, line: 1, column: 1 }));
    for (const r of doc.resources as Record<string, unknown>[]) {
      const type = String(r.type ?? "");
      const name = String(r.name ?? "");
      const alias = /\]\.([\w-]+)$/.exec(String(r.provider ?? ""))?.[1];
      for (const i of (r.instances ?? []) as Record<string, unknown>[]) {
        instances.push({
          mode: r.mode === "data" ? "data" : "managed",
          type,
          name,
          module: moduleSteps(String(r.module ?? "")),
          ...(i.index_key !== undefined ? { key: i.index_key as string | number } : {}),
          ...(alias ? { providerAlias: alias } : {}),
          attributes: (i.attributes ?? {}) as Record<string, unknown>,
          loc: loc(type, name),
        });
      }
    }
    return { instances, diagnostics };
  }
  // `terraform show -json`: values.root_module, child_modules nested.
  const values = (doc.values as { root_module?: unknown } | undefined)?.root_module as Record<string, unknown> | undefined;
  if (!values) {
    diagnostics.push(diagnostic("PG1003", "error", "neither a state file (resources) nor `terraform show -json` output (values.root_module)", { file: file.path, line: 1, column: 1 }));
    return { instances, diagnostics };
  }
  const walk = (m: Record<string, unknown>) => {
    for (const r of (m.resources ?? []) as Record<string, unknown>[]) {
      const type = String(r.type ?? "");
      const name = String(r.name ?? "");
      const address = String(r.address ?? "");
      instances.push({
        mode: r.mode === "data" ? "data" : "managed",
        type,
        name,
        module: moduleSteps(address.slice(0, Math.max(0, address.lastIndexOf(`${r.mode === "data" ? "data." : ""}${type}.`) - 1))),
        ...(r.index !== undefined ? { key: r.index as string | number } : {}),
        attributes: (r.values ?? {}) as Record<string, unknown>,
        loc: loc(type, name),
      });
    }
    for (const c of (m.child_modules ?? []) as Record<string, unknown>[]) walk(c);
  };
  walk(values);
  return { instances, diagnostics };
}
