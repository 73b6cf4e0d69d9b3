/**
 * `data "terraform_remote_state"`: another root module's outputs. Once that module is a Pulumi
 * project too (a repository migration converts every root), its outputs are the exports of its
 * stack, read with a stack reference:
 *
 *   const networkStack = config.get("network_stack") ?? `${pulumi.getOrganization()}/network/${pulumi.getStack()}`;
 *   const network = new pulumi.StackReference("network", { name: networkStack });
 *   … network.outputs.privateSubnetIds …
 *
 * The referenced project is guessed from the backend's settings (a local backend's `path`, a
 * remote backend's state `key` or workspace name: the folder or file that names it, `network`
 * for `network/terraform.tfstate`), else the data source's name; the stack is this program's
 * own (a repository migration gives every project the same stack name). The config key lets the
 * team name another. Output names are camelCased as this converter exports them.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Accessor, Expr } from "../../model/expr.js";
import type { Decl, Repeat, ResourceOptions } from "../../model/pulumi.js";
import type { Resource } from "../../model/program.js";
import { camel } from "../../model/names.js";

export const REMOTE_STATE = "terraform_remote_state";

/** A literal string argument of the block, or of one of its object arguments (`config = { key = "…" }`). */
function literal(r: Resource, ...path: string[]): string | undefined {
  const [first, ...rest] = path;
  const a = r.body.find((b) => b.kind === "attribute" && b.name === first);
  let e: Expr | undefined = a?.kind === "attribute" ? a.value : undefined;
  for (const k of rest) e = e?.kind === "object" ? e.entries.find((en) => en.key === k)?.value : undefined;
  return e?.kind === "literal" && typeof e.value === "string" ? e.value : undefined;
}

/** The project a remote state names: the folder of its state file, or the file's stem, or the workspace. */
function projectOf(r: Resource): string {
  const file = literal(r, "config", "path") ?? literal(r, "config", "key") ?? literal(r, "config", "prefix");
  const workspace = literal(r, "config", "workspaces", "name");
  if (file) {
    const parts = file.replace(/\\/g, "/").split("/").filter((p) => p && p !== "." && p !== "..");
    const stem = parts.at(-1)?.replace(/\.tfstate$/, "");
    const dir = parts.at(-2);
    const name = stem && stem !== "terraform" && stem !== "default" ? stem : dir;
    if (name) return name;
  }
  return workspace ?? r.name;
}

export function remoteStateDecls(
  r: Resource,
  ctx: { readonly diags: Diagnostic[]; readonly taken: ReadonlySet<string>; readonly options: ResourceOptions; readonly repeat?: Repeat },
): Decl[] {
  const backend = literal(r, "backend") ?? "a backend";
  const project = projectOf(r);
  let key = `${r.name}_stack`;
  for (let i = 2; ctx.taken.has(key); i++) key = `${r.name}_stack_${i}`;
  const id = `data.${REMOTE_STATE}.${r.name}`;
  const stackId = `${id}.stack`;
  if (r.body.some((b) => b.kind === "attribute" && b.name === "defaults")) {
    ctx.diags.push(diagnostic("PG2010", "warning", `${REMOTE_STATE}.${r.name}: \`defaults\` is not carried over; a stack reference reads only what the other stack exports`, r.loc));
  }
  ctx.diags.push(
    diagnostic("PG2010", "info", `data "${REMOTE_STATE}" "${r.name}" (${backend}) becomes a stack reference to ${project}'s stack: config ${key} names it if the guess is wrong`, r.loc),
  );
  const stackName: Expr = { kind: "template", parts: [{ kind: "call", name: "pulumi.getOrganization", args: [] }, `/${project}/`, { kind: "call", name: "pulumi.getStack", args: [] }] };
  return [
    {
      kind: "config",
      id: stackId,
      sourceName: key,
      key,
      type: { kind: "string" },
      default: stackName,
      secret: false,
      description: `The stack whose outputs data.${REMOTE_STATE}.${r.name} read (org/project/stack): the converted ${project} project's.`,
      loc: r.loc,
      // The block's comments go first, with the first declaration made of it.
      ...(r.comments ? { comments: r.comments } : {}),
    },
    {
      kind: "resource",
      id,
      sourceName: r.name,
      className: "pulumi.StackReference",
      resourceName: r.name,
      args: { kind: "object", entries: [{ key: "name", value: { kind: "ref", target: { kind: "decl", id: stackId }, path: [] } }] },
      options: ctx.options,
      ...(ctx.repeat ? { repeat: ctx.repeat } : {}),
      notes: [`data "${REMOTE_STATE}" "${r.name}" (${backend}): the outputs of another stack, read through a stack reference.`],
      source: { type: REMOTE_STATE, address: `data.${REMOTE_STATE}.${r.name}` },
      loc: r.loc,
    },
  ];
}

/** `outputs.private_subnet_ids` → `outputs.privateSubnetIds`; other attributes are not a stack reference's. */
export function remoteStatePath(path: readonly Accessor[], repeated: boolean): Accessor[] | string {
  const lead: Accessor[] = repeated && path[0]?.kind === "index" ? [path[0]] : [];
  const [first, second, ...rest] = path.slice(lead.length);
  if (first?.kind !== "attr" || first.name !== "outputs") return first?.kind === "attr" ? first.name : "the whole state";
  if (!second) return [...lead, first];
  const name = second.kind === "attr" ? second.name : second.key.kind === "literal" && typeof second.key.value === "string" ? second.key.value : undefined;
  return [...lead, first, name !== undefined ? { kind: "attr", name: camel(name) } : second, ...rest];
}
