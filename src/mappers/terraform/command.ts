/**
 * A `null_resource` (or `terraform_data`) that runs `local-exec` provisioners: each provisioner
 * an `@pulumi/command` `command.local.Command`, in order (each after the one before), the
 * command in `create` (`delete` for a `when = destroy` one), `working_dir` its `dir`, and
 * `environment` and `interpreter` as written. A change of the resource's `triggers` (a
 * `terraform_data`'s `triggers_replace`) replaces them, as it replaces the resource in Terraform.
 * `self.triggers.<key>` in a command reads that trigger's value. The last command is the
 * resource (`depends_on = [null_resource.x]` waits for all of them).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { transformExpr, type Expr, type ObjectEntry } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Decl, Repeat, ResourceOptions } from "../../model/pulumi.js";
import type { Attribute, LocalExec, Resource } from "../../model/program.js";
import { ARCHIVE_HASHES } from "./providers.js";

/** Whether the resource is run as commands: a null_resource or terraform_data with local-exec provisioners. */
export function runsCommands(r: Resource): boolean {
  return r.mode === "managed" && (r.type === "null_resource" || r.type === "terraform_data") && (r.meta.localExecs?.length ?? 0) > 0;
}

export interface CommandHelpers {
  readonly value: (e: Expr, loc?: Location) => Expr;
  readonly options: ResourceOptions;
  readonly repeat: Repeat | undefined;
}

/** `self.triggers.k` / `self.triggers["k"]` → the trigger's own value, where the triggers are written out. */
function readSelf(e: Expr, triggers: Expr | undefined): Expr {
  if (triggers?.kind !== "object") return e;
  return transformExpr(e, (x) => {
    if (x.kind !== "ref" || x.target.kind !== "self" || x.path.length !== 2) return x;
    const [first, second] = x.path;
    if (first?.kind !== "attr" || first.name !== "triggers" || !second) return x;
    const key = second.kind === "attr" ? second.name : second.key.kind === "literal" ? String(second.key.value) : undefined;
    return triggers.entries.find((en) => en.key === key)?.value ?? x;
  });
}

/**
 * An archive's hash in the triggers (`data.archive_file.x.output_sha`, `filemd5(…output_path)`) →
 * the archive itself: Pulumi hashes an archive among a command's triggers, and a change of its
 * files replaces the commands as the hash's change did.
 */
function archiveForHash(e: Expr): Expr {
  const archive = (x: Expr, attrs: readonly string[]): Expr | undefined =>
    x.kind === "ref" && x.target.kind === "data" && x.target.type === "archive_file" && x.path.length === 1 && x.path[0]?.kind === "attr" && attrs.includes(x.path[0].name) ? { ...x, path: [] } : undefined;
  return transformExpr(e, (x) => archive(x, ARCHIVE_HASHES) ?? (x.kind === "call" && /^file(base64)?(sha|md5)/.test(x.name) && x.args.length === 1 ? (archive(x.args[0]!, ["output_path"]) ?? x) : x));
}

export function commandDecls(r: Resource, h: CommandHelpers, diags: Diagnostic[]): Decl[] {
  const id = `${r.type}.${r.name}`;
  const attr = (name: string) => r.body.find((b): b is Attribute => b.kind === "attribute" && b.name === name);
  const triggersAttr = attr(r.type === "null_resource" ? "triggers" : "triggers_replace");
  const triggers = triggersAttr ? h.value(archiveForHash(triggersAttr.value), triggersAttr.loc) : undefined;
  const rawTriggers = triggersAttr?.value;
  const execs = r.meta.localExecs ?? [];
  const decls: Decl[] = [];
  execs.forEach((x: LocalExec, i) => {
    const last = i === execs.length - 1;
    if (!x.command) {
      diags.push(diagnostic("PG2011", "warning", `${id}: a local-exec provisioner without a command runs nothing; it is left out`, x.loc));
      return;
    }
    if (x.continueOnFailure) diags.push(diagnostic("PG2010", "warning", `${id}: on_failure = continue has no Command counterpart: a failing command fails the update`, x.loc));
    const run = h.value(readSelf(x.command, rawTriggers), x.loc);
    const entries: ObjectEntry[] = [
      { key: x.onDestroy ? "delete" : "create", value: run },
      ...(x.workingDir ? [{ key: "dir", value: h.value(x.workingDir, x.loc) }] : []),
      ...(x.environment ? [{ key: "environment", value: h.value(readSelf(x.environment, rawTriggers), x.loc) }] : []),
      ...(x.interpreter ? [{ key: "interpreter", value: h.value(x.interpreter, x.loc) }] : []),
      ...(triggers ? [{ key: "triggers", value: { kind: "list" as const, items: [triggers] } }] : []),
    ];
    const before = decls.at(-1);
    const dependsOn = [...(h.options.dependsOn ?? []), ...(before ? [{ kind: "ref" as const, target: { kind: "decl" as const, id: before.id }, path: [] }] : [])];
    decls.push({
      kind: "resource",
      id: last ? id : `${id}.step${i + 1}`,
      sourceName: last ? r.name : `${r.name}Step${i + 1}`,
      className: "command.local.Command",
      resourceName: last ? r.name : `${r.name}-step${i + 1}`,
      args: { kind: "object", entries },
      options: { ...h.options, ...(dependsOn.length ? { dependsOn } : {}) },
      ...(h.repeat ? { repeat: h.repeat } : {}),
      ...(last ? { source: { type: r.type, address: id } } : {}),
      loc: x.loc,
      ...(i === 0 && r.comments ? { comments: r.comments } : {}),
    });
  });
  const replaced = triggersAttr ? `, replaced when its ${triggersAttr.name} change` : "";
  diags.push(diagnostic("PG2010", "info", `${id}: its local-exec provisioners run as @pulumi/command local commands (${decls.length})${replaced}`, r.loc));
  return decls;
}
