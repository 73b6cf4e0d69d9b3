/**
 * The bulk run's report: `pulumigrate-report.json` for machines (its schema is in the README)
 * and `pulumigrate-report.md` for people (totals, then what needs a person grouped by
 * diagnostic code with links to the file and line, then each project).
 */
import path from "node:path";
import type { Diagnostic, DiagnosticCode, Severity } from "../model/diagnostics.js";
import { DIAGNOSTIC_CODES } from "../model/diagnostics.js";
import type { Discovered } from "./discover.js";
import type { Verification } from "./verify.js";
import type { TaskResult } from "./worker.js";

export type ProjectStatus = "converted" | "kept" | "failed" | "timed out";

export interface ReportLocation {
  /** Relative to the repository. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ProjectReport {
  /** The root module's directory or the template's file, relative to the repository. */
  readonly name: string;
  readonly kind: "terraform" | "cloudformation";
  /** The project folder, relative to the output folder. */
  readonly out: string;
  readonly status: ProjectStatus;
  /** No error diagnostic (and converted). */
  readonly ok: boolean;
  /** Why a project failed or timed out. */
  readonly error?: string;
  /** Every source file read, relative to the repository. */
  readonly sources: readonly string[];
  /** Resource declarations by Pulumi class (a loop counts once). */
  readonly resources: Readonly<Record<string, number>>;
  /** Component classes generated from modules. */
  readonly components: readonly { readonly className: string; readonly file: string; readonly origin: string; readonly kind: string; readonly calls: number }[];
  readonly diagnostics: readonly { readonly code: DiagnosticCode; readonly severity: Severity; readonly message: string; readonly location?: ReportLocation }[];
  /** Diagnostics by code, then severity. */
  readonly byCode: Readonly<Record<string, Partial<Record<Severity, number>>>>;
  /** Placeholders left (`notImplemented(…)`, TODO comments) with their source text. */
  readonly placeholders: readonly { readonly text: string; readonly location?: ReportLocation }[];
  /** Variables whose values were left out as secrets. */
  readonly secrets: readonly string[];
  readonly durationMs: number;
  /** Milliseconds by stage. */
  readonly timings: Readonly<Record<string, number>>;
  /** With a terraform.tfstate beside the root: `import.json` adopts `imported` resources; `skipped` says what it leaves out and why. */
  readonly imports?: { readonly imported: number; readonly skipped: readonly { readonly address: string; readonly reason: string }[] };
  verification?: Verification;
}

export interface BulkReport {
  readonly version: 1;
  readonly repository: string;
  readonly out: string;
  readonly jobs: number;
  readonly durationMs: number;
  /** Peak resident memory of the whole run (all worker threads share the process). */
  readonly peakRssMb: number;
  /** Milliseconds by stage, summed over the projects (worker time, not wall time). */
  readonly stages: Readonly<Record<string, number>>;
  readonly totals: {
    readonly projects: number;
    readonly terraform: number;
    readonly cloudformation: number;
    readonly converted: number;
    readonly kept: number;
    readonly failed: number;
    readonly timedOut: number;
    readonly withErrors: number;
    readonly resources: number;
    readonly resourcesByClass: Readonly<Record<string, number>>;
    readonly placeholders: number;
    /** Resources the projects' import files adopt, and those the states hold that they leave out. */
    readonly imported: number;
    readonly notImported: number;
    readonly verified?: { readonly typecheck: number; readonly runs: number; readonly of: number };
  };
  /** Local modules converted as part of the roots that call them, relative to the repository. */
  readonly modules: readonly string[];
  /** Templates converted as components of the templates whose nested stacks name them. */
  readonly nestedTemplates: readonly string[];
  readonly projects: readonly ProjectReport[];
}

interface ProjectInput {
  readonly name: string;
  readonly kind: "terraform" | "cloudformation";
  readonly source: string;
  readonly out: string;
  readonly repo: string;
  readonly outRoot: string;
  readonly status: ProjectStatus;
  readonly result?: TaskResult;
  readonly error?: string;
}

const posix = (p: string) => p.split(path.sep).join("/");

function located(d: Diagnostic, repo: string): ReportLocation | undefined {
  return d.location ? { file: posix(path.relative(repo, path.resolve(d.location.file))), line: d.location.line, column: d.location.column } : undefined;
}

