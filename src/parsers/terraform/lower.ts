/**
 * Lowers a scanned HCL file (order, comments, positions) plus hcl2json's expression trees
 * (values) into the source-neutral model.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Comments, Expr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type {
  Attribute, Block, BodyItem, DynamicBlock, ProvisionerRun, ResourceMeta, SourceItem, Timeouts, Validation,
} from "../../model/program.js";
import type { ScannedAttribute, ScannedBlock, ScannedBody, ScannedItem } from "./scanner.js";
import { leftComments } from "./entry-comments.js";
import { ignoreList } from "./lower-expr.js";
import { variableType } from "./type-constraints.js";

export interface LowerInput {
  readonly file: string;
  readonly tree: ScannedBody;
  readonly values: ReadonlyMap<ScannedAttribute, Expr>;
}

const META_ARGS = new Set(["count", "for_each", "depends_on", "provider"]);

export function lowerFile(input: LowerInput, diags: Diagnostic[]): SourceItem[] {
  const { file, tree, values } = input;
  const loc = (it: { line: number; column: number }): Location => ({ file, line: it.line, column: it.column });
  const comments = (it: ScannedItem): Comments | undefined => {
    if (it.leading.length === 0 && it.trailing === undefined) return undefined;
    return { ...(it.leading.length ? { leading: it.leading } : {}), ...(it.trailing !== undefined ? { trailing: it.trailing } : {}) };
  };
  const valueOf = (a: ScannedAttribute): Expr => values.get(a) ?? { kind: "unsupported", text: "", reason: "value not parsed" };
  const withComments = <T extends object>(obj: T, it: ScannedItem): T => {
    const c = comments(it);
    return c ? { ...obj, comments: c } : obj;
  };
  const innerComments = (b: ScannedBlock): string[] => b.body.dangling.slice();
  /** Every comment of items that are not attributes or blocks of the program (a variable's description, a meta-argument, a lifecycle block), at any depth, in order. */
  const commentsOf = (xs: readonly ScannedItem[]): string[] =>
    xs.flatMap((x) => [
      ...x.leading,
      // A variable's type is not printed as written: every comment inside it stays.
      ...(x.kind === "attribute" ? (x.name === "type" ? (x.inner ?? []).flat() : leftComments(x, valueOf(x))) : [...commentsOf(x.body.items), ...x.body.dangling]),
      ...(x.trailing !== undefined ? [x.trailing] : []),
    ]);
  /** An item with comments added after its own leading ones. */
  const withMore = <T extends object>(obj: T, more: readonly string[]): T => {
    if (!more.length) return obj;
    const c = (obj as { comments?: Comments }).comments;
    return { ...obj, comments: { ...c, leading: [...(c?.leading ?? []), ...more] } };
  };
  /** An attribute with the comments inside its value that no object entry took (above a list's item, among a call's arguments) after its leading ones. */
  const attribute = (it: ScannedAttribute): Attribute => {
    const value = valueOf(it);
    return withMore(withComments<Attribute>({ kind: "attribute", name: it.name, value, loc: loc(it) }, it), leftComments(it, value));
  };

  const body = (b: ScannedBody): BodyItem[] => {
    const out: BodyItem[] = [];
    for (const it of b.items) {
      if (it.kind === "attribute") {
        out.push(attribute(it));
      } else if (it.type === "dynamic" && it.labels.length === 1) {
        out.push(dynamic(it));
      } else {
        out.push(withComments<Block>({ kind: "block", name: it.type, labels: it.labels, body: body(it.body), loc: loc(it) }, it));
      }
    }
    return out;
  };

  const dynamic = (it: ScannedBlock): DynamicBlock => {
    const attr = (n: string) => it.body.items.find((x): x is ScannedAttribute => x.kind === "attribute" && x.name === n);
    const content = it.body.items.find((x): x is ScannedBlock => x.kind === "block" && x.type === "content");
    const forEach = attr("for_each");
    const iter = attr("iterator");
    const iterExpr = iter ? valueOf(iter) : undefined;
    const iterator = iterExpr?.kind === "ref" && iterExpr.target.kind === "scope" ? iterExpr.target.name : it.labels[0]!;
    if (!forEach || !content) {
      diags.push(diagnostic("PG2004", "warning", `dynamic "${it.labels[0]}" needs for_each and a content block`, loc(it)));
    }
    // The comments of for_each, iterator and the content block's own lines go above the block.
    const own = it.body.items.filter((x) => x !== content);
    const more = [...commentsOf(own), ...(content ? [...content.leading, ...content.body.dangling, ...(content.trailing !== undefined ? [content.trailing] : [])] : []), ...it.body.dangling];
    return withMore(withComments<DynamicBlock>({
      kind: "dynamic",
      name: it.labels[0]!,
      forEach: forEach ? valueOf(forEach) : { kind: "list", items: [] },
      iterator,
      content: content ? body(content.body) : [],
      loc: loc(it),
    }, it), more);
  };

  const literalString = (a: ScannedAttribute | undefined): string | undefined => {
    if (!a) return undefined;
    const v = valueOf(a);
    return v.kind === "literal" && typeof v.value === "string" ? v.value : undefined;
  };
  const literalBool = (a: ScannedAttribute | undefined): boolean | undefined => {
    if (!a) return undefined;
    const v = valueOf(a);
    return v.kind === "literal" && typeof v.value === "boolean" ? v.value : undefined;
  };
  const attrOf = (b: ScannedBlock, n: string) =>
    b.body.items.find((x): x is ScannedAttribute => x.kind === "attribute" && x.name === n);

  const items: SourceItem[] = [];
  // A check block's scoped data sources (AWS ones) are read as data sources of the module, before the check.
  const scoped = (it: ScannedItem): ScannedItem[] =>
    it.kind === "block" && it.type === "check" && checkConverts(it) ? [...it.body.items.filter((x) => x.kind === "block" && x.type === "data"), it] : [it];
  for (const it of tree.items.flatMap(scoped)) {
    if (it.kind === "attribute") {
      diags.push(diagnostic("PG1003", "error", `unexpected top-level attribute '${it.name}'`, loc(it)));
      continue;
    }
    const label = (i: number) => it.labels[i] ?? "";
    switch (it.type) {
      case "variable": {
        const typeAttr = attrOf(it, "type");
        const def = attrOf(it, "default");
        const description = literalString(attrOf(it, "description"));
        const type = typeAttr ? variableType(valueOf(typeAttr)) : undefined;
        const validations: Validation[] = [];
        for (const inner of it.body.items) {
          if (inner.kind !== "block" || inner.type !== "validation") continue;
          const [condition, message] = [attrOf(inner, "condition"), attrOf(inner, "error_message")];
          if (condition && message) validations.push({ condition: valueOf(condition), message: valueOf(message), loc: loc(inner) });
          else diags.push(diagnostic("PG1003", "error", `variable "${label(0)}": a validation block needs a condition and an error_message`, loc(inner)));
        }
        items.push(withMore(withComments({
          kind: "variable" as const,
          name: label(0),
          ...(type ? { type } : {}),
          ...(def ? { default: valueOf(def) } : {}),
          ...(description !== undefined ? { description } : {}),
          sensitive: literalBool(attrOf(it, "sensitive")) ?? false,
          ...(validations.length ? { validations } : {}),
          loc: loc(it),
        }, it), [...commentsOf(it.body.items), ...it.body.dangling]));
        break;
      }
      case "locals": {
        let first = true;
        for (const a of it.body.items) {
          if (a.kind !== "attribute") continue;
          const c = comments(a);
          const lead = first ? [...it.leading, ...(c?.leading ?? [])] : c?.leading ?? [];
          first = false;
          const merged: Comments | undefined = lead.length || c?.trailing !== undefined
            ? { ...(lead.length ? { leading: lead } : {}), ...(c?.trailing !== undefined ? { trailing: c.trailing } : {}) }
            : undefined;
          items.push(withMore({ kind: "local", name: a.name, value: valueOf(a), loc: loc(a), ...(merged ? { comments: merged } : {}) }, leftComments(a, valueOf(a))));
        }
        break;
      }
      case "resource":
      case "data":
      case "ephemeral": {
        const { meta, rest, metaComments } = resourceMeta(it);
        items.push(withMore(withComments({
          kind: "resource" as const,
          mode: it.type === "resource" ? ("managed" as const) : ("data" as const),
          ...(it.type === "ephemeral" ? { ephemeral: true } : {}),
          type: label(0),
          name: label(1),
          body: body({ items: rest, dangling: [] }),
          meta,
          loc: loc(it),
        }, it), metaComments));
        if (it.body.dangling.length) {
          items.push({ kind: "note", text: innerComments(it).join("\n"), loc: loc(it) });
        }
        break;
      }
      case "output": {
        const value = attrOf(it, "value");
        const description = literalString(attrOf(it, "description"));
        items.push(withMore(withComments({
          kind: "output" as const,
          name: label(0),
          value: value ? valueOf(value) : { kind: "unsupported" as const, text: "", reason: "output without a value" },
          ...(description !== undefined ? { description } : {}),
          sensitive: literalBool(attrOf(it, "sensitive")) ?? false,
          loc: loc(it),
          ...(value ? { valueLoc: loc(value) } : {}),
        }, it), [...commentsOf(it.body.items), ...it.body.dangling]));
        break;
      }
      case "provider": {
        const alias = literalString(attrOf(it, "alias"));
        const rest = it.body.items.filter((x) => !(x.kind === "attribute" && x.name === "alias"));
        items.push(withMore(withComments({
          kind: "provider" as const,
          name: label(0),
          ...(alias !== undefined ? { alias } : {}),
          body: body({ items: rest, dangling: [] }),
          loc: loc(it),
        }, it), [...commentsOf(it.body.items.filter((x) => !rest.includes(x))), ...it.body.dangling]));
        break;
      }
      case "terraform":
        items.push(withComments({ kind: "note" as const, text: [terraformNote(it), ...commentsOf(it.body.items), ...it.body.dangling].join("\n"), loc: loc(it) }, it));
        diags.push(diagnostic("PG2010", "info", "the terraform {} block has no Pulumi equivalent: provider versions belong in package.json", loc(it)));
        break;
      case "module": {
        const { meta, rest, metaComments } = resourceMeta(it);
        const source = literalString(attrOf(it, "source"));
        const version = literalString(attrOf(it, "version"));
        const providers = attrOf(it, "providers");
        if (source === undefined) diags.push(diagnostic("PG1003", "error", `module "${label(0)}" needs a literal source`, loc(it)));
        const args: Attribute[] = [];
        const more = [...metaComments];
        for (const x of rest) {
          if (x.kind === "attribute" && ["source", "version", "providers"].includes(x.name)) {
            more.push(...commentsOf([x]));
            continue;
          }
          if (x.kind === "attribute") args.push(attribute(x));
          else diags.push(diagnostic("PG1003", "error", `module "${label(0)}": a module call takes arguments, not '${x.type}' blocks`, loc(x)));
        }
        items.push(withMore(withComments({
          kind: "module" as const,
          name: label(0),
          source: source ?? "",
          ...(version !== undefined ? { version } : {}),
          args,
          meta,
          ...(providers ? { providers: valueOf(providers) } : {}),
          loc: loc(it),
        }, it), [...more, ...it.body.dangling]));
        break;
      }
      case "import": {
        const [to, id, forEach] = ["to", "id", "for_each"].map((n) => attrOf(it, n));
        items.push(withMore(withComments({
          kind: "import" as const,
          ...(to ? { to: valueOf(to) } : {}),
          ...(id ? { id: valueOf(id) } : {}),
          ...(forEach ? { forEach: valueOf(forEach) } : {}),
          loc: loc(it),
        }, it), [...commentsOf(it.body.items), ...it.body.dangling]));
        break;
      }
      case "moved": {
        const [from, to] = ["from", "to"].map((n) => attrOf(it, n));
        items.push(withMore(withComments({ kind: "moved" as const, ...(from ? { from: valueOf(from) } : {}), ...(to ? { to: valueOf(to) } : {}), loc: loc(it) }, it), [...commentsOf(it.body.items), ...it.body.dangling]));
        break;
      }
      case "removed": {
        const from = attrOf(it, "from");
        const lifecycle = it.body.items.find((x): x is ScannedBlock => x.kind === "block" && x.type === "lifecycle");
        const destroy = (lifecycle && literalBool(attrOf(lifecycle, "destroy"))) ?? true;
        items.push(withMore(withComments({ kind: "removed" as const, ...(from ? { from: valueOf(from) } : {}), destroy, loc: loc(it) }, it), [...commentsOf(it.body.items), ...it.body.dangling]));
        break;
      }
      case "check":
        if (checkConverts(it)) {
          const asserts = it.body.items.flatMap((a) => (a.kind === "block" && a.type === "assert" && attrOf(a, "condition") && attrOf(a, "error_message") ? [{ condition: valueOf(attrOf(a, "condition")!), message: valueOf(attrOf(a, "error_message")!), loc: loc(a) }] : []));
          const data = it.body.items.flatMap((x) => (x.kind === "block" && x.type === "data" ? [`data.${x.labels[0]}.${x.labels[1]}`] : []));
          items.push(withMore(withComments({ kind: "check" as const, name: label(0), asserts, data, loc: loc(it) }, it), it.body.dangling));
          break;
        }
        for (const x of it.body.items) {
          if (x.kind === "block" && x.type === "data" && !x.labels[0]?.startsWith("aws_")) diags.push(diagnostic("PG2004", "warning", `check "${label(0)}": its data source "${x.labels[0]}" is not an AWS one, so the check is not converted`, loc(x)));
          else if (x.kind === "block" && x.type === "assert") {
            if (!attrOf(x, "condition") || !attrOf(x, "error_message")) diags.push(diagnostic("PG1003", "error", `check "${label(0)}": an assert block needs a condition and an error_message`, loc(x)));
          }
          else if (x.kind !== "block" || x.type !== "data") diags.push(diagnostic("PG1003", "error", `check "${label(0)}": a check holds assert blocks and data sources only, not ${x.kind === "block" ? `a ${x.type} block` : `the attribute ${x.name}`}`, loc(x)));
        }
        items.push(withComments({ kind: "note" as const, text: `TODO(pulumigrate): 'check' block "${label(0)}" is not converted.`, loc: loc(it) }, it));
        break;
      default:
        items.push(withComments({ kind: "note" as const, text: `TODO(pulumigrate): '${it.type}' block ${it.labels.map((l) => `"${l}"`).join(" ")} is not converted.`, loc: loc(it) }, it));
        diags.push(diagnostic("PG2004", "warning", `'${it.type}' blocks are not converted`, loc(it)));
    }
  }
  return items;

  /** Whether a check block converts: asserts, each with its condition and message, and scoped data sources of AWS types only. */
  function checkConverts(it: ScannedBlock): boolean {
    return it.body.items.every((x) => x.kind === "block" && ((x.type === "data" && x.labels[0]?.startsWith("aws_")) || (x.type === "assert" && attrOf(x, "condition") && attrOf(x, "error_message"))));
  }

  /** A resource's or module call's meta-arguments, the rest of its body, and the comments of the meta-arguments (kept with the resource). */
  function resourceMeta(it: ScannedBlock): { meta: ResourceMeta; rest: ScannedItem[]; metaComments: string[] } {
    const rest: ScannedItem[] = [];
    let count: Expr | undefined;
    let forEach: Expr | undefined;
    let provider: Expr | undefined;
    let dependsOn: Expr[] = [];
    let protect: boolean | undefined;
    let ignoreChanges: string[] | undefined;
    let createBeforeDestroy: boolean | undefined;
    let replaceTriggeredBy: Expr[] | undefined;
    let provisioners = false;
    const provisionerRuns: ProvisionerRun[] = [];
    let connection: Record<string, Expr> | undefined;
    const connectionOf = (b: ScannedBlock): Record<string, Expr> => Object.fromEntries(b.body.items.filter((i): i is ScannedAttribute => i.kind === "attribute").map((i) => [i.name, valueOf(i)]));
    const preconditions: Validation[] = [];
    const timeouts: { -readonly [K in keyof Timeouts]: string } = {};
    for (const x of it.body.items) {
      if (x.kind === "attribute" && META_ARGS.has(x.name)) {
        const v = valueOf(x);
        if (x.name === "count") count = v;
        else if (x.name === "for_each") forEach = v;
        else if (x.name === "provider") provider = v;
        else dependsOn = v.kind === "list" ? [...v.items] : [v];
      } else if (x.kind === "block" && x.type === "lifecycle") {
        for (const l of x.body.items) {
          if (l.kind !== "attribute") {
            const [condition, message] = [attrOf(l, "condition"), attrOf(l, "error_message")];
            if (l.type === "precondition" && condition && message) preconditions.push({ condition: valueOf(condition), message: valueOf(message), loc: loc(l) });
            else diags.push(diagnostic("PG2004", "warning", `lifecycle block '${l.type}' is not converted${l.type === "postcondition" ? " (it reads the resource's own attributes after it is created)" : ""}`, loc(l)));
            continue;
          }
          const v = valueOf(l);
          if (l.name === "prevent_destroy" && v.kind === "literal") protect = v.value === true;
          else if (l.name === "create_before_destroy" && v.kind === "literal") createBeforeDestroy = v.value === true;
          else if (l.name === "ignore_changes") ignoreChanges = ignoreList(v);
          else if (l.name === "replace_triggered_by") replaceTriggeredBy = v.kind === "list" ? [...v.items] : [v];
          else diags.push(diagnostic("PG2004", "warning", `lifecycle argument '${l.name}' is not converted`, loc(l)));
        }
      } else if (x.kind === "block" && x.type === "timeouts" && it.type !== "module") {
        // Pulumi's customTimeouts take the operations a resource has, as the same Go durations; an invoke takes none.
        for (const t of x.body.items) {
          const v = t.kind === "attribute" ? valueOf(t) : undefined;
          if (it.type === "resource" && t.kind === "attribute" && (t.name === "create" || t.name === "update" || t.name === "delete") && v?.kind === "literal" && typeof v.value === "string") timeouts[t.name] = v.value;
          else diags.push(diagnostic("PG2004", "warning", it.type !== "resource" ? `timeouts: a data source's read is an invoke, which takes no time limit; left out` : `timeouts ${t.kind === "attribute" ? t.name : t.type} is not converted (customTimeouts take create, update and delete, each a duration written out, "30m")`, loc(t)));
        }
      } else if (x.kind === "block" && x.type === "connection") {
        provisioners = true;
        connection = connectionOf(x);
      } else if (x.kind === "block" && x.type === "provisioner" && (x.labels[0] === "local-exec" || x.labels[0] === "remote-exec" || x.labels[0] === "file")) {
        provisioners = true;
        const a = (n: string) => attrOf(x, n);
        const word = (n: string) => {
          const v = a(n) ? valueOf(a(n)!) : undefined;
          return v?.kind === "ref" && v.target.kind === "scope" ? v.target.name : v?.kind === "literal" ? String(v.value) : undefined;
        };
        const own = x.body.items.find((b): b is ScannedBlock => b.kind === "block" && b.type === "connection");
        for (const n of ["script", "scripts"]) if (a(n)) diags.push(diagnostic("PG2004", "warning", `remote-exec ${n} is not converted (its files are uploaded and run): write their commands inline, or copy them with a file provisioner`, loc(a(n)!)));
        provisionerRuns.push({
          kind: x.labels[0] as ProvisionerRun["kind"],
          ...(own ? { connection: connectionOf(own) } : {}),
          ...(a("inline") ? { inline: valueOf(a("inline")!) } : {}),
          ...(a("source") ? { source: valueOf(a("source")!) } : {}),
          ...(a("content") ? { content: valueOf(a("content")!) } : {}),
          ...(a("destination") ? { destination: valueOf(a("destination")!) } : {}),
          ...(a("command") ? { command: valueOf(a("command")!) } : {}),
          onDestroy: word("when") === "destroy",
          ...(a("working_dir") ? { workingDir: valueOf(a("working_dir")!) } : {}),
          ...(a("environment") ? { environment: valueOf(a("environment")!) } : {}),
          ...(a("interpreter") ? { interpreter: valueOf(a("interpreter")!) } : {}),
          continueOnFailure: word("on_failure") === "continue",
          loc: loc(x),
        });
      } else if (x.kind === "block" && x.type === "provisioner") {
        provisioners = true;
        diags.push(diagnostic("PG2004", "warning", `provisioner "${x.labels[0] ?? ""}" is not converted: use @pulumi/command for provisioning`, loc(x)));
      } else rest.push(x);
    }
    return {
      meta: {
        dependsOn,
        ...(count ? { count } : {}),
        ...(forEach ? { forEach } : {}),
        ...(provider ? { provider } : {}),
        ...(protect !== undefined ? { protect } : {}),
        ...(ignoreChanges ? { ignoreChanges } : {}),
        ...(createBeforeDestroy !== undefined ? { createBeforeDestroy } : {}),
        ...(replaceTriggeredBy ? { replaceTriggeredBy } : {}),
        ...(provisioners ? { provisioners } : {}),
        ...(provisionerRuns.length ? { provisionerRuns: provisionerRuns.map((p) => (p.connection || !connection ? p : { ...p, connection })) } : {}),
        ...(preconditions.length ? { preconditions } : {}),
        ...(Object.keys(timeouts).length ? { timeouts } : {}),
      },
      rest,
      metaComments: commentsOf(it.body.items.filter((x) => !rest.includes(x))),
    };
  }
}

function terraformNote(b: ScannedBlock): string {
  const parts: string[] = ["Terraform settings (terraform {}) are not needed in Pulumi."];
  for (const it of b.body.items) {
    if (it.kind === "block" && it.type === "required_providers") parts.push("Provider versions are pinned in package.json instead.");
    if (it.kind === "block" && it.type === "backend") parts.push(`The "${it.labels[0] ?? ""}" backend becomes a Pulumi state backend (pulumi login).`);
  }
  return parts.join(" ");
}
