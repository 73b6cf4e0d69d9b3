/**
 * The type algebra of the typing pass: what a value is (string, list of numbers, a resource of
 * some class, an object of a schema type…) and whether it is a Pulumi `Output`. Output-ness is
 * part of the type (`output(string)` is `Output<string>`), so a list literal holding outputs is
 * `list(output(string))`: an Input tree, not an Output itself.
 */
import type { VariableType } from "../model/program.js";
import { awsSchema, commandSchema, nativeSchema, randomSchema, tlsSchema, type AwsSchema, type Props, type Shape } from "../schema/index.js";

export type Pkg = "aws" | "aws-native" | "random" | "command" | "tls";

export type Type =
  | { readonly k: "string" }
  | { readonly k: "number" }
  | { readonly k: "bool" }
  /** `null` / `undefined`: a value that is absent. */
  | { readonly k: "null" }
  /** Not known: a value from outside the converted files, or typed `any` on purpose. */
  | { readonly k: "any" }
  /** A list; `set` when Terraform treats it as a set (sorted, no duplicates). */
  | { readonly k: "list"; readonly of: Type; readonly set?: boolean }
  | { readonly k: "tuple"; readonly of: readonly Type[] }
  | { readonly k: "map"; readonly of: Type }
  /** An object with known attributes. */
  | { readonly k: "object"; readonly fields: Readonly<Record<string, Type>> }
  /** A nested object type of a package schema (`apigateway.StageAccessLogSettings`). */
  | { readonly k: "schema"; readonly pkg: Pkg; readonly name: string; readonly io: "in" | "out" }
  /** An instance of a resource class (`apigateway.RestApi`); its properties are outputs. */
  | { readonly k: "resource"; readonly pkg: Pkg; readonly key: string; readonly className: string; readonly sourceType?: string }
  /** A Pulumi component resource generated from a module (its outputs are properties). */
  | {
      readonly k: "component";
      readonly className: string;
      readonly outputs: Readonly<Record<string, Type>>;
      /** Its arguments' shapes, so that values passed to it are converted as Terraform converts them. */
      readonly inputs?: Props;
    }
  | { readonly k: "asset" }
  | { readonly k: "output"; readonly of: Type }
  /** `T | undefined`: a conditional resource, a config value without default. */
  | { readonly k: "opt"; readonly of: Type };

export const STRING: Type = { k: "string" };
export const NUMBER: Type = { k: "number" };
export const BOOL: Type = { k: "bool" };
export const NULL: Type = { k: "null" };
export const ANY: Type = { k: "any" };
export const ASSET: Type = { k: "asset" };

export const list = (of: Type, set = false): Type => (set ? { k: "list", of, set } : { k: "list", of });
export const map = (of: Type): Type => ({ k: "map", of });
export const opt = (of: Type): Type => (of.k === "opt" || of.k === "any" || of.k === "null" ? of : { k: "opt", of });

/** `Output<t>`; an output of an output is one output. */
export function output(of: Type): Type {
  return of.k === "output" ? of : { k: "output", of };
}

export function schemaOf(pkg: Pkg): AwsSchema {
  return pkg === "aws" ? awsSchema() : pkg === "aws-native" ? nativeSchema() : pkg === "command" ? commandSchema() : pkg === "tls" ? tlsSchema() : randomSchema();
}

/** The type of a schema property shape; outputs of a resource are wrapped by the caller. */
export function fromShape(shape: Shape | undefined, pkg: Pkg, io: "in" | "out"): Type {
  if (shape === undefined) return ANY;
  if (typeof shape === "string") {
    switch (shape) {
      case "s":
        return STRING;
      case "n":
        return NUMBER;
      case "b":
        return BOOL;
      case "a":
        return ANY;
      default:
        return ASSET;
    }
  }
  switch (shape[0]) {
    case "l":
      return list(fromShape(shape[1] as Shape, pkg, io));
    case "m":
      return map(fromShape(shape[1] as Shape, pkg, io));
    case "o":
      return { k: "schema", pkg, name: shape[1] as string, io };
    case "r":
      return STRING;
    default:
      return ANY;
  }
}

