/**
 * Provisioners as `@pulumi/command` commands. A `null_resource` (or `terraform_data`) that runs
 * provisioners is its commands, in order (each after the one before), replaced when its
 * `triggers` (`triggers_replace`) change, the last under its address (`depends_on` on it waits
 * for all); a resource's own provisioners are commands after it, made again when it is replaced
 * (Terraform runs them when it is created), `self` reading that instance. `local-exec` is a
 * `command.local.Command` (`create`, or `delete` for `when = destroy`; `working_dir`,
 * `environment` and `interpreter` as written), `remote-exec` a `command.remote.Command` of its
 * `inline` commands, `file` a `command.remote.CopyToRemote` of its source (a file, a folder, or
 * content), both over the SSH `connection` (the bastion its `proxy`). `self.triggers.<key>`
 * reads that trigger's value; an archive's hash among the triggers is the archive. A
 * `time_sleep` is a `sleep` command (timeSleepDecls).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { transformExpr, type Expr, type ObjectEntry } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Decl, Repeat, ResourceOptions } from "../../model/pulumi.js";
import type { ProvisionerRun, Resource } from "../../model/program.js";
import { ARCHIVE_HASHES, attr } from "./providers.js";

/** Whether the resource is run as commands: a null_resource or terraform_data with local-exec provisioners. */
export function runsCommands(r: Resource): boolean {
  return r.mode === "managed" && (r.type === "null_resource" || r.type === "terraform_data") && (r.meta.provisionerRuns?.length ?? 0) > 0;
}

export interface CommandHelpers {
  readonly value: (e: Expr, loc?: Location) => Expr;
  readonly options: ResourceOptions;
  readonly repeat: Repeat | undefined;
  /** The provisioners of a resource of their own (an instance's local-exec): its declaration, which the commands follow and are replaced with, and what `self` reads. */
  readonly after?: { readonly self: Expr };
}