export function buildProjectReport(p: ProjectInput): ProjectReport {
  const r = p.result;
  const byCode: Record<string, Partial<Record<Severity, number>>> = {};
  for (const d of r?.diagnostics ?? []) {
    const c = (byCode[d.code] ??= {});
    c[d.severity] = (c[d.severity] ?? 0) + 1;
  }
  return {
    name: p.name,
    kind: p.kind,
    out: posix(path.relative(p.outRoot, p.out)) || ".",
    status: p.status,
    ok: p.status === "converted" && (r?.ok ?? false),
    ...(p.error ? { error: p.error } : {}),
    sources: (r?.sources ?? [p.kind === "cloudformation" ? p.source : path.join(p.source, "*.tf")]).map((s) => posix(path.relative(p.repo, s))),
    resources: r?.summary.resources ?? {},
    components: r?.components ?? [],
    diagnostics: (r?.diagnostics ?? []).map((d) => {
      const loc = located(d, p.repo);
      return { code: d.code, severity: d.severity, message: d.message, ...(loc ? { location: loc } : {}) };
    }),
    byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : 1))),
    placeholders: (r?.summary.placeholders ?? []).map((x) => {
      const loc = x.location ? { file: posix(path.relative(p.repo, path.resolve(x.location.file))), line: x.location.line, column: x.location.column } : undefined;
      return { text: x.text, ...(loc ? { location: loc } : {}) };
    }),
    secrets: r?.secrets ?? [],
    durationMs: Math.round(r?.durationMs ?? 0),
    timings: Object.fromEntries(Object.entries(r?.timings ?? {}).map(([k, v]) => [k, Math.round(v)])),
    ...(r?.imports ? { imports: r.imports } : {}),
  };
}

export function buildReport(repo: string, out: string, projects: readonly ProjectReport[], run: { jobs: number; durationMs: number; peakRssMb: number; discovered: Discovered }): BulkReport {
  const byClass: Record<string, number> = {};
  for (const p of projects) for (const [k, v] of Object.entries(p.resources)) byClass[k] = (byClass[k] ?? 0) + v;
  const verified = projects.filter((p) => p.verification);
  return {
    version: 1,
    repository: repo,
    out,
    jobs: run.jobs,
    durationMs: Math.round(run.durationMs),
    peakRssMb: Math.round(run.peakRssMb),
    stages: Object.fromEntries(
      Object.entries(projects.reduce<Record<string, number>>((acc, p) => {
        for (const [k, v] of Object.entries(p.timings)) acc[k] = (acc[k] ?? 0) + v;
        return acc;
      }, {})).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    totals: {
      projects: projects.length,
      terraform: projects.filter((p) => p.kind === "terraform").length,
      cloudformation: projects.filter((p) => p.kind === "cloudformation").length,
      converted: projects.filter((p) => p.status === "converted").length,
      kept: projects.filter((p) => p.status === "kept").length,
      failed: projects.filter((p) => p.status === "failed").length,
      timedOut: projects.filter((p) => p.status === "timed out").length,
      withErrors: projects.filter((p) => p.status !== "kept" && !p.ok).length,
      resources: Object.values(byClass).reduce((a, b) => a + b, 0),
      resourcesByClass: Object.fromEntries(Object.entries(byClass).sort(([a], [b]) => (a < b ? -1 : 1))),
      placeholders: projects.reduce((n, p) => n + p.placeholders.length, 0),
      imported: projects.reduce((n, p) => n + (p.imports?.imported ?? 0), 0),
      notImported: projects.reduce((n, p) => n + (p.imports?.skipped.length ?? 0), 0),
      ...(verified.length
        ? { verified: { typecheck: verified.filter((p) => p.verification!.typecheck === "passed").length, runs: verified.filter((p) => p.verification!.run === "passed").length, of: verified.length } }
        : {}),
    },
    modules: run.discovered.modules,
    nestedTemplates: run.discovered.nestedTemplates,
    projects,
  };
}

const escapeMd = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\n/g, " ");

