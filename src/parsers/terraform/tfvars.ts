/**
 * Variable definitions files (`terraform.tfvars`, `*.auto.tfvars`, `*.tfvars.json`): each
 * variable's literal value and where it was set. hcl2json parses; the scanner gives positions.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { parseHcl } from "./hcl2json.js";
import type { SourceFile } from "./index.js";
import { ScanError, scanHcl } from "./scanner.js";

export interface TfvarsValue {
  readonly name: string;
  /** A JSON value: string, number, boolean, list, map. */
  readonly value: unknown;
  readonly loc: Location;
}

/** Whether a value hcl2json gave holds an expression (`${…}`), which a definitions file may not. */
function holdsExpression(v: unknown): boolean {
  if (typeof v === "string") return /\$\{/.test(v);
  if (Array.isArray(v)) return v.some(holdsExpression);
  if (v && typeof v === "object") return Object.values(v).some(holdsExpression);
  return false;
}

export async function parseTfvars(f: SourceFile): Promise<{ values: TfvarsValue[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column: number): Location => ({ file: f.path, line, column });
  let json: Record<string, unknown>;
  const lines = new Map<string, { line: number; column: number }>();
  if (f.path.endsWith(".json")) {
    try {
      const parsed: unknown = JSON.parse(f.text);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("the file is not a JSON object");
      json = parsed as Record<string, unknown>;
    } catch (e) {
      diagnostics.push(diagnostic("PG1001", "error", `not a variable definitions file: ${e instanceof Error ? e.message : String(e)}`, at(1, 1)));
      return { values: [], diagnostics };
    }
    f.text.split("\n").forEach((text, i) => {
      for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)) if (!lines.has(m[1]!)) lines.set(m[1]!, { line: i + 1, column: m.index + 1 });
    });
  } else {
    const parsed = await parseHcl(f.path, f.text);
    if (!parsed.ok) {
      for (const e of parsed.errors) diagnostics.push(diagnostic("PG1001", "error", e.message, at(e.line, e.column)));
      return { values: [], diagnostics };
    }
    json = parsed.json;
    try {
      for (const it of scanHcl(f.text).items) if (it.kind === "attribute") lines.set(it.name, { line: it.line, column: it.column });
    } catch (e) {
      if (!(e instanceof ScanError)) throw e;
    }
  }
  const values: TfvarsValue[] = [];
  for (const [name, value] of Object.entries(json)) {
    const pos = lines.get(name) ?? { line: 1, column: 1 };
    if (holdsExpression(value)) {
      diagnostics.push(diagnostic("PG1003", "error", `'${name}': a variable definitions file takes literal values, not expressions`, at(pos.line, pos.column)));
      continue;
    }
    values.push({ name, value, loc: at(pos.line, pos.column) });
  }
  values.sort((a, b) => a.loc.line - b.loc.line);
  return { values, diagnostics };
}