/** `self.<attr>` → the resource's own instance (`aws_instance.web[count.index].private_ip`). */
function readOwnSelf(e: Expr, self: Expr | undefined): Expr {
  if (!self || self.kind !== "ref") return e;
  return transformExpr(e, (x) => (x.kind === "ref" && x.target.kind === "self" ? { ...self, path: [...self.path, ...x.path] } : x));
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

/** Terraform's connection arguments → @pulumi/command's (the bastion's its `proxy`). */
const CONNECTION: Readonly<Record<string, string>> = { host: "host", user: "user", password: "password", private_key: "privateKey", port: "port", agent_identity: "agentSocketPath" };
const BASTION: Readonly<Record<string, string>> = { bastion_host: "host", bastion_user: "user", bastion_password: "password", bastion_private_key: "privateKey", bastion_port: "port" };

/** A `connection` block as the Command's `connection` (undefined and a warning where it has none or is not SSH). */
function connectionOf(x: ProvisionerRun, id: string, value: (e: Expr) => Expr, diags: Diagnostic[]): Expr | undefined {
  const c = x.connection;
  if (!c) {
    diags.push(diagnostic("PG2011", "warning", `${id}: a ${x.kind} provisioner needs a connection block (the host it runs on); it is left out`, x.loc));
    return undefined;
  }
  const type = c.type;
  if (type && !(type.kind === "literal" && type.value === "ssh")) {
    diags.push(diagnostic("PG2004", "warning", `${id}: a ${x.kind} provisioner over a connection that is not SSH (WinRM) is not converted: @pulumi/command connects over SSH`, x.loc));
    return undefined;
  }
  const own: ObjectEntry[] = [];
  const proxy: ObjectEntry[] = [];
  for (const [k, v] of Object.entries(c)) {
    if (k === "type") continue;
    if (CONNECTION[k]) own.push({ key: CONNECTION[k]!, value: value(v) });
    else if (BASTION[k]) proxy.push({ key: BASTION[k]!, value: value(v) });
    else diags.push(diagnostic("PG2004", "warning", `${id}: connection argument ${k} has no @pulumi/command counterpart; it is left out`, x.loc));
  }
  return { kind: "object", entries: [...own, ...(proxy.length ? [{ key: "proxy", value: { kind: "object" as const, entries: proxy } }] : [])] };
}

/** What one provisioner runs: its Command class and arguments, or undefined (and a warning) where it runs nothing. */
function runOf(x: ProvisionerRun, id: string, value: (e: Expr) => Expr, diags: Diagnostic[]): { className: string; entries: ObjectEntry[] } | undefined {
  const at = x.onDestroy ? "delete" : "create";
  if (x.kind === "local-exec") {
    if (!x.command) {
      diags.push(diagnostic("PG2011", "warning", `${id}: a local-exec provisioner without a command runs nothing; it is left out`, x.loc));
      return undefined;
    }
    return {
      className: "command.local.Command",
      entries: [
        { key: at, value: value(x.command) },
        ...(x.workingDir ? [{ key: "dir", value: value(x.workingDir) }] : []),
        ...(x.environment ? [{ key: "environment", value: value(x.environment) }] : []),
        ...(x.interpreter ? [{ key: "interpreter", value: value(x.interpreter) }] : []),
      ],
    };
  }
  const connection = connectionOf(x, id, value, diags);
  if (!connection) return undefined;
  if (x.kind === "remote-exec") {
    if (!x.inline) return undefined; // A script or scripts only: warned where it is read.
    // The inline commands run in order, as one script.
    return { className: "command.remote.Command", entries: [{ key: "connection", value: connection }, { key: at, value: { kind: "call", name: "join", args: [{ kind: "literal", value: "\n" }, value(x.inline)] } }] };
  }
  if (x.onDestroy) {
    diags.push(diagnostic("PG2004", "warning", `${id}: a file provisioner run when the resource is destroyed is not converted`, x.loc));
    return undefined;
  }
  if (!x.destination || (!x.source && !x.content)) {
    diags.push(diagnostic("PG2011", "warning", `${id}: a file provisioner needs a destination and a source or content; it is left out`, x.loc));
    return undefined;
  }
  // A folder (a source ending in /) is an archive of it, a file an asset, content a string asset.
  const src = x.source ? value(x.source) : undefined;
  const folder = src?.kind === "literal" && typeof src.value === "string" && src.value.endsWith("/");
  const asset: Expr = src ? { kind: "call", name: folder ? "new pulumi.asset.FileArchive" : "new pulumi.asset.FileAsset", args: [src] } : { kind: "call", name: "new pulumi.asset.StringAsset", args: [value(x.content!)] };
  return { className: "command.remote.CopyToRemote", entries: [{ key: "connection", value: connection }, { key: "source", value: asset }, { key: "remotePath", value: value(x.destination) }] };
}

export function commandDecls(r: Resource, h: CommandHelpers, diags: Diagnostic[]): Decl[] {
  const id = `${r.type}.${r.name}`;
  const triggersAttr = attr(r.body, r.type === "null_resource" ? "triggers" : "triggers_replace");
  const triggers = triggersAttr ? h.value(archiveForHash(triggersAttr.value), triggersAttr.loc) : undefined;
  const rawTriggers = triggersAttr?.value;
  const execs = r.meta.provisionerRuns ?? [];
  const decls: Decl[] = [];
  // One instance of a repeated resource (`x[i]`, `x[key]`): what each command of an instance follows.
  const index = r.meta.count ? { kind: "countIndex" as const } : r.meta.forEach ? { kind: "each" as const, which: "key" as const } : undefined;
  const same = index ? h.value({ kind: "ref", target: { kind: "resource", type: r.type, name: r.name }, path: [{ kind: "index", key: { kind: "ref", target: index, path: [] } }] }) : undefined;
  // The provisioners that run something, each with what it runs (the others are warned of and left out).
  const runs = execs.flatMap((x) => {
    if (x.continueOnFailure) diags.push(diagnostic("PG2010", "warning", `${id}: on_failure = continue has no Command counterpart: a failing command fails the update`, x.loc));
    const made = runOf(x, id, (e: Expr) => h.value(readOwnSelf(readSelf(e, rawTriggers), h.after?.self), x.loc), diags);
    return made ? [{ x, made }] : [];
  });
  if (!runs.length) {
    // Nothing runs: a null_resource is then a note (what reads it reads nothing), a resource's own provisioners nothing.
    if (h.after) return [];
    return [{ kind: "comment", id, sourceName: r.name, loc: r.loc, lines: [`TODO(pulumigrate): ${r.type} "${r.name}" runs nothing that converts (see the warnings at its provisioners).`] }];
  }
  runs.forEach(({ x, made }, i) => {
    const last = i === runs.length - 1;
    const entries: ObjectEntry[] = [...made.entries, ...(triggers ? [{ key: "triggers", value: { kind: "list" as const, items: [triggers] } }] : [])];
    // The resource's own instance (`web[i]`) for a resource's provisioners; the command before, of the same instance where it repeats.
    const instance = h.after ? h.value(h.after.self, x.loc) : undefined;
    const ref = (decl: string): Expr => (same?.kind === "ref" ? { ...same, target: { kind: "decl", id: decl } } : { kind: "ref", target: { kind: "decl", id: decl }, path: [] });
    const before = decls.at(-1)?.id;
    const dependsOn = [...(h.options.dependsOn ?? []), ...(before ? [ref(before)] : instance ? [instance] : [])];
    // A resource's own provisioners: commands after it, made again when it is (Terraform runs them when it is created).
    const name = h.after ? (runs.length > 1 ? `${r.name}-exec${i + 1}` : `${r.name}-exec`) : last ? r.name : `${r.name}-step${i + 1}`;
    decls.push({
      kind: "resource",
      id: h.after ? `${id}.exec${i + 1}` : last ? id : `${id}.step${i + 1}`,
      sourceName: h.after ? `${r.name}Exec${runs.length > 1 ? i + 1 : ""}` : last ? r.name : `${r.name}Step${i + 1}`,
      className: made.className,
      resourceName: name,
      args: { kind: "object", entries },
      options: { ...h.options, ...(dependsOn.length ? { dependsOn } : {}), ...(instance ? { replaceWith: [instance] } : {}) },
      ...(h.repeat ? { repeat: h.repeat } : {}),
      ...(last && !h.after ? { source: { type: r.type, address: id } } : {}),
      loc: x.loc,
      ...(i === 0 && r.comments ? { comments: r.comments } : {}),
    });
  });
  const replaced = h.after ? ", after it and made again when it is replaced" : triggersAttr ? `, replaced when its ${triggersAttr.name} change` : "";
  diags.push(diagnostic("PG2010", "info", `${id}: its provisioners run as @pulumi/command commands (${decls.length})${replaced}`, r.loc));
  return decls;
}

/** A Go duration written out (`30s`, `1m30s`, `500ms`) in seconds, or undefined. */
function seconds(e: Expr | undefined): number | undefined {
  if (e?.kind !== "literal" || typeof e.value !== "string" || !/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(e.value)) return undefined;
  const unit: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  return [...e.value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)].reduce((n, m) => n + Number(m[1]) * unit[m[2]!]!, 0);
}

