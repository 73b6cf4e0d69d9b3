import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { formatLocation, type Location } from "../../model/location.js";
import type { SourceProgram } from "../../model/program.js";

/**
 * A name declared twice in one module (two files of a directory declaring the same resource):
 * Terraform rejects it, so it is an error at the second declaration, naming the first, and the
 * second is left out.
 */
export function withoutDuplicates(program: SourceProgram, diags: Diagnostic[]): SourceProgram {
  const seen = new Map<string, Location>();
  const items = program.items.filter((it) => {
    const key =
      it.kind === "variable" ? `variable "${it.name}"` :
      it.kind === "local" && !it.role ? `local value "${it.name}"` :
      it.kind === "resource" ? `${it.mode === "data" ? "data" : "resource"} "${it.type}" "${it.name}"` :
      it.kind === "output" ? `output "${it.name}"` :
      it.kind === "module" ? `module "${it.name}"` :
      it.kind === "provider" ? `provider "${it.name}"${it.alias ? ` (alias ${it.alias})` : ""}` : undefined;
    if (!key) return true;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, it.loc);
      return true;
    }
    // An ephemeral block is read as the data source of its type and name (ephemeral.T.N as data.T.N): beside a data block of the same, it is one invoke twice.
    const what = it.kind === "resource" && it.ephemeral ? `ephemeral "${it.type}" "${it.name}" (read as data "${it.type}" "${it.name}")` : key;
    diags.push(diagnostic("PG1004", "error", `${what} is declared twice: first at ${formatLocation(first)}; this one is left out`, it.loc));
    return false;
  });
  return items.length === program.items.length ? program : { ...program, items };
}
