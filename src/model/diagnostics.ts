import type { Location } from "./location.js";
import { formatLocation } from "./location.js";

export type Severity = "error" | "warning" | "info";

/**
 * The catalog of diagnostic kinds. Every diagnostic the converter reports has one of
 * these codes; the code is stable and documented, the message is built per occurrence.
 */
export const DIAGNOSTIC_CODES = {
  PG1001: "syntax error in the input",
  PG1002: "cannot read input",
  PG1003: "input structure not understood",
  PG1004: "declared twice",
  PG1005: "input is not UTF-8 text",
  PG2001: "unknown resource type",
  PG2002: "unknown data source",
  PG2003: "unknown attribute",
  PG2004: "unsupported block or meta-argument",
  PG2005: "unsupported function",
  PG2006: "unsupported expression",
  PG2007: "module not converted (no local or downloaded source)",
  PG2008: "reference to something not declared",
  PG2009: "dependency cycle",
  PG2010: "note about a construct with no direct Pulumi equivalent",
  PG2011: "missing required argument",
  PG2012: "converted through @pulumi/aws-native (no curated classic mapping)",
  PG2013: "value converted to the argument's type, as Terraform converts it",
  PG2014: "credentials in the input are left out",
  PG3001: "integration type not allowed",
  PG3002: "integration requires a field",
  PG3003: "value out of range",
  PG3004: "value not allowed",
  PG4001: "existing resource not imported",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: Location;
}

export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  location?: Location,
): Diagnostic {
  return location ? { code, severity, message, location } : { code, severity, message };
}

/** `file:line:col: severity: message [code]`, the one human format. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  return `${where}${d.severity}: ${d.message} [${d.code}]`;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Diagnostics in file, line and column order (those without a location keep their place among themselves). */
export function sortDiagnostics(d: readonly Diagnostic[]): Diagnostic[] {
  return d
    .map((x, i) => ({ x, i }))
    .sort((a, b) => {
      const la = a.x.location;
      const lb = b.x.location;
      if (la && lb) return la.file.localeCompare(lb.file) || la.line - lb.line || la.column - lb.column || a.i - b.i;
      return a.i - b.i;
    })
    .map((p) => p.x);
}
