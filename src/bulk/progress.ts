/**
 * Progress of a bulk run: on a terminal one live line (done/total, what is converting,
 * elapsed, ETA) redrawn in place, with a line kept above it for each project that needs a
 * look; elsewhere (a pipe, a CI log) one plain line per finished project. Then a summary table.
 */
import type { ProgressEvent } from "./index.js";
import type { BulkReport, ProjectReport } from "./report.js";

export interface Output {
  write(text: string): unknown;
}

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

function outcome(p: ProjectReport): string {
  if (p.status === "kept") return "kept (already converted)";
  if (p.status === "failed" || p.status === "timed out") return `${p.status}: ${p.error ?? ""}`;
  const errors = p.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = p.diagnostics.filter((d) => d.severity === "warning").length;
  const counts = [errors ? `${errors} error${errors === 1 ? "" : "s"}` : "", warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : ""].filter(Boolean).join(", ");
  return `converted${counts ? ` (${counts})` : ""}`;
}

export function progressPrinter(out: Output, tty: boolean, now: () => number = () => performance.now()): (e: ProgressEvent) => void {
  const start = now();
  let total = 0;
  let done = 0;
  const running = new Set<string>();
  let lastDraw = 0;
  const line = () => {
    const elapsed = now() - start;
    const eta = done > 0 && done < total ? ` ETA ${seconds((elapsed / done) * (total - done))}` : "";
    const current = [...running][0];
    const pct = total ? Math.floor((done / total) * 100) : 100;
    return `[${done}/${total}] ${pct}% ${seconds(elapsed)}${eta}${current ? `  ${current}${running.size > 1 ? ` (+${running.size - 1})` : ""}` : ""}`;
  };
  const draw = (force = false) => {
    if (!tty) return;
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    const width = (process.stdout.columns ?? 100) - 1;
    out.write(`\r\x1b[2K${line().slice(0, width)}`);
  };
  return (e) => {
    switch (e.kind) {
      case "start":
        total = e.total;
        draw(true);
        break;
      case "started":
        running.add(e.name);
        draw();
        break;
      case "finished": {
        running.delete(e.project.name);
        done = e.done;
        const text = `[${e.done}/${e.total}] ${e.project.name}: ${outcome(e.project)}${e.project.durationMs ? ` in ${seconds(e.project.durationMs)}` : ""}`;
        if (!tty) out.write(text + "\n");
        else {
          // Projects that need a look stay above the live line.
          if (!e.project.ok && e.project.status !== "kept") out.write(`\r\x1b[2K${text}\n`);
          draw(true);
        }
        break;
      }
      case "verifying":
        if (tty) out.write(`\r\x1b[2K`);
        out.write(`verifying ${e.total} project${e.total === 1 ? "" : "s"} (type-check, then a run under mocks each)\n`);
        break;
    }
    if (tty && e.kind === "finished" && e.done === e.total) out.write("\r\x1b[2K");
  };
}

/** The table printed at the end of a bulk run. */
export function summaryTable(report: BulkReport): string {
  const t = report.totals;
  const rows: [string, string][] = [
    ["projects", `${t.projects} (${t.terraform} Terraform, ${t.cloudformation} CloudFormation)`],
    ["converted", String(t.converted)],
    ["kept", String(t.kept)],
    ["with errors", String(t.withErrors)],
    ["failed / timed out", `${t.failed} / ${t.timedOut}`],
    ["resources", String(t.resources)],
    ["placeholders left", String(t.placeholders)],
  ];
  if (t.imported || t.notImported) rows.push(["to import", `${t.imported} (${t.notImported} left out)`]);
  if (t.verified) rows.push(["type-check", `${t.verified.typecheck}/${t.verified.of}`], ["run under mocks", `${t.verified.runs}/${t.verified.of}`]);
  rows.push(["time", `${seconds(report.durationMs)} on ${report.jobs} worker${report.jobs === 1 ? "" : "s"}, peak ${report.peakRssMb} MB`]);
  const top = Object.entries(t.resourcesByClass).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8);
  const width = Math.max(...rows.map(([k]) => k.length), ...top.map(([k]) => k.length + 2));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  if (top.length) lines.push("resources by kind:", ...top.map(([k, v]) => `  ${k.padEnd(width - 2)}  ${v}`));
  lines.push(`report: ${report.out}/pulumigrate-report.md (and .json)`);
  return lines.join("\n") + "\n";
}
