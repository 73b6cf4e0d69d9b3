/**
 * Attribute names read through values whose type is a resource or a schema object, wherever
 * they are read: through a local (`local.methods[each.key].resource_id`), a `for` variable
 * (`[for x in aws_instance.a : x.private_ip]`), a splat, a `lookup`. References straight to a
 * resource are mapped when they are resolved (references.ts); these need the types the typing
 * pass gives, so they run on the program the mapper built.
 */
import { lit, type Accessor, type Expr } from "../../model/expr.js";
import { mapRepeat, type Decl } from "../../model/pulumi.js";
import { NO_SCOPE, TypeTable, type Scope } from "../../typing/infer.js";
import { attribute, element, required, schemaOf, schemaProps, unwrap, type Type } from "../../typing/types.js";
import { literalKey } from "../../typing/infer.js";
import { camel } from "../../model/names.js";
import { mapProperty } from "../properties.js";
import type { ModuleInterface } from "./modules.js";
import type { Props } from "../../schema/index.js";

/** The Pulumi properties a value of type `t` has, where its type says, and its Terraform type. */
function propsOf(t: Type): { props: Props; tfType?: string } | undefined {
  const u = required(unwrap(t));
  const props = u.k === "resource" ? schemaOf(u.pkg).resources[u.key]?.outputs : u.k === "schema" ? schemaProps(u) : undefined;
  if (!props) return undefined;
  return u.k === "resource" && u.sourceType ? { props, tfType: u.sourceType } : { props };
}

/** The modules' interfaces by component class: a Terraform output's property (`resource_ids` → `resourceIds`). */
export type ComponentOutputs = ReadonlyMap<string, ModuleInterface>;

/** The property a module output read through a value of the component's type is (`each.value.resource_ids`). */
function componentOutput(t: Type, name: string, components: ComponentOutputs): string | undefined {
  const u = required(unwrap(t));
  if (u.k !== "component") return undefined;
  const iface = components.get(u.className);
  return iface?.outputs.get(name) ?? (iface?.placeholder ? camel(name) : undefined);
}

function mapAccessors(start: Type, path: readonly Accessor[], components: ComponentOutputs): Accessor[] | undefined {
  let t = start;
  let changed = false;
  const out = path.map((a) => {
    if (a.kind === "index") {
      t = element(t, literalKey(a.key));
      return a;
    }
    const of = propsOf(t);
    const name = of && !(a.name in of.props) && a.name !== "id" && a.name !== "urn" ? mapProperty(a.name, of.props, of.tfType) : componentOutput(t, a.name, components);
    t = attribute(t, name ?? a.name);
    if (name && name !== a.name) {
      changed = true;
      return { ...a, name };
    }
    return a;
  });
  return changed ? out : undefined;
}

/** Maps the attribute names of every path read through a typed value in the declarations. */
export function mapTypedPaths(decls: readonly Decl[], components: ComponentOutputs = new Map()): Decl[] {
  const types = new TypeTable(decls);
  const visit = (e: Expr, scope: Scope): Expr => {
    switch (e.kind) {
      case "ref": {
        if (e.path.length === 0) return e;
        const head: Type | undefined =
          e.target.kind === "decl" ? types.decl(e.target.id) : e.target.kind === "scope" ? scope.get(e.target.name) : e.target.kind === "each" ? scope.get(`each.${e.target.which}`) : undefined;
        const path = e.path.map((a) => (a.kind === "index" ? { ...a, key: visit(a.key, scope) } : a));
        const mapped = head ? mapAccessors(head, path, components) : undefined;
        return mapped || path.some((a, i) => a !== e.path[i]) ? { ...e, path: mapped ?? path } : e;
      }
      case "splat": {
        const source = visit(e.source, scope);
        const t = types.type(e.source, scope);
        const u = required(unwrap(t));
        const mapped = mapAccessors(u.k === "list" ? u.of : u, e.each, components);
        return source !== e.source || mapped ? { ...e, source, each: mapped ?? e.each } : e;
      }
      case "for": {
        const collection = visit(e.collection, scope);
        const inner = types.forScope(e, scope);
        const value = visit(e.value, inner);
        const key = e.key ? visit(e.key, inner) : undefined;
        const condition = e.condition ? visit(e.condition, inner) : undefined;
        if (collection === e.collection && value === e.value && key === e.key && condition === e.condition) return e;
        return { ...e, collection, value, ...(key ? { key } : {}), ...(condition ? { condition } : {}) };
      }
      case "list": {
        const items = e.items.map((x) => visit(x, scope));
        return items.some((x, i) => x !== e.items[i]) ? { ...e, items } : e;
      }
      case "object": {
        const entries = e.entries.map((en) => {
          const value = visit(en.value, scope);
          const key = typeof en.key === "string" ? en.key : visit(en.key, scope);
          return value === en.value && key === en.key ? en : { ...en, key, value };
        });
        return entries.some((x, i) => x !== e.entries[i]) ? { ...e, entries } : e;
      }
      case "template": {
        const parts = e.parts.map((p) => (typeof p === "string" ? p : visit(p, scope)));
        return parts.some((x, i) => x !== e.parts[i]) ? { ...e, parts } : e;
      }
      case "call": {
        const args = e.args.map((x) => visit(x, scope));
        return args.some((x, i) => x !== e.args[i]) ? { ...e, args } : e;
      }
      case "conditional": {
        const [condition, whenTrue, whenFalse] = [visit(e.condition, scope), visit(e.whenTrue, scope), visit(e.whenFalse, scope)];
        return condition === e.condition && whenTrue === e.whenTrue && whenFalse === e.whenFalse ? e : { ...e, condition, whenTrue, whenFalse };
      }
      case "binary": {
        const [left, right] = [visit(e.left, scope), visit(e.right, scope)];
        return left === e.left && right === e.right ? e : { ...e, left, right };
      }
      case "unary": {
        const operand = visit(e.operand, scope);
        return operand === e.operand ? e : { ...e, operand };
      }
      case "index": {
        const collection = visit(e.collection, scope);
        let key = visit(e.key, scope);
        // An attribute read on a value that is not a reference (`[for o in x : o if …][0].resource_record_name`).
        if (key.kind === "literal" && typeof key.value === "string") {
          const [mapped] = mapAccessors(types.type(e.collection, scope), [{ kind: "attr", name: key.value }], components) ?? [];
          if (mapped?.kind === "attr") key = lit(mapped.name);
        }
        return collection === e.collection && key === e.key ? e : { ...e, collection, key };
      }
      default:
        return e;
    }
  };
  return decls.map((d): Decl => {
    switch (d.kind) {
      case "const":
      case "export":
        return { ...d, value: visit(d.value, NO_SCOPE) };
      case "resource":
      case "invoke": {
        const scope = types.repeatScope(d.repeat);
        // The repetition too (`for_each = { for dvo in aws_acm_certificate.c.domain_validation_options : dvo.domain_name => … }`).
        const repeat = mapRepeat(d.repeat, (e) => visit(e, NO_SCOPE));
        return { ...d, args: visit(d.args, scope), ...(repeat ? { repeat } : {}) } as Decl;
      }
      default:
        return d;
    }
  });
}