/**
 * A `time_sleep` (the time provider's wait, often for IAM to propagate) as the command Pulumi
 * programs wait with: `sleep <seconds>` when created (`create_duration`) and when deleted
 * (`destroy_duration`), ordered by its `depends_on` like any resource, replaced when its
 * `triggers` change; its `triggers` map is the command's first trigger, so what reads
 * `time_sleep.x.triggers["k"]` reads it after the wait, as Terraform's passes it through.
 */
export function timeSleepDecls(r: Resource, h: CommandHelpers, diags: Diagnostic[]): Decl[] {
  const id = `${r.type}.${r.name}`;
  const entries: ObjectEntry[] = [];
  for (const [name, key] of [["create_duration", "create"], ["destroy_duration", "delete"]] as const) {
    const a = attr(r.body, name);
    if (!a) continue;
    const n = seconds(a.value);
    if (n === undefined) diags.push(diagnostic("PG2006", "warning", `${id}: ${name} is not a duration written out ("30s", "1m30s"), so the wait is left out`, a.loc));
    else entries.push({ key, value: { kind: "literal", value: `sleep ${n}` } });
  }
  const triggers = attr(r.body, "triggers");
  if (triggers) entries.push({ key: "triggers", value: { kind: "list", items: [h.value(triggers.value, triggers.loc)] } });
  for (const b of r.body) if (b.kind !== "attribute" || !["create_duration", "destroy_duration", "triggers"].includes(b.name)) diags.push(diagnostic("PG2003", "warning", `${id}: ${b.kind === "attribute" ? b.name : b.kind} is not converted`, b.loc));
  diags.push(diagnostic("PG2010", "info", `${id}: a wait, as the command \`sleep\` (@pulumi/command; a POSIX shell where the program runs)`, r.loc));
  return [{
    kind: "resource",
    id,
    sourceName: r.name,
    className: "command.local.Command",
    resourceName: r.name,
    args: { kind: "object", entries },
    options: h.options,
    ...(h.repeat ? { repeat: h.repeat } : {}),
    source: { type: r.type, address: id },
    loc: r.loc,
    ...(r.comments ? { comments: r.comments } : {}),
  }];
}

