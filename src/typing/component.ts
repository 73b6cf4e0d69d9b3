/**
 * The type of a component class generated from a module, as its callers see it: each output a
 * property (a resource as itself, any other value an `Output` of it), each variable an
 * argument whose shape converts what callers pass.
 */
import type { ConfigDecl } from "../model/pulumi.js";
import { memberNames } from "../model/names.js";
import type { Shape } from "../schema/index.js";
import { configBaseType, type TypeTable } from "./infer.js";
import { output, unwrap, type Type } from "./types.js";

/** Whether a value holds resources (which a component exposes as they are, not inside an Output). */
export function holdsResource(t: Type): boolean {
  switch (t.k) {
    case "resource":
    case "component":
      return true;
    case "list":
    case "map":
    case "opt":
    case "output":
      return holdsResource(t.of);
    case "tuple":
      return t.of.some(holdsResource);
    case "object":
      return Object.values(t.fields).some(holdsResource);
    default:
      return false;
  }
}

/** The type of the property an output of type `t` becomes. */
export function componentProperty(t: Type): Type {
  return holdsResource(t) ? t : output(unwrap(t));
}

function shapeOf(t: Type): Shape {
  switch (t.k) {
    case "string":
      return "s";
    case "number":
      return "n";
    case "bool":
      return "b";
    case "list":
      return ["l", shapeOf(t.of)];
    case "map":
      return ["m", shapeOf(t.of)];
    default:
      return "a";
  }
}

/** A module's component type, from its typed declarations. */
export function componentType(types: TypeTable, className: string): Type {
  const decls = [...types.decls.values()];
  const exports = decls.filter((d) => d.kind === "export");
  const props = memberNames(exports.map((d) => d.sourceName));
  const configs = decls.filter((d): d is ConfigDecl => d.kind === "config");
  const args = memberNames(configs.map((d) => d.sourceName));
  return {
    k: "component",
    className,
    outputs: Object.fromEntries(exports.map((d) => [props.get(d.sourceName)!, componentProperty(types.decl(d.id))])),
    inputs: Object.fromEntries(configs.map((d): [string, Shape] => [args.get(d.sourceName)!, shapeOf(configBaseType(d.type))])),
  };
}