/** The properties of a nested schema type. */
export function schemaProps(t: Extract<Type, { k: "schema" }>): Props | undefined {
  const s = schemaOf(t.pkg);
  const table = t.io === "in" ? s.inputTypes : s.outputTypes;
  return table[t.name] ?? table[`${t.name}Args`] ?? (t.io === "out" ? s.inputTypes[t.name] : undefined);
}

/**
 * The type a variable's value has. `given`: as a caller may give it, before the type's defaults
 * apply (an `optional(T, default)` attribute may be left out); otherwise as the program reads it
 * (such an attribute is always there).
 */
export function fromVariableType(v: VariableType, given = false): Type {
  const of = (t: VariableType) => fromVariableType(t, given);
  switch (v.kind) {
    case "string":
      return STRING;
    case "number":
      return NUMBER;
    case "bool":
      return BOOL;
    case "any":
      return ANY;
    case "list":
      return list(of(v.element), v.set === true);
    case "map":
      return map(of(v.element));
    case "tuple":
      return { k: "tuple", of: v.elements.map(of) };
    case "object":
      return { k: "object", fields: Object.fromEntries(v.fields.map((f) => [f.name, f.optional && (given || !f.default) ? opt(of(f.type)) : of(f.type)])) };
  }
}

/** The type without any Output in it: what `pulumi.output(x)` resolves to. */
export function unwrap(t: Type): Type {
  switch (t.k) {
    case "output":
      return unwrap(t.of);
    case "opt":
      return opt(unwrap(t.of));
    case "list":
      return hasOutput(t.of) ? list(unwrap(t.of), t.set === true) : t;
    case "map":
      return hasOutput(t.of) ? map(unwrap(t.of)) : t;
    case "tuple":
      return t.of.some(hasOutput) ? { k: "tuple", of: t.of.map(unwrap) } : t;
    case "object":
      return Object.values(t.fields).some(hasOutput) ? { k: "object", fields: Object.fromEntries(Object.entries(t.fields).map(([k, v]) => [k, unwrap(v)])) } : t;
    default:
      return t;
  }
}

/** Whether a value of this type is, or holds, an Output (a resource holds outputs but is not one). */
export function hasOutput(t: Type): boolean {
  switch (t.k) {
    case "output":
      return true;
    case "opt":
      return hasOutput(t.of);
    case "list":
    case "map":
      return hasOutput(t.of);
    case "tuple":
      return t.of.some(hasOutput);
    case "object":
      return Object.values(t.fields).some(hasOutput);
    default:
      return false;
  }
}

export function isOutputType(t: Type): boolean {
  return t.k === "output" || (t.k === "opt" && isOutputType(t.of));
}

/** Strips `| undefined`. */
export function required(t: Type): Type {
  return t.k === "opt" ? t.of : t;
}

/** The type of `.name` on a value of type `t`. */
export function attribute(t: Type, name: string): Type {
  switch (t.k) {
    case "output":
      return output(unwrapOut(attribute(t.of, name)));
    case "opt":
      return attribute(t.of, name);
    case "object":
      return t.fields[name] ?? ANY;
    case "map":
      return t.of;
    case "schema": {
      const props = schemaProps(t);
      return props ? fromShape(props[name], t.pkg, t.io) : ANY;
    }
    case "resource": {
      if (name === "id" || name === "urn") return output(STRING);
      const r = schemaOf(t.pkg).resources[t.key];
      const v = fromShape(r?.outputs[name], t.pkg, "out");
      return output(r?.optionalOutputs?.includes(name) ? opt(v) : v);
    }
    case "component":
      return t.outputs[name] ?? output(ANY);
    default:
      return ANY;
  }
}

function unwrapOut(t: Type): Type {
  return t.k === "output" ? t.of : t;
}

/** The type of `[key]` on a value of type `t`; `key` is the literal key when known. */
export function element(t: Type, key?: string | number): Type {
  switch (t.k) {
    case "output":
      return output(unwrapOut(element(t.of, key)));
    case "opt":
      return element(t.of, key);
    case "list":
      return t.of;
    case "tuple":
      return typeof key === "number" ? (t.of[key] ?? ANY) : joinAll(t.of);
    case "map":
      return t.of;
    case "object":
      return key !== undefined ? (t.fields[String(key)] ?? ANY) : joinAll(Object.values(t.fields));
    case "schema":
      return key !== undefined ? attribute(t, String(key)) : ANY;
    default:
      return ANY;
  }
}