/**
 * An `external` data source as @pulumi/command's `local.run` invoke, run when the program runs
 * (as Terraform runs it when it plans): its `program` the argv (all but the last word the
 * interpreter, the last the command, so no word passes through a shell), its `query` the JSON on
 * standard input, its `working_dir` the folder; `result` reads the JSON the program prints.
 */
export function externalDecl(r: Resource, h: CommandHelpers, diags: Diagnostic[]): Decl {
  const id = `data.${r.type}.${r.name}`;
  const program = attr(r.body, "program");
  const argv = program?.value.kind === "list" ? program.value.items : undefined;
  const comments = r.comments ? { comments: r.comments } : {};
  if (!argv?.length) {
    diags.push(diagnostic("PG2006", "warning", `${id}: program is not a list written out, so what it runs is not known here; it is left as a TODO`, program?.loc ?? r.loc));
    return { kind: "comment", id, sourceName: r.name, loc: r.loc, ...comments, lines: [`TODO(pulumigrate): data "external" "${r.name}" is not converted: its program is not a list written out.`] };
  }
  const words = argv.map((w) => h.value(w, program!.loc));
  const entries: ObjectEntry[] = [
    { key: "interpreter", value: { kind: "list", items: words.length > 1 ? words.slice(0, -1) : [{ kind: "literal", value: "/usr/bin/env" }] } },
    { key: "command", value: words.at(-1)! },
  ];
  const query = attr(r.body, "query");
  if (query) entries.push({ key: "stdin", value: { kind: "call", name: "jsonencode", args: [h.value(query.value, query.loc)] } });
  const dir = attr(r.body, "working_dir");
  if (dir) entries.push({ key: "dir", value: h.value(dir.value, dir.loc) });
  for (const b of r.body) if (b.kind !== "attribute" || !["program", "query", "working_dir"].includes(b.name)) diags.push(diagnostic("PG2003", "warning", `${id}: ${b.kind === "attribute" ? b.name : b.kind} is not converted`, b.loc));
  diags.push(diagnostic("PG2010", "info", `${id}: its program runs when the Pulumi program runs (command.local.run), as Terraform runs it when it plans; result reads the JSON it prints. The files it runs are not copied into a project: put them beside it`, r.loc));
  return { kind: "invoke", id, sourceName: r.name, fn: "command.local.runOutput", args: { kind: "object", entries }, options: h.options, ...(h.repeat ? { repeat: h.repeat } : {}), loc: r.loc, ...comments };
}