/** The people's report. Links are relative to the report, which sits in the output folder. */
export function renderMarkdown(report: BulkReport): string {
  const t = report.totals;
  const link = (loc: ReportLocation) => `[${escapeMd(loc.file)}:${loc.line}](${encodeURI(posix(path.relative(report.out, path.join(report.repository, loc.file))))}#L${loc.line})`;
  const lines: string[] = ["# pulumigrate report", ""];
  lines.push("| | |", "|---|---|");
  lines.push(`| projects | ${t.projects} (${t.terraform} Terraform root modules, ${t.cloudformation} CloudFormation templates) |`);
  lines.push(`| converted | ${t.converted} |`, `| kept (already there) | ${t.kept} |`, `| failed | ${t.failed} |`, `| timed out | ${t.timedOut} |`);
  lines.push(`| with errors | ${t.withErrors} |`, `| resources | ${t.resources} |`, `| placeholders left | ${t.placeholders} |`);
  if (t.verified) lines.push(`| type-check | ${t.verified.typecheck}/${t.verified.of} |`, `| run under mocks | ${t.verified.runs}/${t.verified.of} |`);
  if (t.imported || t.notImported) lines.push(`| resources to import (import.json) | ${t.imported} (${t.notImported} in the states left out) |`);
  lines.push(`| local modules converted as components | ${report.modules.length} |`);
  lines.push(`| nested templates converted as components | ${report.nestedTemplates.length} |`, "");

  lines.push("## Needs a person", "");
  const byCode = new Map<string, { project: string; d: ProjectReport["diagnostics"][number] }[]>();
  for (const p of report.projects) for (const d of p.diagnostics) if (d.severity !== "info") byCode.set(d.code, [...(byCode.get(d.code) ?? []), { project: p.name, d }]);
  const failures = report.projects.filter((p) => p.status === "failed" || p.status === "timed out");
  // A program that does not type-check or throws under the mocks needs a person as much as a warning does.
  const unverified = report.projects.filter((p) => p.verification && (p.verification.typecheck === "failed" || p.verification.run === "failed"));
  if (!byCode.size && !failures.length && !t.placeholders && !unverified.length) lines.push("Nothing: every project converted without warnings.", "");
  for (const p of failures) lines.push(`- **${escapeMd(p.name)}** ${p.status}: ${escapeMd(p.error ?? "")}`);
  if (failures.length) lines.push("");
  if (unverified.length) {
    lines.push(`### Verification failed (${unverified.length})`, "");
    for (const p of unverified) {
      const v = p.verification!;
      const why = [v.typecheck === "failed" ? `type-check failed${v.errors?.[0] ? `: ${v.errors[0]}` : ""}` : "", v.run === "failed" ? `run failed${v.error ? `: ${v.error}` : ""}${v.note ? ` (${v.note})` : ""}` : ""].filter(Boolean).join("; ");
      lines.push(`- **${escapeMd(p.name)}**: ${escapeMd(why)}`);
    }
    lines.push("");
  }
  for (const [code, items] of [...byCode].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`### ${code}: ${DIAGNOSTIC_CODES[code as DiagnosticCode] ?? ""} (${items.length})`, "");
    for (const { project, d } of items) lines.push(`- ${d.location ? link(d.location) : escapeMd(project)}: ${d.severity}: ${escapeMd(d.message)}`);
    lines.push("");
  }
  lines.push("## Projects", "");
  for (const p of report.projects) {
    const classes = Object.entries(p.resources);
    lines.push(`### ${escapeMd(p.name)} → ${escapeMd(p.out)}`, "");
    lines.push(`- ${p.kind === "terraform" ? "Terraform root module" : "CloudFormation template"}, ${p.status}${p.status === "converted" ? (p.ok ? ", no errors" : ", with errors") : ""}${p.error ? `: ${escapeMd(p.error)}` : ""}`);
    if (classes.length) lines.push(`- resources: ${classes.map(([k, v]) => `${escapeMd(k)} ×${v}`).join(", ")}`);
    if (p.components.length) lines.push(`- components: ${p.components.map((c) => `${c.className} (${escapeMd(c.origin)}, ${c.kind}, ${c.calls} call${c.calls === 1 ? "" : "s"})`).join(", ")}`);
    if (Object.keys(p.byCode).length) lines.push(`- diagnostics: ${Object.entries(p.byCode).map(([c, s]) => `${c} ${Object.entries(s).map(([k, v]) => `${v} ${k}`).join("/")}`).join(", ")}`);
    for (const x of p.placeholders) lines.push(`- placeholder: \`${x.text.replace(/`/g, "'")}\`${x.location ? ` at ${link(x.location)}` : ""}`);
    if (p.imports) lines.push(`- import.json: ${p.imports.imported} resources${p.imports.skipped.length ? `; left out: ${p.imports.skipped.map((x) => `${escapeMd(x.address)} (${escapeMd(x.reason)})`).join(", ")}` : ""}`);
    if (p.secrets.length) lines.push(`- secrets to set: ${p.secrets.map((s) => `\`pulumi config set --secret ${s}\``).join(", ")}`);
    if (p.verification) lines.push(`- verification: type-check ${p.verification.typecheck}, run ${p.verification.run}${p.verification.registered !== undefined ? ` (${p.verification.registered} resources registered, ${p.verification.declared} declared)` : ""}${p.verification.error ? `: ${escapeMd(p.verification.error)}` : ""}${p.verification.note ? ` (${escapeMd(p.verification.note)})` : ""}`);
    lines.push("");
  }
  return lines.join("\n");
}