/**
 * What iterating a collection of type `t` gives: the key and the value of each element. An
 * Output collection is iterated inside `.apply`, so its elements are plain; a plain collection
 * of outputs keeps them.
 */
export function iteration(t: Type): { kind: "list" | "set" | "map" | "any"; key: Type; value: Type } {
  const u = required(isOutputType(t) ? unwrap(t) : t);
  switch (u.k) {
    case "list":
      return u.set ? { kind: "set", key: u.of, value: u.of } : { kind: "list", key: NUMBER, value: u.of };
    case "tuple":
      return { kind: "list", key: NUMBER, value: joinAll(u.of) };
    case "map":
      return { kind: "map", key: STRING, value: u.of };
    case "object":
    case "schema":
      return { kind: "map", key: STRING, value: element(u) };
    default:
      return { kind: "any", key: ANY, value: ANY };
  }
}

/** The common type of several values (the elements of a list literal); `any` for none. */
export function joinAll(ts: readonly Type[]): Type {
  return ts.length ? ts.reduce(join) : ANY;
}

/** The common type of two values (the branches of a conditional, the elements of a list). */
export function join(a: Type, b: Type): Type {
  if (a.k === "null") return b.k === "null" ? a : opt(b);
  if (b.k === "null") return opt(a);
  if (a.k === "any" || b.k === "any") return ANY;
  if (a.k === "output" || b.k === "output") return output(join(unwrapOut(a), unwrapOut(b)));
  if (a.k === "opt" || b.k === "opt") return opt(join(required(a), required(b)));
  if (same(a, b)) return a;
  const scalar = (t: Type) => t.k === "string" || t.k === "number" || t.k === "bool";
  // Terraform unifies mixed primitive types to string.
  if (scalar(a) && scalar(b)) return STRING;
  if (a.k === "list" && b.k === "list") return list(join(a.of, b.of));
  if ((a.k === "list" || a.k === "tuple") && (b.k === "list" || b.k === "tuple")) return list(join(element(a), element(b)));
  if (a.k === "map" && b.k === "map") return map(join(a.of, b.of));
  if (a.k === "object" && b.k === "object") {
    const fields: Record<string, Type> = {};
    for (const k of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])) {
      const x = a.fields[k];
      const y = b.fields[k];
      fields[k] = x && y ? join(x, y) : opt(x ?? y!);
    }
    return { k: "object", fields };
  }
  if ((a.k === "map" || a.k === "object") && (b.k === "map" || b.k === "object")) return map(join(element(a), element(b)));
  return ANY;
}

export function same(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isScalar(t: Type): t is { k: "string" } | { k: "number" } | { k: "bool" } {
  return t.k === "string" || t.k === "number" || t.k === "bool";
}

export function isListLike(t: Type): boolean {
  const u = required(unwrap(t));
  return u.k === "list" || u.k === "tuple";
}

export function isMapLike(t: Type): boolean {
  const u = required(unwrap(t));
  return u.k === "map" || u.k === "object" || u.k === "schema";
}

/** A TypeScript type for annotations (config reads, declarations TypeScript cannot infer). */
export function tsType(t: Type): string {
  switch (t.k) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "bool":
      return "boolean";
    case "null":
      return "undefined";
    case "any":
    case "schema":
    case "asset":
      return "any";
    case "component":
      return t.className;
    case "list": {
      const inner = tsType(t.of);
      return /[|&]/.test(inner) ? `(${inner})[]` : `${inner}[]`;
    }
    case "tuple":
      return `[${t.of.map(tsType).join(", ")}]`;
    case "map":
      return `Record<string, ${tsType(t.of)}>`;
    case "object": {
      const fields = Object.entries(t.fields).map(([k, v]) => {
        const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
        return v.k === "opt" ? `${key}?: ${tsType(v.of)}` : `${key}: ${tsType(v)}`;
      });
      return fields.length ? `{ ${fields.join("; ")} }` : "Record<string, never>";
    }
    case "resource":
      return t.className;
    case "output":
      return `pulumi.Output<${tsType(t.of)}>`;
    case "opt":
      return `${tsType(t.of)} | undefined`;
  }
}
